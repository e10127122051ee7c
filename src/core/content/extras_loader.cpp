#include "core/content/extras_loader.h"

#include <filesystem>

#include "core/base/toml_reader.h"
#include "core/content/checks.h"

namespace ww {

void read_links(const std::string& path, const std::vector<std::string>& languages,
                std::map<std::string, Link>& out, Problems& problems) {
    if (!std::filesystem::exists(path)) return;
    auto doc = parse_toml_file(path, problems);
    if (!doc) return;
    TomlReader r(path, problems, languages);
    r.only_keys(*doc, {"url"}, "urls.toml");
    auto urls = r.table(*doc, "url", true);
    if (!urls) return;
    for (auto&& [k, v] : *urls) {
        Link l;
        l.name = std::string(k.str());
        if (!valid_id(l.name)) r.problem(k.source(), "'" + l.name + "' is not a name (a-z 0-9 -)");
        auto t = v.as_table();
        if (!t) {
            r.problem(v, "[url." + l.name + "] must be a table");
            continue;
        }
        r.only_keys(*t, {"href", "label", "checked"}, "[url." + l.name + "]");
        l.loc = loc_of(r, v);
        l.href = r.string(*t, "href", true).value_or("");
        if (!l.href.empty()) check_url(r, *t, "href", l.href);
        l.label = r.text(*t, "label", true);
        l.checked = r.string(*t, "checked", true).value_or("");
        out[l.name] = std::move(l);
    }
}

void read_glossary(const std::string& path, const std::vector<std::string>& languages,
                   std::vector<GlossaryWord>& out, Problems& problems) {
    if (!std::filesystem::exists(path)) return;
    auto doc = parse_toml_file(path, problems);
    if (!doc) return;
    TomlReader r(path, problems, languages);
    r.only_keys(*doc, {"word"}, "glossary.toml");
    for_each_table(r, *doc, "word", true, "word", [&](const toml::node& at, const toml::table& t) {
        r.only_keys(t, {"term", "forms", "explain"}, "[[word]]");
        GlossaryWord w;
        w.loc = loc_of(r, at);
        w.term = r.text(t, "term", true);
        w.explain = r.text(t, "explain", true);
        if (auto forms = r.table(t, "forms", false))
            for (auto&& [lang, v] : *forms)
                w.forms[std::string(lang.str())] = r.string_list(*forms, lang.str(), true);
        out.push_back(std::move(w));
    });
}

}  // namespace ww
