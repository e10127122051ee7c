// Loads and validates layouts/: kiosk.toml, guide.toml and screens/*.toml.
#include <stb_image.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/base/toml_reader.h"
#include "core/content/content.h"
#include "core/guide/guide.h"

namespace fs = std::filesystem;

namespace ww {

const std::vector<std::string> kRequiredUiWords = {
    "home",           "back",          "where",           "language",      "accessibility",
    "read_aloud",     "stop_reading",  "text_size",       "text_normal",   "text_large",
    "text_larger",    "contrast",      "contrast_normal", "contrast_high", "reach_mode",
    "reach_on",       "reach_off",     "close",           "idle_title",    "idle_body",
    "idle_continue",  "attract_touch", "source",          "checked",       "government_only",
    "out_of_order",   "question_of",   "dont_know_hint",  "result_forms",  "result_counter",
    "result_applies", "result_steps",  "result_restart",  "scan_qr",       "more_info"};

const Screen* Content::screen(const std::string& id) const {
    for (auto& s : screens)
        if (s.id == id) return &s;
    return nullptr;
}

const std::string& Content::word(const std::string& key, const std::string& lang) const {
    static const std::string none;
    auto it = ui.find(key);
    return it == ui.end() ? none : it->second.in(lang);
}

const Question* Guide::question(const std::string& id) const {
    for (auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

const GuideResult* Guide::result(const std::string& id) const {
    for (auto& r : results)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {

void collect(const Text& t, std::vector<const std::string*>& out) {
    for (auto& [lang, s] : t.by_lang) out.push_back(&s);
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

Loc loc_of(const TomlReader& r, const toml::node& n) {
    return {r.file(), static_cast<int>(n.source().begin.line),
            static_cast<int>(n.source().begin.column)};
}

// Remembers which asset files were referenced and where, then checks them once each.
struct AssetChecks {
    std::string dir;
    std::map<std::string, bool> decoded;  // file -> decodes

    void check(TomlReader& r, const toml::node& at, const std::string& file) {
        if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) {
            r.problem(at, "image '" + file + "' must be a plain file name in assets/");
            return;
        }
        auto it = decoded.find(file);
        if (it == decoded.end()) {
            const std::string path = dir + "/" + file;
            bool ok = false;
            if (fs::is_regular_file(path)) {
                int w = 0, h = 0, n = 0;
                unsigned char* px = stbi_load(path.c_str(), &w, &h, &n, 4);
                ok = px != nullptr && w > 0 && h > 0 && w <= 8192 && h <= 8192;
                stbi_image_free(px);
            }
            it = decoded.emplace(file, ok).first;
        }
        if (!it->second) {
            const bool exists = fs::is_regular_file(dir + "/" + file);
            r.problem(at, exists ? "image '" + file + "' does not decode (PNG or JPEG expected)"
                                 : "image '" + file + "' does not exist in assets/");
        }
    }
};

// A reference from one screen to another, checked once all screens are known.
struct ScreenRef {
    std::string target;
    std::string from;  // screen id
    Loc loc;
};

class Loader {
  public:
    Loader(std::string layouts, std::string assets) : layouts_(std::move(layouts)) {
        content_ = std::make_shared<Content>();
        content_->assets_dir = assets;
        assets_.dir = assets;
    }

    ContentLoad run() {
        read_kiosk();
        read_screens();
        read_guide();
        cross_check();
        return {content_, std::move(problems_)};
    }

  private:
    void read_kiosk() {
        const std::string path = layouts_ + "/kiosk.toml";
        auto doc = parse_toml_file(path, problems_);
        Content& c = *content_;
        if (!doc) {
            c.languages = {"nl", "en"};  // still check the screens' translations
            return;
        }
        TomlReader pre(path, problems_);
        pre.only_keys(*doc, {"languages", "home", "language_names", "ui", "attract"}, "kiosk.toml");
        c.languages = pre.string_list(*doc, "languages", true);
        for (auto& l : c.languages)
            if (l.size() < 2 || l.size() > 5 || !valid_id(l))
                pre.problem(*doc->get("languages"), "'" + l + "' is not a language code");
        if (c.languages.empty()) c.languages = {"nl", "en"};
        TomlReader r(path, problems_, c.languages);
        c.home = r.string(*doc, "home", true).value_or("home");
        if (auto names = r.table(*doc, "language_names", true)) {
            Text t = r.text_node(*doc->get("language_names"), "language_names");
            c.language_names = t.by_lang;
            (void)names;
        }
        if (auto ui = r.table(*doc, "ui", true)) {
            for (auto&& [k, v] : *ui) {
                const std::string key(k.str());
                if (std::find(kRequiredUiWords.begin(), kRequiredUiWords.end(), key) ==
                    kRequiredUiWords.end()) {
                    r.problem(k.source(), "unknown interface word '" + key + "' in [ui]");
                    continue;
                }
                c.ui[key] = r.text_node(v, "ui." + key);
            }
            for (auto& w : kRequiredUiWords)
                if (!ui->contains(w)) r.problem(*ui, "[ui] is missing the word '" + w + "'");
        }
        if (auto list = r.array(*doc, "attract", false)) {
            for (auto&& item : *list) {
                auto t = item.as_table();
                if (!t) {
                    r.problem(item, "[[attract]] entries must be tables");
                    continue;
                }
                r.only_keys(*t, {"text", "image"}, "[[attract]]");
                AttractMessage m;
                m.text = r.text(*t, "text", true);
                m.image = r.string(*t, "image", false).value_or("");
                if (!m.image.empty()) assets_.check(r, *t->get("image"), m.image);
                c.attract.push_back(std::move(m));
            }
        }
    }

    void read_screens() {
        std::vector<fs::path> files;
        std::error_code ec;
        for (auto& e : fs::directory_iterator(layouts_ + "/screens", ec))
            if (e.path().extension() == ".toml") files.push_back(e.path());
        if (ec) problems_.push_back({layouts_ + "/screens", 0, 0, "cannot read folder"});
        std::sort(files.begin(), files.end());
        if (files.size() > 500) {
            problems_.push_back({layouts_ + "/screens", 0, 0, "more than 500 screens"});
            files.resize(500);
        }
        for (auto& f : files) read_screen(f);
    }

    void read_screen(const fs::path& file) {
        const std::string path = file.string();
        auto doc = parse_toml_file(path, problems_);
        if (!doc) return;
        TomlReader r(path, problems_, content_->languages);
        Screen s;
        s.id = file.stem().string();
        s.loc = {path, 1, 1};
        if (!valid_id(s.id))
            r.problem(*doc, "screen id '" + s.id + "' (the file name) may only use a-z, 0-9 and -");
        r.only_keys(*doc, {"title", "intro", "source", "checked", "government_only", "block"},
                    "screen");
        s.title = r.text(*doc, "title", true);
        s.intro = r.text(*doc, "intro", false);
        s.source = r.string(*doc, "source", true).value_or("");
        s.checked = r.string(*doc, "checked", true).value_or("");
        s.government_only = r.boolean(*doc, "government_only").value_or(false);
        if (auto blocks = r.array(*doc, "block", false)) {
            for (auto&& item : *blocks) {
                if (auto t = item.as_table())
                    read_block(r, *t, s);
                else
                    r.problem(item, "[[block]] entries must be tables");
            }
        }
        content_->screens.push_back(std::move(s));
    }

    void ref(TomlReader& r, const toml::node& at, const std::string& target, const Screen& from) {
        refs_.push_back({target, from.id, loc_of(r, at)});
    }

    void read_block(TomlReader& r, const toml::table& t, Screen& s) {
        static const std::map<std::string, BlockType> kinds = {{"paragraph", BlockType::Paragraph},
                                                               {"bullets", BlockType::Bullets},
                                                               {"numbered", BlockType::Numbered},
                                                               {"card", BlockType::Card},
                                                               {"callout", BlockType::Callout},
                                                               {"table", BlockType::Table},
                                                               {"image", BlockType::Image},
                                                               {"links", BlockType::Links},
                                                               {"qr", BlockType::Qr},
                                                               {"tiles", BlockType::Tiles}};
        auto type = r.string(t, "type", true);
        if (!type) return;
        auto kind = kinds.find(*type);
        if (kind == kinds.end()) {
            r.problem(*t.get("type"), "unknown block type '" + *type +
                                          "' (paragraph, bullets, numbered, card, callout, table, "
                                          "image, links, qr, tiles)");
            return;
        }
        Block b;
        b.type = kind->second;
        switch (b.type) {
            case BlockType::Paragraph:
                r.only_keys(t, {"type", "text"}, "paragraph block");
                b.text = r.text(t, "text", true);
                break;
            case BlockType::Bullets:
            case BlockType::Numbered:
                r.only_keys(t, {"type", "title", "items"}, *type + " block");
                b.title = r.text(t, "title", false);
                b.items = r.text_list(t, "items", true);
                break;
            case BlockType::Card:
                r.only_keys(t, {"type", "title", "text", "items", "link"}, "card block");
                b.title = r.text(t, "title", true);
                b.text = r.text(t, "text", false);
                b.items = r.text_list(t, "items", false);
                b.link = r.string(t, "link", false).value_or("");
                if (!b.link.empty()) ref(r, *t.get("link"), b.link, s);
                break;
            case BlockType::Callout:
                r.only_keys(t, {"type", "kind", "text"}, "callout block");
                b.kind = r.string(t, "kind", false).value_or("note");
                if (b.kind != "note" && b.kind != "warning" && b.kind != "government")
                    r.problem(*t.get("kind"), "callout kind must be note, warning or government");
                b.text = r.text(t, "text", true);
                break;
            case BlockType::Table:
                r.only_keys(t, {"type", "columns", "rows"}, "table block");
                b.columns = r.text_list(t, "columns", true);
                if (auto rows = r.array(t, "rows", true)) {
                    for (auto&& row : *rows) {
                        auto cells = row.as_array();
                        if (!cells) {
                            r.problem(row, "each table row must be a list of cells");
                            continue;
                        }
                        std::vector<Text> out;
                        for (auto&& cell : *cells) out.push_back(r.text_node(cell, "table cell"));
                        if (!b.columns.empty() && out.size() != b.columns.size())
                            r.problem(row, "row has " + std::to_string(out.size()) +
                                               " cells but the table has " +
                                               std::to_string(b.columns.size()) + " columns");
                        b.rows.push_back(std::move(out));
                    }
                }
                break;
            case BlockType::Image:
                r.only_keys(t, {"type", "file", "alt"}, "image block");
                b.file = r.string(t, "file", true).value_or("");
                b.text = r.text(t, "alt", true);
                if (!b.file.empty()) assets_.check(r, *t.get("file"), b.file);
                break;
            case BlockType::Links:
                r.only_keys(t, {"type", "screens"}, "links block");
                b.screens = r.string_list(t, "screens", true);
                for (auto& target : b.screens) ref(r, *t.get("screens"), target, s);
                break;
            case BlockType::Qr:
                r.only_keys(t, {"type", "url", "label"}, "qr block");
                b.url = r.string(t, "url", true).value_or("");
                b.label = r.text(t, "label", true);
                check_url(r, t, b.url);
                break;
            case BlockType::Tiles:
                r.only_keys(t, {"type", "tiles"}, "tiles block");
                if (auto tiles = r.array(t, "tiles", true)) {
                    for (auto&& item : *tiles) {
                        auto tt = item.as_table();
                        if (!tt) {
                            r.problem(item, "tiles must be tables");
                            continue;
                        }
                        r.only_keys(*tt, {"screen", "image", "label"}, "tile");
                        Tile tile;
                        tile.screen = r.string(*tt, "screen", true).value_or("");
                        tile.image = r.string(*tt, "image", true).value_or("");
                        tile.label = r.text(*tt, "label", true);
                        if (!tile.image.empty()) assets_.check(r, *tt->get("image"), tile.image);
                        if (!tile.screen.empty() && tile.screen != "guide")
                            ref(r, *tt->get("screen"), tile.screen, s);
                        b.tiles.push_back(std::move(tile));
                    }
                }
                break;
        }
        s.blocks.push_back(std::move(b));
    }

    void check_url(TomlReader& r, const toml::table& t, const std::string& url) {
        if (url.empty()) return;
        if (url.rfind("https://", 0) != 0 || url.size() > 300 ||
            url.find_first_of(" @?") != std::string::npos)
            r.problem(*t.get("url"),
                      "QR url must be a plain https:// address of at most 300 characters, "
                      "without '?' or '@' (no personal data in a QR code)");
    }

    void read_guide() {
        const std::string path = layouts_ + "/guide.toml";
        auto doc = parse_toml_file(path, problems_);
        if (!doc) return;
        TomlReader r(path, problems_, content_->languages);
        Guide& g = content_->guide;
        r.only_keys(*doc, {"start", "question", "rule", "result"}, "guide.toml");
        g.start = r.string(*doc, "start", true).value_or("");
        if (auto qs = r.array(*doc, "question", true)) {
            for (auto&& item : *qs) {
                auto t = item.as_table();
                if (!t) {
                    r.problem(item, "[[question]] entries must be tables");
                    continue;
                }
                r.only_keys(*t, {"id", "text", "help", "answer"}, "[[question]]");
                Question q;
                q.loc = loc_of(r, item);
                q.id = r.string(*t, "id", true).value_or("");
                q.text = r.text(*t, "text", true);
                q.help = r.text(*t, "help", false);
                if (auto answers = r.array(*t, "answer", true)) {
                    for (auto&& a : *answers) {
                        auto at = a.as_table();
                        if (!at) {
                            r.problem(a, "[[question.answer]] entries must be tables");
                            continue;
                        }
                        r.only_keys(*at, {"value", "label", "next"}, "[[question.answer]]");
                        Answer ans;
                        ans.loc = loc_of(r, a);
                        ans.value = r.string(*at, "value", true).value_or("");
                        ans.label = r.text(*at, "label", true);
                        ans.next = r.string(*at, "next", false).value_or("");
                        q.answers.push_back(std::move(ans));
                    }
                }
                g.questions.push_back(std::move(q));
            }
            // No questions would skip every guide check, and the guide tile would open nothing.
            if (qs->empty())
                r.problem(*doc->get("question"), "the guide needs at least one [[question]]");
        }
        if (auto rules = r.array(*doc, "rule", true)) {
            for (auto&& item : *rules) {
                auto t = item.as_table();
                if (!t) {
                    r.problem(item, "[[rule]] entries must be tables");
                    continue;
                }
                r.only_keys(*t, {"when", "result"}, "[[rule]]");
                Rule rule;
                rule.loc = loc_of(r, item);
                rule.result = r.string(*t, "result", true).value_or("");
                if (auto when = r.table(*t, "when", false))
                    for (auto&& [k, v] : *when)
                        rule.when[std::string(k.str())] = r.string_list(*when, k.str(), true);
                g.rules.push_back(std::move(rule));
            }
        }
        if (auto results = r.array(*doc, "result", true)) {
            for (auto&& item : *results) {
                auto t = item.as_table();
                if (!t) {
                    r.problem(item, "[[result]] entries must be tables");
                    continue;
                }
                r.only_keys(*t, {"id", "title", "forms", "counter", "applies", "steps", "qr"},
                            "[[result]]");
                GuideResult res;
                res.loc = loc_of(r, item);
                res.id = r.string(*t, "id", true).value_or("");
                res.title = r.text(*t, "title", true);
                res.forms = r.string_list(*t, "forms", true);
                for (auto& f : res.forms) result_forms_.push_back({f, res.id, res.loc});
                res.counter = r.text(*t, "counter", true);
                res.applies = r.text(*t, "applies", true);
                res.steps = r.text_list(*t, "steps", true);
                if (auto qr = r.table(*t, "qr", true)) {
                    r.only_keys(*qr, {"url", "label"}, "result qr");
                    res.qr_url = r.string(*qr, "url", true).value_or("");
                    res.qr_label = r.text(*qr, "label", true);
                    check_url(r, *qr, res.qr_url);
                }
                g.results.push_back(std::move(res));
            }
        }
    }

    void cross_check() {
        const Content& c = *content_;
        std::vector<std::string> ids;
        for (auto& s : c.screens) ids.push_back(s.id);
        std::set<std::string> linked;
        for (auto& ref : refs_) {
            if (c.screen(ref.target) == nullptr) {
                problems_.push_back({ref.loc.file, ref.loc.line, ref.loc.col,
                                     "link to screen '" + ref.target + "', which does not exist"});
            } else if (ref.target != ref.from) {
                linked.insert(ref.target);
            }
        }
        for (auto& ref : result_forms_) {
            if (c.screen(ref.target) == nullptr)
                problems_.push_back({ref.loc.file, ref.loc.line, ref.loc.col,
                                     "result '" + ref.from + "' names form screen '" + ref.target +
                                         "', which does not exist"});
        }
        if (!c.home.empty() && !c.screens.empty() && c.screen(c.home) == nullptr)
            problems_.push_back(
                {layouts_ + "/kiosk.toml", 0, 0, "home screen '" + c.home + "' does not exist"});
        for (auto& s : c.screens)
            if (s.id != c.home && !linked.count(s.id))
                problems_.push_back({s.loc.file, 1, 1,
                                     "screen '" + s.id +
                                         "' is not linked from any other screen (visitors "
                                         "cannot reach it)"});
        if (!c.guide.questions.empty()) validate_guide(c.guide, ids, problems_);
    }

    std::string layouts_;
    std::shared_ptr<Content> content_;
    Problems problems_;
    AssetChecks assets_;
    std::vector<ScreenRef> refs_;
    std::vector<ScreenRef> result_forms_;
};

}  // namespace

std::vector<const std::string*> Content::all_strings() const {
    std::vector<const std::string*> out;
    for (auto& [k, t] : ui) collect(t, out);
    for (auto& [k, s] : language_names) out.push_back(&s);
    for (auto& a : attract) collect(a.text, out);
    for (auto& s : screens) {
        collect(s.title, out);
        collect(s.intro, out);
        out.push_back(&s.source);
        for (auto& b : s.blocks) {
            collect(b.title, out);
            collect(b.text, out);
            collect(b.label, out);
            out.push_back(&b.url);
            for (auto& i : b.items) collect(i, out);
            for (auto& i : b.columns) collect(i, out);
            for (auto& row : b.rows)
                for (auto& i : row) collect(i, out);
            for (auto& t : b.tiles) collect(t.label, out);
        }
    }
    for (auto& q : guide.questions) {
        collect(q.text, out);
        collect(q.help, out);
        for (auto& a : q.answers) collect(a.label, out);
    }
    for (auto& r : guide.results) {
        collect(r.title, out);
        collect(r.counter, out);
        collect(r.applies, out);
        collect(r.qr_label, out);
        out.push_back(&r.qr_url);
        for (auto& s : r.steps) collect(s, out);
    }
    return out;
}

ContentLoad load_content(const std::string& layouts_dir, const std::string& assets_dir) {
    return Loader(layouts_dir, assets_dir).run();
}

}  // namespace ww
