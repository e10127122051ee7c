// Content updates in the real window: which folders the kiosk loads (the current updated version
// when it loads, else the newest kept one that does, else the shipped content), the Updater
// thread, and what a reload does after an update (a version the kiosk cannot load after all is
// rolled back). Owned by run_window.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/runner.h"
#include "core/config/config.h"
#include "core/content/content.h"
#include "platform/update/updater.h"

namespace ww {

struct ContentDirs {
    std::string layouts, assets;
    long version = 0;  // 0 = the shipped (or --layouts) content
};

class KioskUpdates {
  public:
    // Picks the start folders (logged as event=content_source) and, with update.url set and no
    // --layouts, prepares the Updater; `reload` is the SIGHUP path (SignalWatcher::request_reload).
    KioskUpdates(const KioskConfig& cfg, const RunOptions& opts, std::function<void()> reload);
    ~KioskUpdates() { stop(); }
    // Starts the Updater's thread (when there is one to start). `sessions_today` is asked from
    // that thread for the heartbeat: the stats writer's count, -1 when not counted.
    void start(std::function<int()> sessions_today);
    // Ends the thread (before the window system goes away: it wakes the loop through GLFW).
    void stop();

    const ContentDirs& dirs() const { return dirs_; }
    // The content version on screen (0 = shipped), for the heartbeat.
    long shown_version() const { return shown_.load(); }
    // The shown version's freshest signature has expired: the staff marker (admin panel).
    bool stale() const;
    // A reload on the frame thread: loads the current folders; when a just-applied version does
    // not load, rolls back and loads the previous one. `take` is KioskApp::set_content.
    void reload(const std::function<bool(ContentLoad)>& take);

  private:
    // A current version that does not load (a power cut, a full disk) is rolled back at start.
    void recover_at_start() const;
    ContentDirs pick() const;

    std::string state_dir_;
    std::string shipped_layouts_, shipped_assets_;
    bool follow_ = false;  // no --layouts: the updated content wins
    ContentDirs dirs_;
    std::atomic<long> applied_{0};
    std::atomic<long> shown_{0};             // set on the frame thread, read by the heartbeat
    std::optional<UpdaterOptions> options_;  // set when the Updater is to run
    std::unique_ptr<Updater> updater_;
};

}  // namespace ww
