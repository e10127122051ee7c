#include "platform/stats/stats_writer.h"

#include "core/base/log.h"
#include "platform/stats/stats_store.h"

namespace ww {

namespace {

constexpr int kRecentDays = 14;

}  // namespace

StatsWriter::StatsWriter(StatsSettings s) : s_(std::move(s)) {
    if (s_.capacity == 0) s_.capacity = 1;
    recent_ = stats_figures({}, today(), kRecentDays);
    writing_ = true;  // opening: flush() waits for it
    thread_ = std::thread([this] { run(); });
}

StatsWriter::~StatsWriter() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::string StatsWriter::today() const {
    // localtime_r is thread-safe through glibc's own tz lock, which ThreadSanitizer cannot see
    // (it reports tzset's buffers as a race): the writer's thread and sessions_today()'s
    // callers take turns here.
    static std::mutex local_time;
    std::lock_guard<std::mutex> lock(local_time);
    return s_.clock.local_now().day;
}

bool StatsWriter::push(SessionRecord r) {
    {
        std::lock_guard<std::mutex> lock(mu_);  // held by the writer only to pop, never to write
        if (queue_.size() >= s_.capacity) return false;
        queue_.push_back(std::move(r));
    }
    wake_.notify_one();
    return true;
}

void StatsWriter::flush() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

long StatsWriter::sessions_today() const {
    const std::string day = today();
    std::lock_guard<std::mutex> lock(mu_);
    return day == count_day_ ? count_ : 0;
}

StatsFigures StatsWriter::recent() const {
    std::lock_guard<std::mutex> lock(mu_);
    return recent_;
}

bool StatsWriter::available() const {
    std::lock_guard<std::mutex> lock(mu_);
    return available_;
}

void StatsWriter::unavailable(const std::string& why) {
    bool first;
    {
        std::lock_guard<std::mutex> lock(mu_);
        available_ = false;
        first = !logged_;
        logged_ = true;
    }
    if (first) log_event("stats", {{"status", "unavailable"}, {"reason", why}});
}

void StatsWriter::run() {
    std::string why;
    std::unique_ptr<StatsStore> store;
    // Opens the store (again, after trouble), prunes it, and reads today's count and the
    // recent figures. Everything with SQLite happens here, on this thread.
    auto refresh = [&] {
        const std::string day = today();
        StatsData data;
        if (!store->read(day_string(day_number(day) - kRecentDays + 1), data, why)) return false;
        StatsFigures f = stats_figures(data, day, kRecentDays);
        const long n = f.per_day.empty() ? 0 : f.per_day.back().second;
        std::lock_guard<std::mutex> lock(mu_);
        recent_ = std::move(f);
        available_ = true;
        count_day_ = day;
        count_ = n;
        return true;
    };
    auto open = [&] {
        store = StatsStore::open(s_.path, StatsStore::Mode::Write, why);
        if (store && store->prune(s_.keep_days, today(), why) && refresh()) {
            log_event("stats", {{"status", "ok"}, {"path", s_.path}});
            return true;
        }
        store.reset();
        unavailable(why);
        return false;
    };
    open();
    std::unique_lock<std::mutex> lock(mu_);
    writing_ = false;
    if (queue_.empty()) idle_.notify_all();
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) break;  // stopping, and everything is written
        SessionRecord r = std::move(queue_.front());
        queue_.pop_front();
        writing_ = true;
        lock.unlock();
        if (s_.before_write) s_.before_write();
        bool written = false;
        if (store || open()) written = store->add(r, s_.keep_days, today(), why) && refresh();
        if (!written && store) {
            store.reset();  // reopened for the next record: the disk may have room again
            unavailable(why);
        }
        lock.lock();
        if (!written && r.day >= count_day_) {  // still counted for the heartbeat
            if (r.day != count_day_) count_ = 0;
            count_day_ = r.day;
            ++count_;
        }
        writing_ = false;
        if (queue_.empty()) idle_.notify_all();
    }
}

}  // namespace ww
