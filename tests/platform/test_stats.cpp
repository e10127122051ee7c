// The usage figures on disk: the SQLite store (columns, WAL, retention) and its writer thread
// (never waits on SQLite in push(), logs an unusable state dir once). The `stats` suite; make
// test also runs it under ThreadSanitizer (tests/tsan.sh build-tsan/platform_tests
// -ts=speech,stats).
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>

#include "../support/capture_stderr.h"
#include "../support/stats_db.h"
#include "core/config/config.h"
#include "core/stats/stats.h"
#include "platform/stats/stats_store.h"
#include "platform/stats/stats_writer.h"

namespace fs = std::filesystem;
using namespace ww;

namespace {

// A fresh temporary folder, removed with its contents at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() /
               ("ww-stats-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

SessionRecord record(const std::string& day, int hour, int seconds) {
    SessionRecord r;
    r.day = day;
    r.hour = hour;
    r.seconds = seconds;
    r.lang = "nl";
    r.places = {"question:rol", "result:uwv-eigen", "screen:home"};
    r.result = "uwv-eigen";
    r.qr = {"summary", "uwv-jobcoach"};
    r.text_size = "large";
    r.read_aloud = true;
    r.last_place = "result:uwv-eigen";
    r.end = "idle";
    return r;
}

// 2026-11-23 12:00 in local time.
double noon_2026_11_23() {
    return local_time(2026, 11, 23, 12);
}

}  // namespace

TEST_SUITE("stats") {
    TEST_CASE("the store keeps each session as one row and daily totals; WAL, synchronous=NORMAL") {
        TempDir dir;
        const std::string path = stats_path((dir.path / "state").string());
        std::string why;
        auto store = StatsStore::open(path, StatsStore::Mode::Write, why);
        REQUIRE_MESSAGE(store, why);
        const SessionRecord a = record("2026-11-23", 9, 125);
        REQUIRE_MESSAGE(store->add(a, 90, "2026-11-23", why), why);
        REQUIRE(store->add(record("2026-11-23", 14, 30), 90, "2026-11-23", why));
        StatsData d;
        REQUIRE(store->read("2026-11-01", d, why));
        REQUIRE(d.sessions.size() == 2);
        CHECK(d.sessions[0] == a);
        CHECK(sql_value(path, "PRAGMA journal_mode") == "wal");
        CHECK(sql_value(path, "SELECT places FROM sessions WHERE hour = 9") ==
              "question:rol result:uwv-eigen screen:home");
        CHECK(sql_value(path,
                        "SELECT value FROM daily WHERE day = '2026-11-23' AND key = 'sessions'") ==
              "2");
        CHECK(sql_value(path, "SELECT value FROM daily WHERE key = 'seconds'") == "155");
        CHECK(sql_value(path, "SELECT value FROM daily WHERE key = 'result:uwv-eigen'") == "2");
        CHECK(store->pragma("synchronous") == "1");  // NORMAL
        CHECK(store->pragma("secure_delete") == "1");
        CHECK(sql_value(path, "SELECT count(DISTINCT id) FROM sessions") == "2");
        store.reset();
        // --stats reads an existing file only.
        CHECK(!StatsStore::open((dir.path / "none.sqlite").string(), StatsStore::Mode::Read, why));
        CHECK(why.find("does not exist") != std::string::npos);
        CHECK(StatsStore::open(path, StatsStore::Mode::Read, why));
    }

    TEST_CASE("retention: rows older than keep_days go, the daily totals stay") {
        TempDir dir;
        const std::string path = stats_path(dir.path.string());
        std::string why;
        auto store = StatsStore::open(path, StatsStore::Mode::Write, why);
        REQUIRE(store);
        REQUIRE(store->add(record("2026-08-01", 10, 60), 3650, "2026-08-01", why));
        REQUIRE(store->add(record("2026-08-26", 10, 60), 3650, "2026-08-26", why));  // day 90
        REQUIRE(store->add(record("2026-08-25", 10, 60), 3650, "2026-08-25", why));  // day 91
        // 90 days up to and including 2026-11-23 start on 2026-08-26.
        REQUIRE(store->add(record("2026-11-23", 10, 60), 90, "2026-11-23", why));
        StatsData d;
        REQUIRE(store->read("2000-01-01", d, why));
        REQUIRE(d.sessions.size() == 2);
        CHECK(d.sessions[0].day == "2026-08-26");
        CHECK(d.sessions[1].day == "2026-11-23");
        CHECK(sql_value(path, "SELECT count(*) FROM daily WHERE key = 'sessions'") == "4");
        CHECK(sql_value(path,
                        "SELECT value FROM daily WHERE day = '2026-08-01' AND key = 'sessions'") ==
              "1");
        // keep_days 0: daily totals only.
        REQUIRE(store->add(record("2026-11-23", 11, 60), 0, "2026-11-23", why));
        CHECK(sql_value(path, "SELECT count(*) FROM sessions") == "0");
        CHECK(sql_value(path,
                        "SELECT value FROM daily WHERE day = '2026-11-23' AND key = 'sessions'") ==
              "2");
    }

    TEST_CASE("keep_days 0 (the default): no row per session; every figure from the totals") {
        TempDir dir;
        const std::string path = stats_path(dir.path.string());
        std::string why;
        auto store = StatsStore::open(path, StatsStore::Mode::Write, why);
        REQUIRE_MESSAGE(store, why);
        CHECK(KioskConfig{}.stats.keep_days == 0);
        for (int i = 0; i < 5; ++i)
            REQUIRE_MESSAGE(store->add(record("2026-11-23", 9, 125), 0, "2026-11-23", why), why);
        CHECK(sql_value(path, "SELECT count(*) FROM sessions") == "0");
        CHECK(sql_value(path, "PRAGMA user_version") == "2");
        CHECK(sql_rows(path, "SELECT key, value FROM daily ORDER BY key") ==
              "access:read aloud\t5\naccess:text large\t5\nhour:09\t5\nlang:nl\t5\n"
              "last:result:uwv-eigen\t5\nlen:0120\t5\nplace:question:rol\t5\n"
              "place:result:uwv-eigen\t5\nplace:screen:home\t5\nqr:summary\t5\n"
              "qr:uwv-jobcoach\t5\nresult:uwv-eigen\t5\nseconds\t625\nsessions\t5\n");
        StatsData d;
        REQUIRE(store->read("2026-11-01", d, why));
        const StatsFigures f = stats_figures(d, "2026-11-23", 1);
        CHECK(std::count(f.places.begin(), f.places.end(),
                         std::pair<std::string, long>("screen:home", 5)) == 1);
        CHECK(f.week[0][9] == 5);  // 2026-11-23 is a Monday
    }

    TEST_CASE("a version-1 file migrates: its rows folded into the daily totals, then deleted") {
        TempDir dir;
        const std::string path = stats_path(dir.path.string());
        {  // The file as version 1 made it: rows kept 90 days, four daily totals.
            sqlite3* db = nullptr;
            REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
            const char* v1 = R"(
CREATE TABLE sessions(id INTEGER PRIMARY KEY, day TEXT NOT NULL, hour INTEGER NOT NULL,
  seconds INTEGER NOT NULL, lang TEXT NOT NULL, places TEXT NOT NULL, result TEXT NOT NULL,
  qr TEXT NOT NULL, text_size TEXT NOT NULL, high_contrast INTEGER NOT NULL,
  read_aloud INTEGER NOT NULL, reach INTEGER NOT NULL, last_place TEXT NOT NULL,
  ended TEXT NOT NULL);
CREATE INDEX sessions_day ON sessions(day);
CREATE TABLE daily(day TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
  PRIMARY KEY(day, key)) WITHOUT ROWID;
INSERT INTO sessions VALUES(77, '2026-11-20', 9, 125, 'nl',
  'question:rol result:uwv-eigen screen:home', 'uwv-eigen', 'summary uwv-jobcoach', 'large',
  0, 1, 0, 'result:uwv-eigen', 'idle');
INSERT INTO sessions VALUES(12, '2026-11-21', 14, 20, 'en', 'screen:home', '', '', 'normal',
  1, 0, 1, 'screen:home', 'exit');
INSERT INTO daily VALUES('2026-11-20', 'sessions', 1), ('2026-11-20', 'seconds', 125),
  ('2026-11-20', 'lang:nl', 1), ('2026-11-20', 'result:uwv-eigen', 1),
  ('2026-11-21', 'sessions', 1), ('2026-11-21', 'seconds', 20),
  ('2026-11-21', 'lang:en', 1), ('2026-11-21', 'result:', 1);
PRAGMA user_version = 1;)";
            REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
            sqlite3_close(db);
        }
        std::string why;
        auto store = StatsStore::open(path, StatsStore::Mode::Write, why);
        REQUIRE_MESSAGE(store, why);
        CHECK(sql_value(path, "SELECT count(*) FROM sessions") == "0");
        CHECK(sql_value(path, "PRAGMA user_version") == "2");
        // The same totals as the two sessions would add today, no more (sessions counted once).
        SessionRecord a = record("2026-11-20", 9, 125);
        SessionRecord b;
        b.day = "2026-11-21";
        b.hour = 14;
        b.seconds = 20;
        b.lang = "en";
        b.places = {"screen:home"};
        b.high_contrast = b.reach = true;
        b.last_place = "screen:home";
        std::string want;
        std::map<std::pair<std::string, std::string>, long> sum;
        for (auto* r : {&a, &b})
            for (auto& [k, v] : daily_keys(*r)) sum[{r->day, k}] += v;
        for (auto& [dk, v] : sum)
            want += dk.first + "\t" + dk.second + "\t" + std::to_string(v) + "\n";
        CHECK(sql_rows(path, "SELECT day, key, value FROM daily ORDER BY day, key") == want);
        // Opening it again changes nothing.
        store.reset();
        REQUIRE(StatsStore::open(path, StatsStore::Mode::Write, why));
        CHECK(sql_rows(path, "SELECT day, key, value FROM daily ORDER BY day, key") == want);
    }

