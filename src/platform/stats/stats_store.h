// The usage figures in SQLite: <state.dir>/stats.sqlite (WAL, synchronous=NORMAL, secure_delete)
// with two tables:
//   daily     (day, key, value) totals, every figure's source (core/stats/stats.h: daily_keys):
//             sessions, seconds, lang:, result:, place:, last:, qr:, access:, hour:, len:
//   sessions  one row per visitor session (SessionRecord), only when a site opts in
//             (stats.keep_days, at most 14); its id is random, so it tells nothing about order
// A file of version 1 (rows kept 90 days by default) is migrated when opened to write: its rows
// folded into the daily totals, then deleted (secure_delete overwrites them).
// One StatsStore is used by one thread at a time (the stats writer's, or `wegwijzer --stats`).
#pragma once
#include <memory>
#include <string>

#include "core/stats/stats_report.h"

struct sqlite3;

namespace ww {

std::string stats_path(const std::string& state_dir);  // <state_dir>/stats.sqlite

class StatsStore {
  public:
    // Write: makes the folder (0700) and the file and its tables when missing. Read: an existing
    // file only. Null with `why` when it cannot be opened.
    enum class Mode { Write, Read };
    static std::unique_ptr<StatsStore> open(const std::string& path, Mode mode, std::string& why);
    ~StatsStore();
    StatsStore(const StatsStore&) = delete;
    StatsStore& operator=(const StatsStore&) = delete;

    // One transaction: the session's row (none when keep_days is 0), its daily totals, and the
    // removal of rows older than keep_days days before `today`.
    bool add(const SessionRecord& r, int keep_days, const std::string& today, std::string& why);
    // Removes the rows of days before the last `keep_days` (today included).
    bool prune(int keep_days, const std::string& today, std::string& why);
    // The rows and totals from `from_day` on.
    bool read(const std::string& from_day, StatsData& out, std::string& why);
    // The value of a PRAGMA of this connection ("synchronous": "1" = NORMAL), for tests.
    std::string pragma(const std::string& name);

  private:
    explicit StatsStore(sqlite3* db) : db_(db) {}
    bool exec(const char* sql, std::string& why);
    bool add_totals(const std::string& day, const TotalsDelta& delta);  // inside a transaction
    bool migrate(std::string& why);  // to kVersion, in one transaction
    sqlite3* db_;
};

}  // namespace ww
