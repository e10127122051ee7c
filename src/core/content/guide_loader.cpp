#include "core/content/guide_loader.h"

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
}  // namespace

void read_guide(const std::string& path, const std::vector<std::string>& languages, Guide& g,
                Problems& out) {
    auto doc = parse_toml_file(path, out);
    if (!doc) return;
    TomlReader r(path, out, languages);
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
                    r.only_keys(*at, {"value", "label", "why", "next"}, "[[question.answer]]");
                    Answer ans;
                    ans.loc = loc_of(r, a);
                    ans.value = r.string(*at, "value", true).value_or("");
                    ans.label = r.text(*at, "label", true);
                    ans.why = r.text(*at, "why", false);
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
            rule.when = read_when(r, *t);
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
            r.only_keys(*t,
                        {"id", "title", "forms", "counter", "applies", "steps", "qr", "source",
                         "checked", "variant"},
                        "[[result]]");
            GuideResult res;
            res.loc = loc_of(r, item);
            res.id = r.string(*t, "id", true).value_or("");
            res.title = r.text(*t, "title", true);
            res.forms = r.string_list(*t, "forms", true);
            res.counter = r.text(*t, "counter", true);
            res.applies = r.text(*t, "applies", true);
            res.steps = r.text_list(*t, "steps", true);
            res.qr = r.string(*t, "qr", true).value_or("");
            if (auto n = t->get("qr")) res.qr_loc = loc_of(r, *n);
            res.source = r.string(*t, "source", true).value_or("");
            res.checked = r.string(*t, "checked", true).value_or("");
            if (auto variants = r.array(*t, "variant", false)) {
                for (auto&& v : *variants) {
                    auto vt = v.as_table();
                    if (!vt) {
                        r.problem(v, "[[result.variant]] entries must be tables");
                        continue;
                    }
                    r.only_keys(*vt, {"when", "title", "applies", "steps", "qr"},
                                "[[result.variant]]");
                    ResultVariant var;
                    var.loc = loc_of(r, v);
                    var.when = read_when(r, *vt);
                    if (var.when.empty()) r.problem(v, "a [[result.variant]] needs a `when`");
                    var.title = r.text(*vt, "title", false);
                    var.applies = r.text(*vt, "applies", false);
                    var.steps = r.text_list(*vt, "steps", false);
                    var.qr = r.string(*vt, "qr", false).value_or("");
                    if (auto n = vt->get("qr")) var.qr_loc = loc_of(r, *n);
                    res.variants.push_back(std::move(var));
                }
            }
            g.results.push_back(std::move(res));
        }
    }
}

}  // namespace ww
