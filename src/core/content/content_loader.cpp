// Loads and validates layouts/: kiosk.toml, guide.toml and screens/*.toml.
#include <stb_image.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>
#include <variant>

#include "core/base/overload.h"
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

void collect_block(const Block& b, std::vector<const std::string*>& out) {
    auto list = [&](const std::vector<Text>& items) {
        for (auto& i : items) collect(i, out);
    };
    const Overload add{
        [&](const Paragraph& k) { collect(k.text, out); },
        [&](const Bullets& k) {
            collect(k.title, out);
            list(k.items);
        },
        [&](const Numbered& k) {
            collect(k.title, out);
            list(k.items);
        },
        [&](const Card& k) {
            collect(k.title, out);
            collect(k.text, out);
            list(k.items);
        },
        [&](const Callout& k) { collect(k.text, out); },
        [&](const Table& k) {
            list(k.columns);
            for (auto& row : k.rows) list(row);
        },
        [&](const Image& k) { collect(k.alt, out); },
        [](const Links&) {},  // labelled with the titles of their screens
        [&](const Qr& k) {
            collect(k.label, out);
            out.push_back(&k.url);
        },
        [&](const Tiles& k) {
            for (auto& t : k.tiles) collect(t.label, out);
        },
    };
    std::visit(add, b);
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

// A default block of the kind named `type = "..."`; nothing when no kind has that name.
template <size_t... I>
std::optional<Block> empty_block(const std::string& type, std::index_sequence<I...>) {
    std::optional<Block> out;
    ((type == std::variant_alternative_t<I, Block>::kType
          ? (void)out.emplace(std::in_place_index<I>)
          : (void)0),
     ...);
    return out;
}
std::optional<Block> empty_block(const std::string& type) {
    return empty_block(type, std::make_index_sequence<std::variant_size_v<Block>>());
}

// "paragraph, bullets, ..., tiles": every kind, in the variant's order.
template <size_t... I>
std::string block_type_list(std::index_sequence<I...>) {
    std::string out;
    ((out += (I == 0 ? "" : ", "), out += std::variant_alternative_t<I, Block>::kType), ...);
    return out;
}
std::string block_type_list() {
    return block_type_list(std::make_index_sequence<std::variant_size_v<Block>>());
}

// A reference to a screen, checked once all screens are known.
struct ScreenRef {
    std::string target;
    std::string from;  // screen id
    Loc loc;
};

// The screens a block leads to, with where each is written.
void screen_refs(const Block& b, const std::string& from, std::vector<ScreenRef>& out) {
    const Overload add{
        [](const Paragraph&) {},
        [](const Bullets&) {},
        [](const Numbered&) {},
        [&](const Card& k) {
            if (!k.link.empty()) out.push_back({k.link, from, k.link_loc});
        },
        [](const Callout&) {},
        [](const Table&) {},
        [](const Image&) {},
        [&](const Links& k) {
            for (auto& target : k.screens) out.push_back({target, from, k.screens_loc});
        },
        [](const Qr&) {},
        [&](const Tiles& k) {
            for (auto& t : k.tiles)
                if (!t.screen.empty() && t.screen != "guide")
                    out.push_back({t.screen, from, t.screen_loc});
        },
    };
    std::visit(add, b);
}

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

    void read_block(TomlReader& r, const toml::table& t, Screen& s) {
        auto type = r.string(t, "type", true);
        if (!type) return;
        std::optional<Block> b = empty_block(*type);
        if (!b) {
            r.problem(*t.get("type"),
                      "unknown block type '" + *type + "' (" + block_type_list() + ")");
            return;
        }
        const std::string where = *type + " block";
        const Overload read{
            [&](Paragraph& p) {
                r.only_keys(t, {"type", "text"}, where);
                p.text = r.text(t, "text", true);
            },
            [&](Bullets& l) { read_list(r, t, where, l.title, l.items); },
            [&](Numbered& l) { read_list(r, t, where, l.title, l.items); },
            [&](Card& k) {
                r.only_keys(t, {"type", "title", "text", "items", "link"}, where);
                k.title = r.text(t, "title", true);
                k.text = r.text(t, "text", false);
                k.items = r.text_list(t, "items", false);
                k.link = r.string(t, "link", false).value_or("");
                if (!k.link.empty()) k.link_loc = loc_of(r, *t.get("link"));
            },
            [&](Callout& k) {
                r.only_keys(t, {"type", "kind", "text"}, where);
                k.kind = r.string(t, "kind", false).value_or("note");
                if (k.kind != "note" && k.kind != "warning" && k.kind != "government")
                    r.problem(*t.get("kind"), "callout kind must be note, warning or government");
                k.text = r.text(t, "text", true);
            },
            [&](Table& k) { read_table(r, t, where, k); },
            [&](Image& k) {
                r.only_keys(t, {"type", "file", "alt"}, where);
                k.file = r.string(t, "file", true).value_or("");
                k.alt = r.text(t, "alt", true);
                if (!k.file.empty()) assets_.check(r, *t.get("file"), k.file);
            },
            [&](Links& k) {
                r.only_keys(t, {"type", "screens"}, where);
                k.screens = r.string_list(t, "screens", true);
                if (!k.screens.empty()) k.screens_loc = loc_of(r, *t.get("screens"));
            },
            [&](Qr& k) {
                r.only_keys(t, {"type", "url", "label"}, where);
                k.url = r.string(t, "url", true).value_or("");
                k.label = r.text(t, "label", true);
                check_url(r, t, k.url);
            },
            [&](Tiles& k) { read_tiles(r, t, where, k); },
        };
        std::visit(read, *b);
        s.blocks.push_back(std::move(*b));
    }

    static void read_list(TomlReader& r, const toml::table& t, const std::string& where,
                          Text& title, std::vector<Text>& items) {
        r.only_keys(t, {"type", "title", "items"}, where);
        title = r.text(t, "title", false);
        items = r.text_list(t, "items", true);
    }

    static void read_table(TomlReader& r, const toml::table& t, const std::string& where,
                           Table& k) {
        r.only_keys(t, {"type", "columns", "rows"}, where);
        k.columns = r.text_list(t, "columns", true);
        auto rows = r.array(t, "rows", true);
        if (!rows) return;
        for (auto&& row : *rows) {
            auto cells = row.as_array();
            if (!cells) {
                r.problem(row, "each table row must be a list of cells");
                continue;
            }
            std::vector<Text> out;
            for (auto&& cell : *cells) out.push_back(r.text_node(cell, "table cell"));
            if (!k.columns.empty() && out.size() != k.columns.size())
                r.problem(row, "row has " + std::to_string(out.size()) +
                                   " cells but the table has " + std::to_string(k.columns.size()) +
                                   " columns");
            k.rows.push_back(std::move(out));
        }
    }

    void read_tiles(TomlReader& r, const toml::table& t, const std::string& where, Tiles& k) {
        r.only_keys(t, {"type", "tiles"}, where);
        auto tiles = r.array(t, "tiles", true);
        if (!tiles) return;
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
            if (!tile.screen.empty()) tile.screen_loc = loc_of(r, *tt->get("screen"));
            k.tiles.push_back(std::move(tile));
        }
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
        std::vector<ScreenRef> refs;
        for (auto& s : c.screens)
            for (auto& b : s.blocks) screen_refs(b, s.id, refs);
        std::set<std::string> linked;
        for (auto& ref : refs) {
            if (c.screen(ref.target) == nullptr) {
                problems_.push_back({ref.loc.file, ref.loc.line, ref.loc.col,
                                     "link to screen '" + ref.target + "', which does not exist"});
            } else if (ref.target != ref.from) {
                linked.insert(ref.target);
            }
        }
        for (auto& res : c.guide.results)
            for (auto& form : res.forms)
                if (c.screen(form) == nullptr)
                    problems_.push_back({res.loc.file, res.loc.line, res.loc.col,
                                         "result '" + res.id + "' names form screen '" + form +
                                             "', which does not exist"});
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
        for (auto& b : s.blocks) collect_block(b, out);
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
