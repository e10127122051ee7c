#include "core/stats/stats_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

namespace ww {

namespace {

const char* const kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

Counts sorted(const std::map<std::string, long>& m) {
    Counts out(m.begin(), m.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

std::string length(long s) {
    char buf[48];
    if (s < 60)
        snprintf(buf, sizeof buf, "%ld s", s);
    else if (s < 3600)
        snprintf(buf, sizeof buf, "%ld min %ld s", s / 60, s % 60);
    else
        snprintf(buf, sizeof buf, "%ld h %ld min", s / 3600, s / 60 % 60);
    return buf;
}

// "      3  key" lines, the first `top` (0 = all) and how many more there are.
void list(std::string& out, const char* title, const Counts& c, size_t top = 0) {
    out += std::string("\n") + title + "\n";
    if (c.empty()) out += "  (none)\n";
    const size_t n = top && c.size() > top ? top : c.size();
    char buf[32];
    for (size_t i = 0; i < n; ++i) {
        snprintf(buf, sizeof buf, "  %6s  ", shown_count(c[i].second).c_str());
        out += buf + c[i].first + "\n";
    }
    if (n < c.size()) out += "  ... and " + std::to_string(c.size() - n) + " more (--stats-csv)\n";
}

// A CSV field: quoted when it holds a comma, quote or line break (RFC 4180).
std::string field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

}  // namespace

StatsFigures stats_figures(const StatsData& data, const std::string& today, int days) {
    StatsFigures f;
    f.days = std::max(1, days);
    const long last = day_number(today), first = last - f.days + 1;
    f.from = day_string(first);
    f.to = day_string(last);
    auto in = [&](const std::string& day) {
        const long n = day_number(day);
        return n >= first && n <= last;
    };
    std::map<std::string, long> sessions, seconds, langs, results, places, drop, qr, access, lens;
    for (const DayTotal& t : data.totals) {
        if (!in(t.day)) continue;
        auto rest = [&](const char* prefix) {
            const size_t n = std::char_traits<char>::length(prefix);
            return t.key.compare(0, n, prefix) == 0 ? std::optional<std::string>(t.key.substr(n))
                                                    : std::nullopt;
        };
        if (t.key == "sessions") {
            sessions[t.day] += t.value;
            f.sessions += t.value;
        } else if (t.key == "seconds") {
            seconds[t.day] += t.value;
            f.total_seconds += t.value;
        } else if (auto v = rest("lang:")) {
            langs[*v] += t.value;
        } else if (auto v = rest("result:")) {
            results[v->empty() ? "none" : *v] += t.value;
        } else if (auto v = rest("place:")) {
            places[*v] += t.value;
        } else if (auto v = rest("last:")) {
            drop[*v] += t.value;
        } else if (auto v = rest("qr:")) {
            qr[*v] += t.value;
        } else if (auto v = rest("access:")) {
            access[*v] += t.value;
        } else if (auto v = rest("hour:")) {
            const int h = atoi(v->c_str());
            if (h >= 0 && h < 24) f.week[weekday(t.day)][h] += t.value;
        } else if (t.key.rfind("len:", 0) == 0) {
            lens[t.key] += t.value;
        }
    }
    // Fewer than kMinShown sessions behind a figure: shown as "<5", never the number (with the
    // day, a small count can single a visitor out). The sessions of a day are the exception.
    auto hide = [](long& v) {
        if (v > 0 && v < kMinShown) v = kHidden;
    };
    for (long d = first; d <= last; ++d) {
        const std::string day = day_string(d);
        f.per_day.emplace_back(day, sessions[day]);
        long s = seconds[day];
        if (sessions[day] < kMinShown && s > 0) s = kHidden;
        f.seconds_per_day.emplace_back(day, s);
    }
    if (f.sessions < kMinShown && f.total_seconds > 0) f.total_seconds = kHidden;
    for (auto& [key, words] : length_buckets()) f.lengths.emplace_back(words, lens[key]);
    for (auto& row : f.week)
        for (long& v : row) hide(v);
    for (auto& [k, v] : f.lengths) hide(v);
    auto shown = [&](const std::map<std::string, long>& m) {
        Counts c = sorted(m);
        for (auto& [k, v] : c) hide(v);
        return c;
    };
    f.languages = shown(langs);
    f.results = shown(results);
    f.places = shown(places);
    f.drop_off = shown(drop);
    f.qr = shown(qr);
    for (const char* name :
         {"text large", "text larger", "high contrast", "read aloud", "reach mode"}) {
        long v = access[name];
        hide(v);
        f.access.emplace_back(name, v);
    }
    return f;
}

std::string shown_count(long v) {
    return v == kHidden ? "<" + std::to_string(kMinShown) : std::to_string(v);
}

std::string stats_text(const StatsFigures& f) {
    std::string out = "Usage figures " + f.from + " .. " + f.to + " (" + std::to_string(f.days) +
                      (f.days == 1 ? " day)\n" : " days)\n");
    char buf[160];
    snprintf(
        buf, sizeof buf, "\nSessions        %ld\nTotal time      %s\n", f.sessions,
        f.total_seconds == kHidden ? "(fewer than 5 sessions)" : length(f.total_seconds).c_str());
    out += buf;
    out += "\nA figure of fewer than " + std::to_string(kMinShown) + " sessions shows as <" +
           std::to_string(kMinShown) + " (sessions per day excepted).\n";
    out += "\nSessions per day\n";
    long most = 1;
    for (auto& [day, n] : f.per_day) most = std::max(most, n);
    for (auto& [day, n] : f.per_day) {
        snprintf(buf, sizeof buf, "  %s %s %5ld", day.c_str(), kWeekdays[weekday(day)], n);
        out += buf;
        if (n) out += "  " + std::string(static_cast<size_t>((n * 40 + most - 1) / most), '#');
        out += "\n";
    }
    out += "\nSessions per hour of the week (local start hour)\n     ";
    for (int h = 0; h < 24; ++h) {
        snprintf(buf, sizeof buf, "%3d", h);
        out += buf;
    }
    out += "\n";
    for (int d = 0; d < 7; ++d) {
        out += std::string("  ") + kWeekdays[d];
        for (int h = 0; h < 24; ++h) {
            if (f.week[d][h] == kHidden)
                snprintf(buf, sizeof buf, " <%d", static_cast<int>(kMinShown));
            else if (f.week[d][h])
                snprintf(buf, sizeof buf, "%3ld", f.week[d][h]);
            else
                snprintf(buf, sizeof buf, "  .");
            out += buf;
        }
        out += "\n";
    }
    list(out, "Length of sessions", f.lengths);
    list(out, "Places reached (sessions)", f.places, 15);
    list(out, "Guide results", f.results);
    list(out, "Last place before the reset (where visitors stop)", f.drop_off, 10);
    list(out, "Languages", f.languages);
    list(out, "Accessibility used (sessions)", f.access);
    list(out, "Take-away QR codes shown (sessions)", f.qr);
    return out;
}

std::string stats_csv(const StatsFigures& f) {
    std::string out = "figure,key,value\n";
    auto line = [&](const char* figure, const std::string& key, long value) {
        out += std::string(figure) + "," + field(key) + "," + shown_count(value) + "\n";
    };
    line("sessions", f.from + ".." + f.to, f.sessions);
    line("total_seconds", f.from + ".." + f.to, f.total_seconds);
    for (auto& [k, v] : f.lengths) line("length", k, v);
    for (auto& [k, v] : f.per_day) line("sessions_per_day", k, v);
    for (auto& [k, v] : f.seconds_per_day) line("seconds_per_day", k, v);
    char key[16];
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h) {
            snprintf(key, sizeof key, "%s %02d", kWeekdays[d], h);
            line("sessions_per_hour_of_week", key, f.week[d][h]);
        }
    for (auto& [k, v] : f.places) line("place", k, v);
    for (auto& [k, v] : f.results) line("guide_result", k, v);
    for (auto& [k, v] : f.drop_off) line("last_place", k, v);
    for (auto& [k, v] : f.languages) line("language", k, v);
    for (auto& [k, v] : f.access) line("accessibility", k, v);
    for (auto& [k, v] : f.qr) line("qr_shown", k, v);
    return out;
}

}  // namespace ww
