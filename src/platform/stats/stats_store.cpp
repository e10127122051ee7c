#include "platform/stats/stats_store.h"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace ww {

namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS sessions(
  id INTEGER PRIMARY KEY,            -- random: says nothing about the order of sessions
  day TEXT NOT NULL,                 -- local date of the first touch
  hour INTEGER NOT NULL,             -- local hour of the first touch (minutes dropped)
  seconds INTEGER NOT NULL,          -- first touch to the reset
  lang TEXT NOT NULL,
  places TEXT NOT NULL,              -- place keys reached, sorted, space-separated
  result TEXT NOT NULL,              -- guide result ('' = none)
  qr TEXT NOT NULL,                  -- take-away QR codes shown, sorted, space-separated
  text_size TEXT NOT NULL,           -- largest used
  high_contrast INTEGER NOT NULL,
  read_aloud INTEGER NOT NULL,
  reach INTEGER NOT NULL,
  last_place TEXT NOT NULL,          -- where the session was at the reset
  ended TEXT NOT NULL                -- idle, content, exit
);
CREATE INDEX IF NOT EXISTS sessions_day ON sessions(day);
CREATE TABLE IF NOT EXISTS daily(
  day TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY(day, key)
) WITHOUT ROWID;
)";

// Version 2 keeps every figure as daily totals. An older file's rows are folded into them
// (the four totals version 1 kept are there already) and then deleted.
constexpr int kVersion = 2;

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (auto& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// A prepared statement that finalizes itself.
struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Stmt() { sqlite3_finalize(s); }
    void text(int i, const std::string& v) {
        sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    void num(int i, long v) { sqlite3_bind_int64(s, i, v); }
    std::string col_text(int i) {
        const unsigned char* t = sqlite3_column_text(s, i);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
};

}  // namespace

std::string stats_path(const std::string& state_dir) {
    return (fs::path(state_dir) / "stats.sqlite").string();
}

std::unique_ptr<StatsStore> StatsStore::open(const std::string& path, Mode mode, std::string& why) {
    if (path.empty()) {
        why = "no state.dir (set state.dir, XDG_STATE_HOME or HOME)";
        return nullptr;
    }
    std::error_code ec;
    const fs::path dir = fs::path(path).parent_path();
    if (mode == Mode::Write && !dir.empty() && !fs::is_directory(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec) {
            why = "cannot make " + dir.string() + ": " + ec.message();
            return nullptr;
        }
        fs::permissions(dir, fs::perms::owner_all, ec);
    }
    if (mode == Mode::Read && !fs::exists(path, ec)) {
        why = path + " does not exist (no session recorded yet, or another state.dir)";
        return nullptr;
    }
    sqlite3* db = nullptr;
    const int flags =
        (mode == Mode::Write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE) |
        SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK && mode == Mode::Read) {  // a copy without write access to its folder
        sqlite3_close(db);
        db = nullptr;
        rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    }
    if (rc != SQLITE_OK) {
        why = path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 2000);
    std::unique_ptr<StatsStore> store(new StatsStore(db));
    if (mode == Mode::Write && !(store->exec("PRAGMA journal_mode=WAL", why) &&
                                 store->exec("PRAGMA synchronous=NORMAL", why) &&
                                 store->exec("PRAGMA secure_delete=ON", why) &&
                                 store->exec(kSchema, why) && store->migrate(why))) {
        why = path + ": " + why;
        return nullptr;
    }
    return store;
}

StatsStore::~StatsStore() {
    sqlite3_close(db_);
}

bool StatsStore::exec(const char* sql, std::string& why) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
    why = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return false;
}

bool StatsStore::add_totals(const std::string& day, const TotalsDelta& delta) {
    for (auto& [key, value] : delta) {
        Stmt up(db_,
                "INSERT INTO daily(day, key, value) VALUES(?1, ?2, ?3) "
                "ON CONFLICT(day, key) DO UPDATE SET value = value + excluded.value");
        up.text(1, day);
        up.text(2, key);
        up.num(3, value);
        if (!up.s || sqlite3_step(up.s) != SQLITE_DONE) return false;
    }
    return true;
}

