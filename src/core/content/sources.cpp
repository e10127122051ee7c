#include "core/content/sources.h"

#include <algorithm>
#include <functional>
#include <set>
#include <variant>

#include "core/stats/stats.h"

namespace ww {

SourceLine source_line(const Content& c, const std::vector<std::string>& names,
                       const std::string& lang) {
    SourceLine line;
    for (auto& name : names) {
        const Link* l = c.link(name);
        if (!l) continue;
        line.text += (line.text.empty() ? "" : "; ") + l->label.in(lang);
        if (line.checked.empty() || l->checked < line.checked) line.checked = l->checked;
    }
    return line;
}

namespace {

// name -> (place, as a source?) for every use of an address.
void each_use(const Content& c,
              const std::function<void(const std::string&, const std::string&, bool)>& f) {
    for (auto& s : c.screens) {
        const std::string place = "screen:" + s.id;
        for (auto& n : s.sources) f(n, place, true);
        for (auto& b : s.blocks)
            if (auto qr = std::get_if<Qr>(&b)) f(qr->link, place, false);
    }
    for (auto& r : c.guide.results) {
        const std::string place = "result:" + r.id;
        for (auto& n : r.sources) f(n, place, true);
        f(r.qr, place, false);
        for (auto& v : r.variants)
            if (!v.qr.empty()) f(v.qr, place, false);
    }
}

}  // namespace

Problems stale_sources(const Content& c, const std::string& today, int max_age_days) {
    std::set<std::string> used;
    each_use(c, [&](const std::string& name, const std::string&, bool) { used.insert(name); });
    Problems out;
    const long now = day_number(today);
    for (auto& [name, l] : c.links) {
        if (!used.count(name)) continue;
        const long day = day_number(l.checked);
        if (day < 0) {
            out.push_back(
                {l.loc.file, l.loc.line, l.loc.col,
                 "'" + name + "': checked = '" + l.checked + "' is not a date (YYYY-MM-DD)"});
        } else if (now >= 0 && now - day > max_age_days) {
            out.push_back({l.loc.file, l.loc.line, l.loc.col,
                           "'" + name + "' was last checked on " + l.checked + ", " +
                               std::to_string(now - day) + " days ago (more than " +
                               std::to_string(max_age_days) + "): check " + l.href +
                               " again and update `checked`"});
        }
    }
    return out;
}

std::map<std::string, std::vector<std::string>> places_by_link(const Content& c) {
    std::map<std::string, std::vector<std::string>> out;
    std::map<std::string, std::map<std::string, bool>> uses;  // name -> place -> as a source
    for (auto& [name, l] : c.links) uses[name];
    each_use(c, [&](const std::string& name, const std::string& place, bool source) {
        if (name.empty()) return;
        bool& s = uses[name][place];
        s = s || source;
    });
    for (auto& [name, places] : uses) {
        auto& list = out[name];
        for (auto& [place, source] : places) list.push_back(source ? place : place + " (qr)");
    }
    return out;
}

}  // namespace ww
