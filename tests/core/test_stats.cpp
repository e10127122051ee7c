// Usage figures, the pure part: dates, the session tracker, and the --stats / --stats-csv report
// for a small known dataset (exact lines).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "core/config/cli.h"
#include "core/stats/stats_report.h"

using namespace ww;

namespace {

// TZ=UTC while it lives, so local hours are known.
struct Utc {
    std::string saved;
    bool had = false;
    Utc() {
        if (const char* tz = std::getenv("TZ")) {
            had = true;
            saved = tz;
        }
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~Utc() {
        if (had)
            setenv("TZ", saved.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
};

SessionRecord rec(const char* day, int hour, int seconds, const char* lang, const char* result,
                  std::vector<std::string> places, const char* last) {
    SessionRecord r;
    r.day = day;
    r.hour = hour;
    r.seconds = seconds;
    r.lang = lang;
    r.result = result;
    r.places = std::move(places);
    r.last_place = last;
    r.end = "idle";
    return r;
}

// The daily totals the store would hold for these sessions (no rows: the default).
StatsData data_of(const std::vector<SessionRecord>& sessions) {
    StatsData d;
    for (auto& r : sessions)
        for (auto& [key, value] : daily_keys(r)) d.totals.push_back({r.day, key, value});
    return d;
}

StatsData sample() {
    SessionRecord a = rec("2026-11-20", 9, 40, "nl", "", {"screen:home"}, "screen:home");
    SessionRecord b = rec("2026-11-20", 9, 200, "en", "uwv-eigen",
                          {"question:rol", "result:uwv-eigen", "screen:home"}, "result:uwv-eigen");
    b.qr = {"summary", "uwv-jobcoach"};
    b.text_size = "large";
    b.read_aloud = true;
    SessionRecord c =
        rec("2026-11-22", 14, 95, "nl", "", {"screen:geld", "screen:home"}, "screen:geld");
    c.qr = {"uwv-jobcoach"};
    c.high_contrast = c.reach = true;
    SessionRecord old = rec("2026-11-01", 10, 60, "nl", "", {"screen:home"}, "screen:home");
    StatsData d = data_of({a, a, a, a, a, a, b, c, old});
    // A day from a version-1 file: its four totals only.
    d.totals.push_back({"2026-11-21", "sessions", 2});
    d.totals.push_back({"2026-11-21", "seconds", 300});
    d.totals.push_back({"2026-11-21", "lang:nl", 2});
    d.totals.push_back({"2026-11-21", "result:", 2});
    return d;
}

}  // namespace

TEST_CASE("stats: dates as day numbers and weekdays") {
    CHECK(day_number("1970-01-01") == 0);
    CHECK(day_number("2026-11-23") - day_number("2026-11-20") == 3);
    CHECK(day_string(day_number("2024-02-29") + 1) == "2024-03-01");
    CHECK(day_string(day_number("2026-12-31") + 1) == "2027-01-01");
    CHECK(weekday("2026-11-23") == 0);  // a Monday
    CHECK(weekday("2026-11-22") == 6);
    CHECK(day_number("23-11-2026") == -1);
    CHECK(day_number("2026-13-01") == -1);
}

TEST_CASE("stats: the tracker records the start hour, not the time, and what was reached") {
    Utc utc;
    Content c;
    c.home = "home";
    Session s = fresh_session({});
    SessionTracker t;
    CHECK(!t.finish(s, 5, "idle"));  // no visitor, no record
    t.touch(100, 1763893032);        // 2025-11-23 10:17:12 UTC
    t.observe(s, c);
    t.touch(101, 1763899999);  // a second touch does not restart it
    open_screen(s, "geld");
    s.text_size = TextSize::Larger;
    t.observe(s, c);
    s.text_size = TextSize::Normal;  // set back: "used" stays
    s.lang = "en";
    t.observe(s, c);
    const auto r = t.finish(s, 230.6, "idle");
    REQUIRE(r);
    CHECK(r->day == "2025-11-23");
    CHECK(r->hour == 10);
    CHECK(r->seconds == 131);
    CHECK(r->places == std::vector<std::string>{"screen:geld", "screen:home"});
    CHECK(r->text_size == "larger");
    CHECK(r->lang == "en");
    CHECK(r->last_place == "screen:geld");
    CHECK(r->result.empty());
    CHECK(r->end == "idle");
    CHECK(!t.running());
    CHECK(!t.finish(s, 300, "idle"));

    t.touch(400, 1763893032);
    t.discard();  // staff opened the PIN pad
    CHECK(!t.finish(s, 500, "idle"));
}

TEST_CASE("stats: a session adds daily totals only: the four of old and its details") {
    SessionRecord r = rec("2026-11-20", 7, 95, "en", "uwv-eigen",
                          {"question:rol", "result:uwv-eigen"}, "result:uwv-eigen");
    r.qr = {"summary"};
    r.text_size = "larger";
    r.read_aloud = true;
    CHECK(daily_keys(r) == TotalsDelta{{"sessions", 1},
                                       {"seconds", 95},
                                       {"lang:en", 1},
                                       {"result:uwv-eigen", 1},
                                       {"place:question:rol", 1},
                                       {"place:result:uwv-eigen", 1},
                                       {"last:result:uwv-eigen", 1},
                                       {"qr:summary", 1},
                                       {"access:text larger", 1},
                                       {"access:read aloud", 1},
                                       {"hour:07", 1},
                                       {"len:0060", 1}});
    CHECK(detail_keys(r).size() == daily_keys(r).size() - 4);
    CHECK(length_bucket(0) == "len:0000");
    CHECK(length_bucket(29) == "len:0000");
    CHECK(length_bucket(30) == "len:0030");
    CHECK(length_bucket(299) == "len:0120");
    CHECK(length_bucket(100000) == "len:1200");
}

TEST_CASE(
    "stats: the report for a known small dataset, every figure under 5 sessions hidden "
    "but the sessions of a day") {
    const StatsFigures f = stats_figures(sample(), "2026-11-23", 4);
    CHECK(f.sessions == 10);
    CHECK(stats_text(f) == R"(Usage figures 2026-11-20 .. 2026-11-23 (4 days)

Sessions        10
Total time      13 min 55 s

A figure of fewer than 5 sessions shows as <5 (sessions per day excepted).

Sessions per day
  2026-11-20 Fri     7  ########################################
  2026-11-21 Sat     2  ############
  2026-11-22 Sun     1  ######
  2026-11-23 Mon     0

Sessions per hour of the week (local start hour)
       0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
  Mon  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Tue  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Wed  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Thu  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Fri  .  .  .  .  .  .  .  .  .  7  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Sat  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .  .
  Sun  .  .  .  .  .  .  .  .  .  .  .  .  .  . <5  .  .  .  .  .  .  .  .  .

Length of sessions
       0  under 30 s
       6  30 s - 1 min
      <5  1 - 2 min
      <5  2 - 5 min
       0  5 - 10 min
       0  10 - 20 min
       0  20 min or more

Places reached (sessions)
       8  screen:home
      <5  question:rol
      <5  result:uwv-eigen
      <5  screen:geld

Guide results
       9  none
      <5  uwv-eigen

Last place before the reset (where visitors stop)
       6  screen:home
      <5  result:uwv-eigen
      <5  screen:geld

Languages
       9  nl
      <5  en

Accessibility used (sessions)
      <5  text large
       0  text larger
      <5  high contrast
      <5  read aloud
      <5  reach mode

Take-away QR codes shown (sessions)
      <5  uwv-jobcoach
      <5  summary
)");
    const std::string csv = stats_csv(f);
    // One figure a line: 2 sums, 7 lengths, 2 x 4 days, 7 x 24 hours, 4 places, 2 results,
    // 3 last places, 2 languages, 5 accessibility, 2 QR codes; and the header.
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 2 + 7 + 8 + 168 + 4 + 2 + 3 + 2 + 5 + 2);
    CHECK(csv.rfind("figure,key,value\n"
                    "sessions,2026-11-20..2026-11-23,10\n"
                    "total_seconds,2026-11-20..2026-11-23,835\n"
                    "length,under 30 s,0\n"
                    "length,30 s - 1 min,6\n"
                    "length,1 - 2 min,<5\n",
                    0) == 0);
    CHECK(csv.find("\nsessions_per_day,2026-11-21,2\n") != std::string::npos);  // a day: shown
    CHECK(csv.find("\nsessions_per_day,2026-11-22,1\n") != std::string::npos);
    CHECK(csv.find("\nseconds_per_day,2026-11-20,440\n") != std::string::npos);
    CHECK(csv.find("\nseconds_per_day,2026-11-22,<5\n") != std::string::npos);
    CHECK(csv.find("\nsessions_per_hour_of_week,Fri 09,7\n") != std::string::npos);
    CHECK(csv.find("\nsessions_per_hour_of_week,Sun 14,<5\n") != std::string::npos);
    CHECK(csv.find("\nsessions_per_hour_of_week,Mon 09,0\n") != std::string::npos);
    const std::string tail = csv.substr(csv.find("\nplace,"));
    CHECK(tail ==
          "\nplace,screen:home,8\n"
          "place,question:rol,<5\n"
          "place,result:uwv-eigen,<5\n"
          "place,screen:geld,<5\n"
          "guide_result,none,9\n"
          "guide_result,uwv-eigen,<5\n"
          "last_place,screen:home,6\n"
          "last_place,result:uwv-eigen,<5\n"
          "last_place,screen:geld,<5\n"
          "language,nl,9\n"
          "language,en,<5\n"
          "accessibility,text large,<5\n"
          "accessibility,text larger,0\n"
          "accessibility,high contrast,<5\n"
          "accessibility,read aloud,<5\n"
          "accessibility,reach mode,<5\n"
          "qr_shown,uwv-jobcoach,<5\n"
          "qr_shown,summary,<5\n");
    // One session in a period: even the total time is hidden, the sessions are not.
    const StatsFigures few = stats_figures(sample(), "2026-11-22", 1);
    CHECK(few.sessions == 1);
    CHECK(stats_text(few).find("Total time      (fewer than 5 sessions)\n") != std::string::npos);
}

TEST_CASE("stats: an empty period, and CSV quoting") {
    const StatsFigures f = stats_figures({}, "2026-11-23", 1);
    CHECK(f.per_day == Counts{{"2026-11-23", 0}});
    const std::string text = stats_text(f);
    CHECK(text.find("Sessions        0\n") != std::string::npos);
    CHECK(text.find("Guide results\n  (none)\n") != std::string::npos);
    SessionRecord r = rec("2026-11-23", 1, 5, "nl", "", {"screen:a,b"}, "screen:a\"b");
    const std::string csv = stats_csv(stats_figures(data_of({r, r, r, r, r}), "2026-11-23", 1));
    CHECK(csv.find("\nplace,\"screen:a,b\",5\n") != std::string::npos);
    CHECK(csv.find("\nlast_place,\"screen:a\"\"b\",5\n") != std::string::npos);
}

TEST_CASE("stats: the command line") {
    auto p = parse_cli({"--stats", "--days", "7", "--stats-csv", "out.csv"});
    CHECK(p.error.empty());
    CHECK(p.options.stats);
    CHECK(p.options.stats_days == 7);
    CHECK(p.options.stats_csv == "out.csv");
    CHECK(parse_cli({"--stats"}).options.stats_days == 28);
    CHECK(!parse_cli({"--days", "0"}).error.empty());
    CHECK(!parse_cli({"--days", "7x"}).error.empty());
    CHECK(!parse_cli({"--stats-csv"}).error.empty());
}
