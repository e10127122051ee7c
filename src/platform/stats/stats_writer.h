// Writes the finished visitor sessions to the stats store on a thread of its own, so the frame
// loop never waits on SQLite or the disk: push() only puts the record in a bounded queue. The
// store is opened, pruned and written on that thread; when it cannot be (a full disk, a
// read-only or missing state dir) `event=stats status=unavailable reason=...` is logged once,
// the records are dropped and the kiosk carries on.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/base/clock.h"
#include "core/stats/stats_report.h"

namespace ww {

struct StatsSettings {
    std::string path;      // <state.dir>/stats.sqlite (stats_path)
    int keep_days = 0;     // stats.keep_days (rows are opt-in)
    Clock clock;           // dates the figures (core/base/clock.h)
    size_t capacity = 64;  // queued records at most; more are dropped
    // Tests: runs on the writer thread before each record is written (to stall the writer).
    std::function<void()> before_write;
};

class StatsWriter {
  public:
    explicit StatsWriter(StatsSettings s);
    ~StatsWriter();  // writes what is queued, then stops
    StatsWriter(const StatsWriter&) = delete;
    StatsWriter& operator=(const StatsWriter&) = delete;

    // Queues a finished session; never waits for the writer. False (dropped) when the queue
    // is full.
    bool push(SessionRecord r);
    // Waits until the store is opened and everything queued so far is written or given up
    // (tests).
    void flush();
    // Sessions recorded today (local date), for the fleet heartbeat; any thread.
    long sessions_today() const;
    // The figures of the last 14 days, refreshed on the writer thread after each write (the
    // admin panel's bars); any thread.
    StatsFigures recent() const;
    // False once the store turned out to be unusable.
    bool available() const;

  private:
    void run();
    void unavailable(const std::string& why);
    std::string today() const;

    StatsSettings s_;
    mutable std::mutex mu_;
    std::condition_variable wake_, idle_;
    std::deque<SessionRecord> queue_;
    bool writing_ = false;
    bool stop_ = false;
    bool available_ = true;
    bool logged_ = false;    // unavailable: logged once
    std::string count_day_;  // the day of count_
    long count_ = 0;         // sessions on count_day_
    StatsFigures recent_;
    std::thread thread_;  // last: starts when everything above is ready
};

}  // namespace ww
