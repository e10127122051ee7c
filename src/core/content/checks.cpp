#include "core/content/checks.h"

#include <stb_image.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <variant>
#include <vector>

#include "core/base/overload.h"
#include "core/content/glossary.h"
#include "core/guide/guide.h"

namespace fs = std::filesystem;

namespace ww {

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

void check_url(TomlReader& r, const toml::table& t, std::string_view key, const std::string& url) {
    if (url.empty()) return;
    if (url.rfind("https://", 0) != 0 || url.size() > 300 ||
        url.find_first_of(" @?") != std::string::npos)
        r.problem(*t.get(key),
                  "a QR address must be a plain https:// address of at most 300 characters, "
                  "without '?' or '@' (no personal data in a QR code)");
}

void read_sources(TomlReader& r, const toml::table& t, std::vector<std::string>& names, Loc& at) {
    names = r.string_list(t, "sources", true);
    const toml::node* n = t.get("sources");
    if (!n) return;
    at = loc_of(r, *n);
    if (n->is_array() && names.empty())
        r.problem(*n, "`sources` needs at least one name from urls.toml: what the text rests on");
}

void AssetChecks::check(TomlReader& r, const toml::node& at, const std::string& file) {
    if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) {
        r.problem(at, "image '" + file + "' must be a plain file name in assets/");
        return;
    }
    auto it = decoded_.find(file);
    if (it == decoded_.end()) {
        const std::string path = dir_ + "/" + file;
        bool ok = false;
        if (fs::is_regular_file(path)) {
            int w = 0, h = 0, n = 0;
            unsigned char* px = stbi_load(path.c_str(), &w, &h, &n, 4);
            ok = px != nullptr && w > 0 && h > 0 && w <= 8192 && h <= 8192;
            stbi_image_free(px);
        }
        it = decoded_.emplace(file, ok).first;
    }
    if (!it->second) {
        const bool exists = fs::is_regular_file(dir_ + "/" + file);
        r.problem(at, exists ? "image '" + file + "' does not decode (PNG or JPEG expected)"
                             : "image '" + file + "' does not exist in assets/");
    }
}

namespace {

// A link from one screen to another.
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
                if (!t.screen.empty() && t.screen != kGuideTarget)
                    out.push_back({t.screen, from, t.screen_loc});
        },
    };
    std::visit(add, b);
}

void problem_at(const Loc& at, const std::string& message, Problems& out) {
    out.push_back({at.file, at.line, at.col, message});
}

void need_link(const Content& c, const std::string& name, const Loc& at, Problems& out) {
    if (!name.empty() && !c.link(name)) problem_at(at, "'" + name + "' is not in urls.toml", out);
}

void need_sources(const Content& c, const std::vector<std::string>& names, const Loc& at,
                  Problems& out) {
    for (auto& name : names)
        if (!c.link(name)) problem_at(at, "source '" + name + "' is not in urls.toml", out);
}

// QR names that urls.toml lacks, result variants that ask about unknown questions or answers,
// and glossary words that no screen, question or result uses.
void check_links_and_words(const Content& c, Problems& out) {
    for (auto& s : c.screens) {
        need_sources(c, s.sources, s.sources_loc, out);
        for (auto& b : s.blocks)
            if (auto qr = std::get_if<Qr>(&b)) need_link(c, qr->link, qr->link_loc, out);
    }
    for (auto& r : c.guide.results) {
        need_sources(c, r.sources, r.sources_loc, out);
        need_link(c, r.qr, r.qr_loc, out);
        for (auto& v : r.variants) {
            need_link(c, v.qr, v.qr_loc, out);
            for (auto& [q, values] : v.when) {
                const Question* question = c.guide.question(q);
                if (!question) {
                    problem_at(v.loc, "variant of '" + r.id + "': no question '" + q + "'", out);
                    continue;
                }
                for (auto& value : values) {
                    bool known = false;
                    for (auto& a : question->answers) known = known || a.value == value;
                    if (!known)
                        problem_at(v.loc,
                                   "variant of '" + r.id + "': question '" + q +
                                       "' has no answer '" + value + "'",
                                   out);
                }
            }
        }
    }
    // Every string outside the glossary itself, in all languages: a word must be used somewhere.
    std::string text;
    Content without = c;
    without.glossary.clear();
    for (auto* s : without.all_strings()) text += *s + "\n";
    for (auto& w : c.glossary)
        for (auto& lang : c.languages)
            if (!mentions(text, w, lang))
                problem_at(
                    w.loc,
                    "glossary word '" + w.term.in(lang) + "' (" + lang + ") is used on no screen",
                    out);
}

}  // namespace

void check_across_files(const Content& c, const std::string& kiosk_toml, Problems& out) {
    std::vector<std::string> ids;
    for (auto& s : c.screens) ids.push_back(s.id);
    std::vector<ScreenRef> refs;
    for (auto& s : c.screens)
        for (auto& b : s.blocks) screen_refs(b, s.id, refs);
    std::set<std::string> linked;
    for (auto& ref : refs) {
        if (c.screen(ref.target) == nullptr) {
            out.push_back({ref.loc.file, ref.loc.line, ref.loc.col,
                           "link to screen '" + ref.target + "', which does not exist"});
        } else if (ref.target != ref.from) {
            linked.insert(ref.target);
        }
    }
    for (auto& res : c.guide.results)
        for (auto& form : res.forms)
            if (c.screen(form) == nullptr)
                out.push_back({res.loc.file, res.loc.line, res.loc.col,
                               "result '" + res.id + "' names form screen '" + form +
                                   "', which does not exist"});
    if (!c.home.empty() && !c.screens.empty() && c.screen(c.home) == nullptr)
        out.push_back({kiosk_toml, 0, 0, "home screen '" + c.home + "' does not exist"});
    for (auto& s : c.screens)
        if (s.id != c.home && !linked.count(s.id))
            out.push_back({s.loc.file, 1, 1,
                           "screen '" + s.id +
                               "' is not linked from any other screen (visitors cannot reach it)"});
    if (!c.guide.questions.empty()) validate_guide(c.guide, ids, out);
    check_links_and_words(c, out);
}

}  // namespace ww