    TEST_CASE("the writer stores what is pushed, counts today's sessions and caches 14 days") {
        TempDir dir;
        StatsSettings s;
        s.path = stats_path(dir.path.string());
        s.keep_days = 14;  // opted in: these tests count the rows
        s.clock.unix_time = noon_2026_11_23;
        {
            StatsWriter w(s);
            CHECK(w.sessions_today() == 0);
            CHECK(w.push(record("2026-11-23", 9, 100)));
            CHECK(w.push(record("2026-11-23", 10, 50)));
            CHECK(w.push(record("2026-11-22", 10, 50)));
            w.flush();
            CHECK(w.available());
            CHECK(w.sessions_today() == 2);
            const StatsFigures f = w.recent();
            REQUIRE(f.per_day.size() == 14);
            CHECK(f.per_day.back() == std::pair<std::string, long>{"2026-11-23", 2});
            CHECK(f.per_day[12].second == 1);
            CHECK(f.sessions == 3);
            CHECK(w.push(record("2026-11-23", 11, 10)));  // written by the destructor
        }
        CHECK(sql_value(s.path, "SELECT count(*) FROM sessions") == "4");
        // A new writer finds today's count in the file.
        StatsWriter again(s);
        again.flush();  // waits for the open, on the writer's thread
        CHECK(again.sessions_today() == 3);
    }

