// Signed content updates pulled from a server, and the heartbeat (README: Content updates).
// A thread checks update.url at start and every update.interval_minutes: it reads the signature
// (<url>.minisig) first and downloads the bundle only when its signed version is newer; checks
// both signatures (core/update/minisign.h), version and expiry; unpacks into
// <state>/content/<N>, runs the full content validator on it, switches <state>/content/current,
// and calls on_applied so the frame loop reloads as for SIGHUP. A server that is down, slow,
// hangs or sends garbage changes nothing: the check ends as rejected and the kiosk keeps its
// content. After each check it POSTs the heartbeat to update.status_url (when set).
// The highest version taken from each key (its floor) lives in <state>/update-channel, written
// durably before `current` switches and never lowered (a rollback or a wiped content/ folder
// cannot bring an older bundle back); the package's shipped floor is merged in.
#pragma once
#include <array>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/update/update_rules.h"
#include "platform/update/http_fetch.h"

namespace ww {

struct UpdaterOptions {
    std::string url;                       // update.url; empty = only the heartbeat
    std::vector<std::string> public_keys;  // update.public_keys (+ the old update.public_key)
    ChannelLimits channel;                 // update.max_version_step, the expiry horizon
    // The floors the package ships (WEGWIJZER_DATADIR/wegwijzer/update-floor, the channel state's
    // format): never taken below, also after <state> is wiped. Empty = none.
    std::string shipped_floor;
    std::string status_url;  // update.status_url; empty = no heartbeat
    std::string state_dir;
    std::string kiosk_name;
    std::string app_version = WEGWIJZER_VERSION;
    double interval = 3600;  // seconds between checks
    int attempts = 3;        // tries per download, with backoff and jitter between them
    UnpackLimits limits;
    int restarts_since_boot = 0;
    // Local date as YYYYMMDD; unset = the system clock.
    std::function<int()> today;
    // Sessions since local midnight for the heartbeat; unset = -1 (unknown). Called on the update
    // thread: it must be thread-safe.
    std::function<int()> sessions_today;
    // The content version the kiosk shows (0 = shipped) for the heartbeat; called on the update
    // thread, must be thread-safe. Unset = the version `current` points at.
    std::function<long()> shown_version;
    // A new version is current (called on the update thread; must return at once).
    std::function<void(long version)> on_applied;
};

struct CheckResult {
    std::string status;  // "ok", "current" (nothing newer), "stale", "rejected", "off"
    // rejected: signature | version | step | expired | expiry | invalid | download
    std::string reason;
    std::string detail;
    long version = 0;
    std::string summary() const;  // for the heartbeat: "ok version=3", "rejected reason=..."
};

class Updater {
  public:
    explicit Updater(UpdaterOptions options);
    ~Updater();  // stop()
    Updater(const Updater&) = delete;
    Updater& operator=(const Updater&) = delete;

    void start();  // the thread: a check at once, then one every interval
    void stop();   // ends a wait or a retry pause at once; a running transfer within its timeouts

    // One check, logged as event=content_update, then the heartbeat (the thread's body; tests
    // call it directly).
    CheckResult check_once();
    // The version the kiosk runs (0 = shipped content).
    long running_version() const { return running_.load(); }
    // The frame loop could not load `version` after all: back to the previous one, and never
    // take this version again in this run. Called on the frame thread.
    void failed_in_kiosk(long version);
    // How many checks ran (tests wait on it).
    int checks() const { return checks_.load(); }
    // The freshest signature of the running version has expired (README: freeze): staff see a
    // marker, the heartbeat says so; visitors still see the content.
    bool stale() const { return stale_.load(); }

  private:
    CheckResult check();
    // `get` with the check's limits, tried o_.attempts times with a growing, jittered pause.
    bool with_retries(const std::string& url, uint64_t max, std::string& error,
                      const std::function<HttpResult(const HttpLimits&)>& get);
    bool fetch(const std::string& url, uint64_t max, std::string& body, std::string& error);
    // The bundle streamed to <state>/bundle.download, hashed as it arrives.
    bool fetch_file(const std::string& url, const std::string& path, std::array<uint8_t, 64>& hash,
                    std::string& error);
    bool save_channel(std::string& error);  // channel_ to its file; mutex_ held
    void update_stale();
    void heartbeat(const CheckResult& r);
    bool wait_for(double seconds);  // false when stopping
    void run();

    UpdaterOptions o_;
    std::atomic<long> running_{0};
    std::atomic<int> checks_{0};
    long previous_ = 0;      // guarded by mutex_
    std::set<long> failed_;  // versions the kiosk could not load; guarded by mutex_
    ChannelState channel_;   // floors per key, freshest expiry; guarded by mutex_
    std::atomic<bool> stale_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
    double started_;  // steady clock seconds, for uptime
    unsigned jitter_seed_;
};

}  // namespace ww
