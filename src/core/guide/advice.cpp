#include "core/guide/advice.h"

#include <algorithm>
#include <sstream>

#include "core/content/sources.h"

namespace ww {

Advice advice_for(const Content& c, const std::string& id, const Answers& answers,
                  const KioskConfig::Site* site) {
    Advice a;
    a.result = c.guide.result(id);
    if (!a.result) return a;
    const GuideResult& r = *a.result;
    a.title = r.title;
    a.counter = r.counter;
    a.applies = r.applies;
    a.steps = r.steps;
    a.desks = r.desks;
    std::string qr = r.qr;
    for (auto& v : r.variants) {
        if (!conditions_hold(v.when, answers)) continue;
        if (!v.title.by_lang.empty()) a.title = v.title;
        if (!v.applies.by_lang.empty()) a.applies = v.applies;
        if (!v.steps.empty()) a.steps = v.steps;
        if (!v.qr.empty()) qr = v.qr;
        if (!v.desks.empty()) a.desks = v.desks;
        break;
    }
    if (site && !site->name.empty() &&
        std::find(a.desks.begin(), a.desks.end(), site->kind) != a.desks.end()) {
        a.site = site;
        a.site_ask = a.desks.size() > 1;
    }
    a.link = c.link(qr);
    for (auto& q : c.guide.questions) {
        auto given = answers.find(q.id);
        if (given == answers.end()) continue;
        for (auto& ans : q.answers)
            if (ans.value == given->second && !ans.why.by_lang.empty()) a.why.push_back(ans.why);
    }
    return a;
}

std::string why_line(const Advice& a, const std::string& lang) {
    std::string out;
    for (auto& w : a.why) out += (out.empty() ? "" : " ") + w.in(lang);
    return out;
}

std::vector<std::string> site_lines(const Content& c, const Advice& a, const std::string& lang) {
    std::vector<std::string> out;
    if (!a.site) return out;
    const KioskConfig::Site& s = *a.site;
    const bool nl = lang == c.languages.front();
    auto in_lang = [&](const std::string& dutch, const std::string& english) {
        return nl || english.empty() ? dutch : english;
    };
    auto line = [&](const char* word, const std::string& value) {
        if (!value.empty()) out.push_back(c.word(word, lang) + ": " + value);
    };
    out.push_back(c.word(a.site_ask ? "site_ask" : "site_here", lang));
    out.push_back(s.name);
    line("site_counter", in_lang(s.counter, s.counter_en));
    line("site_address", s.address);
    line("site_hours", in_lang(s.opening_hours, s.opening_hours_en));
    line("site_phone", s.phone);
    line("site_web", s.web);
    return out;
}

std::string summary_text(const Content& c, const Advice& a, const std::string& lang) {
    if (!a.result) return {};
    std::ostringstream out;
    out << c.word("summary_heading", lang) << "\n" << a.title.in(lang) << "\n";
    out << c.word("result_counter", lang) << ": " << a.counter.in(lang) << "\n";
    for (auto& l : site_lines(c, a, lang)) out << "  " << l << "\n";
    out << c.word("result_applies", lang) << ": " << a.applies.in(lang) << "\n";
    if (!a.why.empty()) out << why_line(a, lang) << "\n";
    out << c.word("result_steps", lang) << ":\n";
    for (size_t i = 0; i < a.steps.size(); ++i) out << i + 1 << ". " << a.steps[i].in(lang) << "\n";
    if (a.link) out << c.word("summary_more", lang) << ": " << a.link->href << "\n";
    return out.str();
}

std::string walk_answers(const Guide& g, const std::string& spec, Answers& answers,
                         std::string& error) {
    Answers given;
    std::stringstream in(spec);
    for (std::string pair; std::getline(in, pair, ',');) {
        const size_t eq = pair.find('=');
        if (eq == std::string::npos || eq == 0) {
            error = "'" + pair + "' is not QUESTION=ANSWER";
            return {};
        }
        const std::string q = pair.substr(0, eq), v = pair.substr(eq + 1);
        const Question* question = g.question(q);
        if (!question) {
            error = "the guide has no question '" + q + "'";
            return {};
        }
        bool known = false;
        std::string values;
        for (auto& a : question->answers) {
            known = known || a.value == v;
            values += (values.empty() ? "" : ", ") + a.value;
        }
        if (!known) {
            error = "question '" + q + "' has no answer '" + v + "' (answers: " + values + ")";
            return {};
        }
        given[q] = v;
    }
    answers.clear();
    for (std::string at = g.start; !at.empty();) {
        const Question* q = g.question(at);
        auto it = q ? given.find(at) : given.end();
        if (it == given.end()) {
            error = "question '" + at + "' is on the path but has no answer";
            return {};
        }
        answers[at] = it->second;
        std::string next;
        for (auto& a : q->answers)
            if (a.value == it->second) next = a.next;
        at = next;
    }
    if (answers.size() != given.size()) {
        error = "some answers are for questions this path does not ask";
        return {};
    }
    const Rule* rule = match_rule(g, answers);
    if (!rule) error = "no rule matches these answers";
    return rule ? rule->result : "";
}

std::string guide_report(const Content& c, const std::string& spec, const std::string& lang,
                         std::string& error, const KioskConfig::Site* site) {
    Answers answers;
    const std::string id = walk_answers(c.guide, spec, answers, error);
    if (id.empty()) return {};
    const Advice a = advice_for(c, id, answers, site);
    if (!a.result) {
        error = "the rule names result '" + id + "', which does not exist";
        return {};
    }
    return "result: " + id + "\n" + summary_text(c, a, lang);
}

std::string url_list(const Content& c) {
    std::string out;
    const auto places = places_by_link(c);
    for (auto& [name, l] : c.links) {
        out +=
            name + "  " + l.checked + "  " + l.href + "  " + l.label.in(c.languages.front()) + "\n";
        auto it = places.find(name);
        std::string used;
        if (it != places.end())
            for (auto& p : it->second) used += (used.empty() ? "" : ", ") + p;
        out += "    used by: " + (used.empty() ? std::string("nothing") : used) + "\n";
    }
    return out;
}

}  // namespace ww
