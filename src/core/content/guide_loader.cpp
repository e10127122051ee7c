#include "core/content/guide_loader.h"

#include <algorithm>
#include <utility>

#include "core/base/toml_reader.h"
#include "core/content/checks.h"

namespace ww {

namespace {

// `when = { question = ["value", ...] }` of a rule or a result variant; empty when absent.
std::map<std::string, std::vector<std::string>> read_when(TomlReader& r, const toml::table& t) {
    std::map<std::string, std::vector<std::string>> out;
    if (auto when = r.table(t, "when", false))
        for (auto&& [k, v] : *when) out[std::string(k.str())] = r.string_list(*when, k.str(), true);
    return out;
}

// `desks = ["uwv", "gemeente"]`: the kinds of desk "Waar gaat u heen?" points at (kDeskKinds).
std::vector<std::string> read_desks(TomlReader& r, const toml::table& t) {
    std::vector<std::string> desks = r.string_list(t, "desks", false);
    if (const toml::node* n = t.get("desks"))
        for (auto& d : desks)
            if (std::find(kDeskKinds.begin(), kDeskKinds.end(), d) == kDeskKinds.end())
                r.problem(*n, "desk '" + d + "' is not one of uwv, gemeente, werkgevers");
    return desks;
}

Question read_question(TomlReader& r, const toml::node& at, const toml::table& t) {
    r.only_keys(t, {"id", "text", "help", "answer"}, "[[question]]");
    Question q;
    q.loc = loc_of(r, at);
    q.id = r.string(t, "id", true).value_or("");
    q.text = r.text(t, "text", true);
    q.help = r.text(t, "help", false);
    for_each_table(r, t, "answer", true, "question.answer",
                   [&](const toml::node& a, const toml::table& at_) {
                       r.only_keys(at_, {"value", "label", "why", "next"}, "[[question.answer]]");
                       Answer ans;
                       ans.loc = loc_of(r, a);
                       ans.value = r.string(at_, "value", true).value_or("");
                       ans.label = r.text(at_, "label", true);
                       ans.why = r.text(at_, "why", false);
                       ans.next = r.string(at_, "next", false).value_or("");
                       q.answers.push_back(std::move(ans));
                   });
    return q;
}

ResultVariant read_variant(TomlReader& r, const toml::node& at, const toml::table& t) {
    r.only_keys(t, {"when", "title", "applies", "steps", "qr", "desks"}, "[[result.variant]]");
    ResultVariant v;
    v.loc = loc_of(r, at);
    v.when = read_when(r, t);
    if (v.when.empty()) r.problem(at, "a [[result.variant]] needs a `when`");
    v.title = r.text(t, "title", false);
    v.applies = r.text(t, "applies", false);
    v.steps = r.text_list(t, "steps", false);
    v.qr = r.string(t, "qr", false).value_or("");
    v.desks = read_desks(r, t);
    if (auto n = t.get("qr")) v.qr_loc = loc_of(r, *n);
    return v;
}

GuideResult read_result(TomlReader& r, const toml::node& at, const toml::table& t) {
    r.only_keys(t,
                {"id", "title", "forms", "counter", "desks", "applies", "steps", "qr", "sources",
                 "variant"},
                "[[result]]");
    GuideResult res;
    res.loc = loc_of(r, at);
    res.id = r.string(t, "id", true).value_or("");
    res.title = r.text(t, "title", true);
    res.forms = r.string_list(t, "forms", true);
    res.counter = r.text(t, "counter", true);
    res.desks = read_desks(r, t);
    res.applies = r.text(t, "applies", true);
    res.steps = r.text_list(t, "steps", true);
    res.qr = r.string(t, "qr", true).value_or("");
    if (auto n = t.get("qr")) res.qr_loc = loc_of(r, *n);
    read_sources(r, t, res.sources, res.sources_loc);
    for_each_table(r, t, "variant", false, "result.variant",
                   [&](const toml::node& v, const toml::table& vt) {
                       res.variants.push_back(read_variant(r, v, vt));
                   });
    return res;
}

}  // namespace

void read_guide(const std::string& path, const std::vector<std::string>& languages, Guide& g,
                Problems& out) {
    auto doc = parse_toml_file(path, out);
    if (!doc) return;
    TomlReader r(path, out, languages);
    r.only_keys(*doc, {"start", "question", "rule", "result"}, "guide.toml");
    g.start = r.string(*doc, "start", true).value_or("");
    for_each_table(r, *doc, "question", true, "question",
                   [&](const toml::node& at, const toml::table& t) {
                       g.questions.push_back(read_question(r, at, t));
                   });
    // No questions would skip every guide check, and the guide tile would open nothing.
    if (auto qs = doc->get("question"); qs && qs->is_array() && qs->as_array()->empty())
        r.problem(*qs, "the guide needs at least one [[question]]");
    for_each_table(r, *doc, "rule", true, "rule", [&](const toml::node& at, const toml::table& t) {
        r.only_keys(t, {"when", "result"}, "[[rule]]");
        Rule rule;
        rule.loc = loc_of(r, at);
        rule.result = r.string(t, "result", true).value_or("");
        rule.when = read_when(r, t);
        g.rules.push_back(std::move(rule));
    });
    for_each_table(r, *doc, "result", true, "result",
                   [&](const toml::node& at, const toml::table& t) {
                       g.results.push_back(read_result(r, at, t));
                   });
}

}  // namespace ww