    TEST_CASE("an unwritable state dir is logged once and the kiosk carries on") {
        TempDir dir;
        // A state dir under a regular file: cannot be made, not even by root.
        std::ofstream(dir.path / "file") << "x";
        StatsSettings s;
        s.path = stats_path((dir.path / "file" / "state").string());
        s.clock.unix_time = noon_2026_11_23;
        CaptureStderr err;
        {
            StatsWriter w(s);
            for (int i = 0; i < 5; ++i) w.push(record("2026-11-23", 9, 10));
            w.flush();
            CHECK(!w.available());
            CHECK(w.sessions_today() == 5);  // still counted, in memory
        }
        CHECK(err.count("event=stats status=unavailable reason=") == 1);
        CHECK(err.count("event=stats") == 1);
        CHECK(!fs::exists(dir.path / "file" / "state"));
    }

    TEST_CASE("push never waits for a stalled writer: a full queue drops") {
        TempDir dir;
        std::mutex mu;
        std::condition_variable cv;
        bool entered = false, release = false;
        StatsSettings s;
        s.path = stats_path(dir.path.string());
        s.keep_days = 14;  // opted in: these tests count the rows
        s.clock.unix_time = noon_2026_11_23;
        s.capacity = 4;
        s.before_write = [&] {  // the writer stalls inside its first write
            std::unique_lock<std::mutex> lock(mu);
            entered = true;
            cv.notify_all();
            cv.wait(lock, [&] { return release; });
        };
        StatsWriter w(s);
        REQUIRE(w.push(record("2026-11-23", 9, 1)));
        {
            std::unique_lock<std::mutex> lock(mu);
            // A fail-safe against a hang, not a timed assertion: the writer gets there at once.
            REQUIRE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return entered; }));
        }
        // The writer is stalled; every push returns at once, the fifth and later are dropped.
        int taken = 0;
        for (int i = 0; i < 20; ++i) taken += w.push(record("2026-11-23", 10, 1));
        CHECK(taken == 4);
        {
            std::lock_guard<std::mutex> lock(mu);
            release = true;
        }
        cv.notify_all();
        w.flush();
        CHECK(sql_value(s.path, "SELECT count(*) FROM sessions") == "5");
    }
}
