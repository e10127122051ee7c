#include "core/guide/guide.h"

#include <algorithm>
#include <functional>
#include <set>

namespace ww {

bool conditions_hold(const std::map<std::string, std::vector<std::string>>& when,
                     const Answers& answers) {
    for (auto& [question, values] : when) {
        auto it = answers.find(question);
        if (it == answers.end() ||
            std::find(values.begin(), values.end(), it->second) == values.end())
            return false;
    }
    return true;
}

const Rule* match_rule(const Guide& g, const Answers& answers) {
    for (auto& rule : g.rules)
        if (conditions_hold(rule.when, answers)) return &rule;
    return nullptr;
}

std::vector<GuidePath> all_paths(const Guide& g, size_t limit) {
    std::vector<GuidePath> out;
    GuidePath current;
    Answers answers;
    std::set<std::string> on_path;
    std::function<void(const std::string&)> walk = [&](const std::string& qid) {
        const Question* q = g.question(qid);
        if (!q || on_path.count(qid) || out.size() >= limit) return;
        on_path.insert(qid);
        for (auto& a : q->answers) {
            current.steps.emplace_back(qid, a.value);
            answers[qid] = a.value;
            if (a.next.empty()) {
                const Rule* r = match_rule(g, answers);
                current.result = r ? r->result : "";
                if (out.size() < limit) out.push_back(current);
            } else {
                walk(a.next);
            }
            answers.erase(qid);
            current.steps.pop_back();
        }
        on_path.erase(qid);
    };
    walk(g.start);
    return out;
}

namespace {

void add(Problems& out, const Loc& at, std::string message) {
    out.push_back({at.file, at.line, at.col, std::move(message)});
}

std::string describe(const GuidePath& p) {
    std::string s;
    for (auto& [q, v] : p.steps) s += (s.empty() ? "" : ", ") + q + "=" + v;
    return s;
}

}  // namespace

void validate_guide(const Guide& g, const std::vector<std::string>& screen_ids, Problems& out) {
    const Loc file_loc = g.questions.empty() ? Loc{} : Loc{g.questions.front().loc.file, 1, 1};
    std::set<std::string> ids;
    for (auto& q : g.questions) {
        if (!ids.insert(q.id).second) add(out, q.loc, "duplicate question id '" + q.id + "'");
        if (q.answers.empty()) add(out, q.loc, "question '" + q.id + "' has no answers");
        std::set<std::string> values;
        for (auto& a : q.answers) {
            if (!values.insert(a.value).second)
                add(out, a.loc, "duplicate answer value '" + a.value + "' in '" + q.id + "'");
            if (!a.next.empty() && !g.question(a.next))
                add(out, a.loc,
                    "answer '" + a.value + "' leads to question '" + a.next +
                        "', which does not exist");
        }
    }
    std::set<std::string> result_ids;
    for (auto& r : g.results) {
        if (!result_ids.insert(r.id).second) add(out, r.loc, "duplicate result id '" + r.id + "'");
        if (std::find(screen_ids.begin(), screen_ids.end(), r.id) != screen_ids.end())
            add(out, r.loc, "result id '" + r.id + "' is also a screen id");
    }
    if (!g.question(g.start)) {
        add(out, file_loc, "start question '" + g.start + "' does not exist");
        return;
    }
    for (auto& rule : g.rules) {
        if (!g.result(rule.result))
            add(out, rule.loc, "rule leads to result '" + rule.result + "', which does not exist");
        for (auto& [qid, values] : rule.when) {
            const Question* q = g.question(qid);
            if (!q) {
                add(out, rule.loc, "rule asks about question '" + qid + "', which does not exist");
                continue;
            }
            for (auto& v : values) {
                bool known = std::any_of(q->answers.begin(), q->answers.end(),
                                         [&](const Answer& a) { return a.value == v; });
                if (!known)
                    add(out, rule.loc,
                        "rule names answer '" + v + "' of '" + qid +
                            "', which that question does not have");
            }
        }
    }
    // Loops: a question that can reach itself.
    std::function<bool(const std::string&, std::set<std::string>&)> loops =
        [&](const std::string& qid, std::set<std::string>& seen) {
            if (seen.count(qid)) return true;
            const Question* q = g.question(qid);
            if (!q) return false;
            seen.insert(qid);
            for (auto& a : q->answers)
                if (!a.next.empty() && loops(a.next, seen)) return true;
            seen.erase(qid);
            return false;
        };
    std::set<std::string> seen;
    if (loops(g.start, seen)) add(out, file_loc, "the guide's questions form a loop");

    const size_t limit = 100000;
    auto paths = all_paths(g, limit);
    if (paths.size() >= limit) add(out, file_loc, "the guide has more than 100000 paths");
    std::set<std::string> reached;
    size_t reported = 0;
    for (auto& p : paths) {
        if (p.result.empty()) {
            if (reported++ < 10) {
                const Question* last = g.question(p.steps.back().first);
                add(out, last ? last->loc : file_loc,
                    "no rule gives a result for the answers " + describe(p));
            }
        } else {
            reached.insert(p.result);
        }
    }
    for (auto& r : g.results)
        if (!reached.count(r.id))
            add(out, r.loc, "result '" + r.id + "' is never reached by any path through the guide");
    for (auto& q : g.questions) {
        bool asked = std::any_of(paths.begin(), paths.end(), [&](const GuidePath& p) {
            return std::any_of(p.steps.begin(), p.steps.end(),
                               [&](auto& s) { return s.first == q.id; });
        });
        if (!asked) add(out, q.loc, "question '" + q.id + "' is never asked");
    }
}

}  // namespace ww
