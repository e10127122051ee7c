// The update thread: its start and stop, one check as the thread runs it (with the freshness
// of the running version), the version floors' file and the rollback.
#include "platform/update/updater.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/base/clock.h"
#include "core/base/log.h"
#include "core/update/minisign.h"
#include "platform/update/content_store.h"
#include "platform/update/http_fetch.h"
#include "platform/update/updater_detail.h"

namespace fs = std::filesystem;

namespace ww {

namespace updater_detail {

double steady_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string clean(std::string s) {
    for (char& c : s)
        if (c == '"' || c == '\n' || c == '\r') c = '\'';
    return s.size() > 300 ? s.substr(0, 300) + "..." : s;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace updater_detail

using namespace updater_detail;

namespace {

int local_date() {
    const std::string day = Clock{}.local_now().day;  // YYYY-MM-DD
    return std::stoi(day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2));
}

void log_result(const CheckResult& r) {
    if (r.status == "rejected")
        log_event("content_update",
                  {{"status", "rejected"}, {"reason", r.reason}, {"detail", r.detail}});
    else
        log_event("content_update", {{"status", r.status}, {"version", std::to_string(r.version)}});
}

std::string channel_file(const std::string& state_dir) {
    return state_dir + "/update-channel";
}

}  // namespace

std::string CheckResult::summary() const {
    if (status == "rejected") return "rejected reason=" + reason;
    return status + " version=" + std::to_string(version);
}

Updater::Updater(UpdaterOptions options)
    : o_(std::move(options)),
      started_(steady_seconds()),
      jitter_seed_(static_cast<unsigned>(std::random_device{}())) {
    http_global_init();
    running_ = current_version(o_.state_dir);
    if (!o_.today) o_.today = local_date;
    // The floors: this kiosk's own file, raised to the package's shipped floor.
    const std::string file = channel_file(o_.state_dir);
    std::error_code ec;
    const bool had_file = fs::exists(file, ec);
    std::string why;
    if (had_file && !parse_channel_state(read_text(file), channel_, why))
        log_event("content_update", {{"status", "error"}, {"detail", clean(file + ": " + why)}});
    if (!o_.shipped_floor.empty() && fs::exists(o_.shipped_floor, ec)) {
        ChannelState shipped;
        if (parse_channel_state(read_text(o_.shipped_floor), shipped, why))
            channel_.merge_floors(shipped);
        else
            log_event("content_update",
                      {{"status", "error"}, {"detail", clean(o_.shipped_floor + ": " + why)}});
    }
    // An upgrade from before the floor file: the running version is each trusted key's floor.
    if (!had_file && running_ > 0)
        for (auto& line : o_.public_keys) {
            MinisignKey key;
            if (decode_minisign_key(line, key, why))
                channel_.raise(key_id_hex(key.key_id.data()), running_);
        }
    update_stale();
}

Updater::~Updater() {
    stop();
}

void Updater::start() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] { run(); });
}

void Updater::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool Updater::wait_for(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return stopping_; });
    return !stopping_;
}

void Updater::run() {
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) return;
        }
        check_once();
        if (!wait_for(o_.interval)) return;
    }
}

bool Updater::save_channel(std::string& error) {
    return write_durably(channel_file(o_.state_dir), channel_state_text(channel_), error);
}

void Updater::update_stale() {
    std::lock_guard<std::mutex> lock(mutex_);
    const long running = running_;
    stale_ = running > 0 && channel_.fresh_version == running && channel_.fresh_until > 0 &&
             channel_.fresh_until < o_.today();
}

CheckResult Updater::check_once() {
    CheckResult r = check();
    update_stale();
    if (stale_ && (r.status == "current" || r.status == "rejected")) {
        // The last good content stays on screen; staff and the heartbeat hear of it.
        int until;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            until = channel_.fresh_until;
        }
        if (r.status == "current") r.status = "stale";
        log_event("content_update", {{"status", "stale"},
                                     {"version", std::to_string(running_.load())},
                                     {"expired", format_date(until)}});
    }
    if (r.status != "off" && r.status != "stale") log_result(r);
    ++checks_;
    heartbeat(r);
    return r;
}

void Updater::failed_in_kiosk(long version) {
    std::lock_guard<std::mutex> lock(mutex_);
    failed_.insert(version);
    if (running_ != version) return;
    std::string why;
    if (!roll_back(o_.state_dir, previous_, why)) {
        log_event("content_update", {{"status", "rollback-failed"}, {"detail", clean(why)}});
        return;
    }
    log_event("content_update", {{"status", "rolled-back"},
                                 {"version", std::to_string(previous_)},
                                 {"failed", std::to_string(version)}});
    running_ = previous_;
    previous_ = 0;
}

}  // namespace ww