bool StatsStore::migrate(std::string& why) {
    if (std::atoi(pragma("user_version").c_str()) >= kVersion) return true;
    if (!exec("BEGIN IMMEDIATE", why)) return false;
    StatsData old;
    bool ok = read("0000-00-00", old, why);
    for (size_t i = 0; ok && i < old.sessions.size(); ++i)
        ok = add_totals(old.sessions[i].day, detail_keys(old.sessions[i]));
    if (!ok && why.empty()) why = sqlite3_errmsg(db_);
    ok = ok && exec("DELETE FROM sessions", why) &&
         exec(("PRAGMA user_version = " + std::to_string(kVersion)).c_str(), why) &&
         exec("COMMIT", why);
    if (!ok) {
        std::string ignored;
        exec("ROLLBACK", ignored);
    }
    return ok;
}

bool StatsStore::prune(int keep_days, const std::string& today, std::string& why) {
    const long t = day_number(today);
    if (t < 0) {
        why = "bad date " + today;
        return false;
    }
    Stmt del(db_, "DELETE FROM sessions WHERE day < ?1");
    del.text(1, day_string(t - keep_days + 1));
    if (!del.s || sqlite3_step(del.s) != SQLITE_DONE) {
        why = sqlite3_errmsg(db_);
        return false;
    }
    return true;
}

bool StatsStore::add(const SessionRecord& r, int keep_days, const std::string& today,
                     std::string& why) {
    if (!exec("BEGIN IMMEDIATE", why)) return false;
    auto fail = [&] {
        why = sqlite3_errmsg(db_);
        std::string ignored;
        exec("ROLLBACK", ignored);
        return false;
    };
    if (keep_days > 0) {
        Stmt ins(db_,
                 "INSERT INTO sessions(id, day, hour, seconds, lang, places, result, qr, "
                 "text_size, high_contrast, read_aloud, reach, last_place, ended) VALUES("
                 "random() & 9223372036854775807, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                 "?12, ?13)");
        ins.text(1, r.day);
        ins.num(2, r.hour);
        ins.num(3, r.seconds);
        ins.text(4, r.lang);
        ins.text(5, joined(r.places));
        ins.text(6, r.result);
        ins.text(7, joined(r.qr));
        ins.text(8, r.text_size);
        ins.num(9, r.high_contrast);
        ins.num(10, r.read_aloud);
        ins.num(11, r.reach);
        ins.text(12, r.last_place);
        ins.text(13, r.end);
        if (!ins.s || sqlite3_step(ins.s) != SQLITE_DONE) return fail();
    }
    if (!add_totals(r.day, daily_keys(r))) return fail();
    if (!prune(keep_days, today, why)) return fail();
    if (!exec("COMMIT", why)) return fail();
    return true;
}

bool StatsStore::read(const std::string& from_day, StatsData& out, std::string& why) {
    out = {};
    Stmt rows(db_,
              "SELECT day, hour, seconds, lang, places, result, qr, text_size, high_contrast, "
              "read_aloud, reach, last_place, ended FROM sessions WHERE day >= ?1 "
              "ORDER BY day, hour, seconds, lang, last_place");
    Stmt totals(db_, "SELECT day, key, value FROM daily WHERE day >= ?1 ORDER BY day, key");
    if (!rows.s || !totals.s) {
        why = sqlite3_errmsg(db_);
        return false;
    }
    rows.text(1, from_day);
    int rc;
    while ((rc = sqlite3_step(rows.s)) == SQLITE_ROW) {
        SessionRecord r;
        r.day = rows.col_text(0);
        r.hour = sqlite3_column_int(rows.s, 1);
        r.seconds = sqlite3_column_int(rows.s, 2);
        r.lang = rows.col_text(3);
        r.places = split(rows.col_text(4));
        r.result = rows.col_text(5);
        r.qr = split(rows.col_text(6));
        r.text_size = rows.col_text(7);
        r.high_contrast = sqlite3_column_int(rows.s, 8);
        r.read_aloud = sqlite3_column_int(rows.s, 9);
        r.reach = sqlite3_column_int(rows.s, 10);
        r.last_place = rows.col_text(11);
        r.end = rows.col_text(12);
        out.sessions.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) {
        why = sqlite3_errmsg(db_);
        return false;
    }
    totals.text(1, from_day);
    while ((rc = sqlite3_step(totals.s)) == SQLITE_ROW)
        out.totals.push_back(
            {totals.col_text(0), totals.col_text(1), sqlite3_column_int64(totals.s, 2)});
    if (rc != SQLITE_DONE) {
        why = sqlite3_errmsg(db_);
        return false;
    }
    return true;
}

}  // namespace ww

namespace ww {

std::string StatsStore::pragma(const std::string& name) {
    Stmt s(db_, ("PRAGMA " + name).c_str());
    return s.s && sqlite3_step(s.s) == SQLITE_ROW ? s.col_text(0) : "";
}

}  // namespace ww
