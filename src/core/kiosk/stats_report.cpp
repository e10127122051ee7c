#include "core/kiosk/stats_report.h"

#include <algorithm>
#include <cstdio>
#include <map>

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
        snprintf(buf, sizeof buf, "  %6ld  ", c[i].second);
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
    std::map<std::string, long> sessions, seconds, langs, results;
    for (const DayTotal& t : data.totals) {
        if (!in(t.day)) continue;
        if (t.key == "sessions") {
            sessions[t.day] += t.value;
            f.sessions += t.value;
        } else if (t.key == "seconds") {
            seconds[t.day] += t.value;
            f.total_seconds += t.value;
        } else if (t.key.rfind("lang:", 0) == 0) {
            langs[t.key.substr(5)] += t.value;
        } else if (t.key.rfind("result:", 0) == 0) {
            const std::string r = t.key.substr(7);
            results[r.empty() ? "none" : r] += t.value;
        }
    }
    for (long d = first; d <= last; ++d) {
        const std::string day = day_string(d);
        f.per_day.emplace_back(day, sessions[day]);
        f.seconds_per_day.emplace_back(day, seconds[day]);
    }
    f.languages = sorted(langs);
    f.results = sorted(results);

    std::map<std::string, long> places, drop, qr;
    long access[5] = {};
    std::vector<int> lengths;
    for (const SessionRecord& r : data.sessions) {
        if (!in(r.day)) continue;
        ++f.rows;
        lengths.push_back(r.seconds);
        if (r.hour >= 0 && r.hour < 24) ++f.week[weekday(r.day)][r.hour];
        for (auto& p : r.places) ++places[p];
        ++drop[r.last_place];
        for (auto& q : r.qr) ++qr[q];
        access[0] += r.text_size == "large";
        access[1] += r.text_size == "larger";
        access[2] += r.high_contrast;
        access[3] += r.read_aloud;
        access[4] += r.reach;
    }
    if (!lengths.empty()) {
        std::sort(lengths.begin(), lengths.end());
        const size_t n = lengths.size();
        f.median_seconds = n % 2 ? lengths[n / 2] : (lengths[n / 2 - 1] + lengths[n / 2]) / 2;
    }
    f.places = sorted(places);
    f.drop_off = sorted(drop);
    f.qr = sorted(qr);
    const char* names[] = {"text large", "text larger", "high contrast", "read aloud",
                           "reach mode"};
    for (int i = 0; i < 5; ++i) f.access.emplace_back(names[i], access[i]);
    return f;
}

std::string stats_text(const StatsFigures& f) {
    std::string out = "Usage figures " + f.from + " .. " + f.to + " (" + std::to_string(f.days) +
                      (f.days == 1 ? " day)\n" : " days)\n");
    char buf[160];
    snprintf(buf, sizeof buf, "\nSessions        %ld\nTotal time      %s\nMedian length   %s",
             f.sessions, length(f.total_seconds).c_str(), length(f.median_seconds).c_str());
    out += buf;
    if (f.rows != f.sessions)
        out += " (of the " + std::to_string(f.rows) + " sessions with details)";
    out += "\n\nSessions per day\n";
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
            if (f.week[d][h])
                snprintf(buf, sizeof buf, "%3ld", f.week[d][h]);
            else
                snprintf(buf, sizeof buf, "  .");
            out += buf;
        }
        out += "\n";
    }
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
        out += std::string(figure) + "," + field(key) + "," + std::to_string(value) + "\n";
    };
    line("sessions", f.from + ".." + f.to, f.sessions);
    line("total_seconds", f.from + ".." + f.to, f.total_seconds);
    line("median_seconds", f.from + ".." + f.to, f.median_seconds);
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
