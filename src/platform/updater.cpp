// The update thread: one check (signature, version, bundle, unpack, validate, switch), the
// downloads with their retries, the version floors and freshness (<state>/update-channel), the
// heartbeat, and the start counter.
//
// [SECTION] helpers, the start counter
// [SECTION] the thread: start, stop, wait
// [SECTION] one check
// [SECTION] rollback and heartbeat
#include "platform/updater.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/base/clock.h"
#include "core/base/log.h"
#include "core/content/content.h"
#include "core/update/minisign.h"
#include "platform/content_store.h"
#include "platform/http_fetch.h"

namespace fs = std::filesystem;

namespace ww {

namespace {

double steady_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

int local_date() {
    const std::string day = Clock{}.local_now().day;  // YYYY-MM-DD
    return std::stoi(day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2));
}

// A value for `detail="..."` in the log: one line, no double quotes.
std::string clean(std::string s) {
    for (char& c : s)
        if (c == '"' || c == '\n' || c == '\r') c = '\'';
    return s.size() > 300 ? s.substr(0, 300) + "..." : s;
}

CheckResult rejected(const std::string& reason, const std::string& detail, long version = 0) {
    CheckResult r;
    r.status = "rejected";
    r.reason = reason;
    r.detail = clean(detail);
    r.version = version;
    return r;
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

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] helpers, the start
// counter

std::string CheckResult::summary() const {
    if (status == "rejected") return "rejected reason=" + reason;
    return status + " version=" + std::to_string(version);
}

int count_restarts_since_boot(const std::string& state_dir) {
    std::string boot_id = read_text("/proc/sys/kernel/random/boot_id");
    while (!boot_id.empty() && (boot_id.back() == '\n' || boot_id.back() == ' '))
        boot_id.pop_back();
    if (boot_id.empty() || state_dir.empty()) return 0;
    const std::string file = state_dir + "/starts-since-boot";
    std::string next;
    const int starts = count_start(read_text(file), boot_id, next);
    std::error_code ec;
    fs::create_directories(state_dir, ec);
    const std::string tmp = file + ".tmp";
    std::ofstream(tmp) << next;
    fs::rename(tmp, file, ec);
    return starts - 1;
}

// ---------------------------------------------------------------- [SECTION] the thread: start,
// stop, wait

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

// ---------------------------------------------------------------- [SECTION] one check

bool Updater::with_retries(const std::string& url, uint64_t max, std::string& error,
                           const std::function<HttpResult(const HttpLimits&)>& get) {
    HttpLimits limits;
    limits.connect_timeout = connect_timeout(o_.interval);
    limits.total_timeout = total_timeout(o_.interval);
    limits.max_bytes = max;
    std::mt19937 rng(jitter_seed_++);
    std::uniform_real_distribution<double> jitter(0, 1);
    for (int attempt = 1; attempt <= o_.attempts; ++attempt) {
        const HttpResult r = get(limits);
        if (r.ok) return true;
        error = url + ": " + r.error;
        if (attempt < o_.attempts && !wait_for(retry_delay(attempt, o_.interval, jitter(rng)))) {
            error += " (stopping)";
            return false;
        }
    }
    return false;
}

bool Updater::fetch(const std::string& url, uint64_t max, std::string& body, std::string& error) {
    return with_retries(url, max, error, [&](const HttpLimits& limits) {
        HttpResult r = http_get(url, limits);
        if (r.ok) body = std::move(r.body);
        return r;
    });
}

bool Updater::fetch_file(const std::string& url, const std::string& path,
                         std::array<uint8_t, 64>& hash, std::string& error) {
    return with_retries(url, o_.limits.max_download, error, [&](const HttpLimits& limits) {
        Prehash h;
        HttpResult r =
            http_get_file(url, path, limits, [&h](const char* d, size_t n) { h.update(d, n); });
        if (r.ok) hash = h.final();
        return r;
    });
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

CheckResult Updater::check() {
    if (o_.url.empty()) {  // a heartbeat without updates
        CheckResult off;
        off.status = "off";
        off.version = running_;
        return off;
    }
    std::vector<MinisignKey> keys;
    std::string why;
    for (auto& line : o_.public_keys) {
        MinisignKey k;
        if (!decode_minisign_key(line, k, why))
            return rejected("signature", "update.public_keys: a key " + why);
        keys.push_back(k);
    }
    if (keys.empty()) return rejected("signature", "no trusted key (update.public_keys is empty)");

    // 1. The signature: its trusted comment tells the key and the version before the bundle is
    // fetched.
    std::string sig;
    if (!fetch(o_.url + ".minisig", o_.limits.max_signature, sig, why))
        return rejected("download", why);
    const MinisignKey* key = nullptr;
    SignatureCheck comment;
    for (auto& k : keys) {
        SignatureCheck c = verify_minisign_comment(sig, k);
        if (c.ok) {
            key = &k;
            comment = c;
            break;
        }
        if (comment.error.empty() || comment.error.find("another key") != std::string::npos)
            comment = c;
    }
    if (!key) return rejected("signature", comment.error);
    BundleInfo info;
    if (!parse_trusted_comment(comment.trusted_comment, info, why))
        return rejected("signature", why);
    const std::string kid = key_id_hex(key->key_id.data());
    const long running = running_;
    long floor;
    bool refetch;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        floor = channel_.floor(kid);
        // The bundle last taken may come again while another version runs (a rollback).
        refetch = kid == channel_.fresh_key && info.version == channel_.fresh_version &&
                  info.version != running;
        if (info.version == running) {
            // The version that runs, maybe signed again with a later expiry (fresh-until); the
            // first such check after an upgrade or a rollback records it.
            const bool same = kid == channel_.fresh_key && running == channel_.fresh_version;
            const bool sane = info.expires >= o_.today() &&
                              info.expires <= add_days(o_.today(), o_.channel.max_expires_days);
            if (sane && (!same || info.expires > channel_.fresh_until) &&
                (same || channel_.fresh_version != running)) {
                channel_.fresh_key = kid;
                channel_.fresh_version = running;
                channel_.fresh_until = info.expires;
                if (!save_channel(why))
                    log_event("content_update", {{"status", "error"}, {"detail", clean(why)}});
            }
            CheckResult same_version;
            same_version.status = "current";
            same_version.version = running;
            return same_version;
        }
    }
    const std::string verdict = bundle_verdict(info, floor, refetch, o_.today(), o_.channel);
    const std::string v = "version " + std::to_string(info.version);
    if (verdict == "version")
        return rejected(verdict,
                        v + " is not newer than " + std::to_string(floor) + " (key " + kid + ")",
                        info.version);
    if (verdict == "step")
        return rejected(verdict,
                        v + " is more than update.max_version_step=" +
                            std::to_string(o_.channel.max_version_step) + " above " +
                            std::to_string(floor) + " (key " + kid + ")",
                        info.version);
    if (verdict == "expired")
        return rejected(verdict, v + " expired on " + std::to_string(info.expires), info.version);
    if (verdict == "expiry")
        return rejected(verdict,
                        v + " expires " + format_date(info.expires) + ", more than " +
                            std::to_string(o_.channel.max_expires_days) + " days ahead",
                        info.version);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (failed_.count(info.version))
            return rejected("invalid", v + " failed to load in this kiosk before");
    }

