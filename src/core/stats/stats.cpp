#include "core/stats/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/civil_date.h"
#include "core/base/clock.h"
#include "core/guide/advice.h"

namespace ww {

namespace {

void add_once(std::vector<std::string>& v, const std::string& s) {
    auto it = std::lower_bound(v.begin(), v.end(), s);
    if (it == v.end() || *it != s) v.insert(it, s);
}

int text_size_rank(const std::string& s) {
    return static_cast<int>(parse_text_size(s));
}

}  // namespace

bool SessionRecord::operator==(const SessionRecord& o) const {
    return day == o.day && hour == o.hour && seconds == o.seconds && lang == o.lang &&
           places == o.places && result == o.result && qr == o.qr && text_size == o.text_size &&
           high_contrast == o.high_contrast && read_aloud == o.read_aloud && reach == o.reach &&
           last_place == o.last_place && end == o.end;
}

const std::vector<std::pair<std::string, std::string>>& length_buckets() {
    static const std::vector<std::pair<std::string, std::string>> b = {
        {"len:0000", "under 30 s"},    {"len:0030", "30 s - 1 min"}, {"len:0060", "1 - 2 min"},
        {"len:0120", "2 - 5 min"},     {"len:0300", "5 - 10 min"},   {"len:0600", "10 - 20 min"},
        {"len:1200", "20 min or more"}};
    return b;
}

std::string length_bucket(int seconds) {
    const auto& b = length_buckets();
    std::string key = b.front().first;
    for (auto& [k, words] : b)
        if (seconds >= std::stoi(k.substr(4))) key = k;
    return key;
}

TotalsDelta detail_keys(const SessionRecord& r) {
    TotalsDelta d;
    for (auto& p : r.places) d.emplace_back("place:" + p, 1);
    if (!r.last_place.empty()) d.emplace_back("last:" + r.last_place, 1);
    for (auto& q : r.qr) d.emplace_back("qr:" + q, 1);
    if (const TextSize size = parse_text_size(r.text_size); size != TextSize::Normal)
        d.emplace_back(std::string("access:text ") + name_of(size), 1);
    if (r.high_contrast) d.emplace_back("access:high contrast", 1);
    if (r.read_aloud) d.emplace_back("access:read aloud", 1);
    if (r.reach) d.emplace_back("access:reach mode", 1);
    char hour[16];
    snprintf(hour, sizeof hour, "hour:%02d", std::clamp(r.hour, 0, 23));
    d.emplace_back(hour, 1);
    d.emplace_back(length_bucket(r.seconds), 1);
    return d;
}

TotalsDelta daily_keys(const SessionRecord& r) {
    TotalsDelta d = {
        {"sessions", 1}, {"seconds", r.seconds}, {"lang:" + r.lang, 1}, {"result:" + r.result, 1}};
    for (auto& k : detail_keys(r)) d.push_back(std::move(k));
    return d;
}

long day_number(const std::string& day) {
    int y = 0, m = 0, d = 0;
    char extra = 0;
    if (day.size() != 10 || sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return days_from_civil({y, m, d});
}

std::string day_string(long number) {
    const CivilDate c = civil_from_days(number);
    char buf[64];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

int weekday(const std::string& day) {
    const long n = day_number(day);
    return static_cast<int>(((n % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

std::vector<std::string> qr_codes_on(const Content& c, const Place& p, const Answers& answers) {
    std::vector<std::string> out;
    if (p.kind == PlaceKind::Screen) {
        if (const Screen* s = c.screen(p.id))
            for (const Block& b : s->blocks)
                if (auto* q = std::get_if<Qr>(&b); q && c.link(q->link)) add_once(out, q->link);
    } else if (p.kind == PlaceKind::Result) {
        const Advice a = advice_for(c, p.id, answers);
        if (a.result) {
            if (a.link) add_once(out, a.link->name);
            add_once(out, "summary");
        }
    }
    return out;
}

void SessionTracker::touch(double now, double wall) {
    if (running_) return;
    running_ = true;
    start_ = now;
    r_ = {};
    const LocalTime h = local_time(wall);
    r_.day = h.day;
    r_.hour = h.hour;
}

void SessionTracker::observe(const Session& s, const Content& c) {
    if (!running_) return;
    const Place& p = s.current();
    add_once(r_.places, p.key());
    if (p.kind == PlaceKind::Result) r_.result = p.id;
    for (auto& q : qr_codes_on(c, p, s.answers)) add_once(r_.qr, q);
    if (text_size_rank(name_of(s.text_size)) > text_size_rank(r_.text_size))
        r_.text_size = name_of(s.text_size);
    r_.high_contrast = r_.high_contrast || s.theme == Theme::HighContrast;
    r_.read_aloud = r_.read_aloud || s.speech;
    r_.reach = r_.reach || s.reach_mode;
    r_.lang = s.lang;
    r_.last_place = p.key();
}

std::optional<SessionRecord> SessionTracker::finish(const Session& s, double now,
                                                    const std::string& end) {
    if (!running_) return std::nullopt;
    running_ = false;
    SessionRecord r = std::move(r_);
    r.seconds = static_cast<int>(std::lround(std::max(0.0, now - start_)));
    r.lang = s.lang;
    r.last_place = s.current().key();
    r.end = end;
    return r;
}

}  // namespace ww
