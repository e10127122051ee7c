#include "app/update_wiring.h"

#include <algorithm>

#include "core/base/log.h"
#include "platform/update/content_store.h"
#include "platform/update/restart_count.h"

namespace ww {

KioskUpdates::KioskUpdates(const KioskConfig& cfg, const RunOptions& opts,
                           std::function<void()> reload)
    : state_dir_(opts.paths.state_dir),
      shipped_layouts_(opts.paths.layouts),
      shipped_assets_(opts.paths.assets),
      follow_(opts.paths.follow_updates) {
    if (follow_) recover_at_start();
    dirs_ = pick();
    shown_ = dirs_.version;
    log_event("content_source",
              {{"layouts", dirs_.layouts}, {"version", std::to_string(dirs_.version)}});
    if (cfg.update.url.empty() && cfg.update.status_url.empty()) return;
    UpdaterOptions u;
    u.url = cfg.update.url;
    if (!follow_ && !u.url.empty()) {
        log_event("content_update",
                  {{"status", "off"},
                   {"detail", "--layouts names the content (or there is no state folder)"}});
        u.url.clear();  // the heartbeat still goes
        if (cfg.update.status_url.empty()) return;
    }
    // update.public_keys, plus the old single update.public_key (--check says to move it).
    u.public_keys = cfg.update.public_keys;
    if (!cfg.update.public_key.empty() && std::find(u.public_keys.begin(), u.public_keys.end(),
                                                    cfg.update.public_key) == u.public_keys.end())
        u.public_keys.push_back(cfg.update.public_key);
    u.channel.max_version_step = cfg.update.max_version_step;
    u.limits.max_download = static_cast<uint64_t>(cfg.update.max_bundle_mb) << 20;
    u.shipped_floor = WEGWIJZER_DATADIR "/wegwijzer/update-floor";
    u.shown_version = [this] { return shown_.load(); };
    u.status_url = cfg.update.status_url;
    u.state_dir = state_dir_;
    u.kiosk_name = cfg.kiosk.name;
    u.interval = cfg.update.interval_minutes * 60;
    u.restarts_since_boot = count_restarts_since_boot(state_dir_);
    u.on_applied = [this, reload](long version) {
        applied_ = version;
        reload();
    };
    options_ = std::move(u);
}

void KioskUpdates::start(std::function<int()> sessions_today) {
    if (!options_ || updater_) return;
    options_->sessions_today = std::move(sessions_today);
    updater_ = std::make_unique<Updater>(*options_);
    updater_->start();
}

void KioskUpdates::stop() {
    if (updater_) updater_->stop();
}

void KioskUpdates::recover_at_start() const {
    const long before = current_version(state_dir_);
    std::string error;
    const long now = recover_current(
        state_dir_,
        [](const std::string& dir) { return load_content(dir + "/layouts", dir + "/assets").ok(); },
        error);
    if (now != before)
        log_event("content_source", {{"status", "rolled-back"},
                                     {"version", std::to_string(now)},
                                     {"failed", std::to_string(before)}});
    if (!error.empty()) log_event("content_source", {{"status", "error"}, {"detail", error}});
}

ContentDirs KioskUpdates::pick() const {
    ContentDirs shipped{shipped_layouts_, shipped_assets_, 0};
    if (!follow_) return shipped;
    const std::string dir = current_content_dir(state_dir_);
    if (dir.empty()) return shipped;
    return {dir + "/layouts", dir + "/assets", current_version(state_dir_)};
}

void KioskUpdates::reload(const std::function<bool(ContentLoad)>& take) {
    const long applied = applied_.exchange(0);
    dirs_ = pick();
    if (take(load_content(dirs_.layouts, dirs_.assets))) {
        shown_ = dirs_.version;
        return;
    }
    if (!applied || !updater_) return;  // the kiosk keeps what it showed
    // The validator passed it, yet the kiosk refused it: back to what ran before.
    updater_->failed_in_kiosk(applied);
    dirs_ = pick();
    if (take(load_content(dirs_.layouts, dirs_.assets))) shown_ = dirs_.version;
}

bool KioskUpdates::stale() const {
    return updater_ && updater_->stale();
}

}  // namespace ww