    // 2. The bundle, streamed to the state folder and hashed as it comes, checked against the
    // signature as a whole.
    const std::string part = o_.state_dir + "/bundle.download";
    struct RemovePart {
        const std::string& path;
        ~RemovePart() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } remove_part{part};
    std::error_code ec;
    fs::create_directories(o_.state_dir, ec);
    std::array<uint8_t, 64> hash{};
    if (!fetch_file(o_.url, part, hash, why)) return rejected("download", why);
    const SignatureCheck full = verify_minisign_prehashed(hash, sig, *key);
    if (!full.ok) return rejected("signature", full.error, info.version);

    // 3. Unpacked beside the running version, and validated as `--check` would.
    const std::string dir = version_dir(o_.state_dir, info.version);
    if (!unpack_bundle_file(part, dir, o_.limits, why))
        return rejected("invalid", why, info.version);
    const ContentLoad load = load_content(dir + "/layouts", dir + "/assets");
    if (!load.ok()) {
        std::string first;
        for (size_t i = 0; i < load.problems.size() && i < 3; ++i) {
            log_line("content_update: " + load.problems[i].format());
            first += (i ? "; " : "") + load.problems[i].format();
        }
        fs::remove_all(dir, ec);
        return rejected("invalid", std::to_string(load.problems.size()) + " problem(s): " + first,
                        info.version);
    }

    // 4. The switch.
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return rejected("download", "stopping before the switch", info.version);
        // The floor first, on the disk: a power cut after it re-fetches this version.
        channel_.raise(kid, info.version);
        channel_.fresh_key = kid;
        channel_.fresh_version = info.version;
        channel_.fresh_until = info.expires;
        if (!save_channel(why)) return rejected("invalid", why, info.version);
        if (!switch_current(o_.state_dir, info.version, running, why))
            return rejected("invalid", why, info.version);
        previous_ = running;
        running_ = info.version;
    }
    if (o_.on_applied) o_.on_applied(info.version);
    CheckResult ok;
    ok.status = "ok";
    ok.version = info.version;
    return ok;
}

// ---------------------------------------------------------------- [SECTION] rollback and heartbeat

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

void Updater::heartbeat(const CheckResult& r) {
    if (o_.status_url.empty()) return;
    Heartbeat h;
    h.kiosk = o_.kiosk_name;
    h.app_version = o_.app_version;
    h.content_version = o_.shown_version ? o_.shown_version() : running_.load();
    h.stale = stale_;
    h.uptime_seconds = static_cast<long>(steady_seconds() - started_);
    h.restarts_since_boot = o_.restarts_since_boot;
    h.last_update = r.summary();
    h.sessions_today = o_.sessions_today ? o_.sessions_today() : -1;
    HttpLimits limits;
    limits.connect_timeout = connect_timeout(o_.interval);
    limits.total_timeout = std::min(30.0, total_timeout(o_.interval));
    limits.max_bytes = 64 * 1024;  // the server's answer is ignored
    const HttpResult sent = http_post_json(o_.status_url, heartbeat_json(h), limits);
    if (!sent.ok)
        log_event("heartbeat", {{"status", "failed"}, {"detail", clean(sent.error)}});
    else
        log_event("heartbeat", {{"status", "ok"}});
}

}  // namespace ww
