// The usage figures in SQLite: <state.dir>/stats.sqlite (WAL, synchronous=NORMAL, secure_delete)
// with two tables:
//   sessions  one row per visitor session (core/kiosk/stats.h: SessionRecord), kept
//             stats.keep_days days; its id is random, so it tells nothing about order
//   daily     (day, key, value) totals: sessions, seconds, lang:<code>, result:<id>; kept for good
// One StatsStore is used by one thread at a time (the stats writer's, or `wegwijzer --stats`).
#pragma once
#include <memory>
#include <string>

#include "core/kiosk/stats_report.h"

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
    sqlite3* db_;
};

}  // namespace ww
