// Which content the real kiosk loads when it follows updates (app/update_wiring.h): the
// current version under state.dir when it loads, else the newest kept one that does, else the
// shipped content; a reload follows `current` when an update (or a rollback) moved it; the
// version shown (for the heartbeat). No window and no server: the folders only.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "../support/capture_stderr.h"
#include "../support/content_copy.h"
#include "app/update_wiring.h"

namespace fs = std::filesystem;
using namespace ww;

namespace {

struct StateDir {
    fs::path dir = fs::temp_directory_path() / ("ww-follow-" + std::to_string(getpid()));
    StateDir() {
        fs::remove_all(dir);
        fs::create_directories(dir / "content");
    }
    ~StateDir() { fs::remove_all(dir); }
    // <state>/content/N from `copy`.
    void add(long n, const ContentCopy& copy) const {
        const fs::path v = dir / "content" / std::to_string(n);
        fs::copy(copy.root, v, fs::copy_options::recursive);
    }
    void point_at(long n) const {
        fs::remove(dir / "content" / "current");
        fs::create_directory_symlink(std::to_string(n), dir / "content" / "current");
    }
};

// The shipped content and `s` as the state folder; `follow` false: --layouts named the content.
RunOptions shipped(const StateDir& s, bool follow = true) {
    RunOptions o;
    o.paths.layouts = "layouts";
    o.paths.assets = "assets";
    o.paths.state_dir = s.dir.string();
    o.paths.follow_updates = follow;
    return o;
}

}  // namespace

TEST_CASE("the kiosk starts from the current version when it loads, else from the shipped one") {
    CaptureStderr log;
    StateDir state;
    const KioskConfig cfg;
    {
        KioskUpdates none(cfg, shipped(state), [] {});
        CHECK(none.dirs().layouts == "layouts");
        CHECK(none.dirs().version == 0);
    }
    ContentCopy good("follow-good");
    state.add(3, good);
    state.point_at(3);
    {
        KioskUpdates updated(cfg, shipped(state), [] {});
        CHECK(updated.dirs().layouts == (state.dir / "content/3/layouts").string());
        CHECK(updated.dirs().assets == (state.dir / "content/3/assets").string());
        CHECK(updated.dirs().version == 3);
        CHECK(log.count("event=content_source layouts=" + updated.dirs().layouts + " version=3") ==
              1);
        // --layouts on the command line wins over any update.
        KioskUpdates named(cfg, shipped(state, false), [] {});
        CHECK(named.dirs().layouts == "layouts");
    }
    ContentCopy broken("follow-broken");
    broken.write("kiosk.toml", "this is = = not toml");
    state.add(4, broken);
    state.point_at(4);
    {
        // A current version that does not load rolls back to the newest kept one that does.
        KioskUpdates fallback(cfg, shipped(state), [] {});
        CHECK(fallback.dirs().version == 3);
        CHECK(fallback.shown_version() == 3);
        CHECK(log.count("event=content_source status=rolled-back version=3 failed=4") == 1);
    }
    // None that loads: the shipped content.
    state.add(5, broken);
    state.point_at(5);
    fs::remove_all(state.dir / "content" / "3");
    KioskUpdates shipped_only(cfg, shipped(state), [] {});
    CHECK(shipped_only.dirs().layouts == "layouts");
    CHECK(shipped_only.shown_version() == 0);
}

TEST_CASE("a reload follows `current`, and keeps the last good content when it does not load") {
    CaptureStderr log;
    StateDir state;
    ContentCopy v1("follow-v1");
    state.add(1, v1);
    state.point_at(1);
    KioskUpdates updates(KioskConfig{}, shipped(state), [] {});
    REQUIRE(updates.dirs().version == 1);
    ContentCopy v2("follow-v2");
    state.add(2, v2);
    state.point_at(2);  // what the update thread's switch does
    int taken = 0;
    updates.reload([&](ContentLoad load) {
        taken += load.ok();
        return load.ok();
    });
    CHECK(taken == 1);
    CHECK(updates.dirs().version == 2);
    CHECK(updates.shown_version() == 2);  // what the heartbeat reports
    // A reload the app refuses (no update applied): the heartbeat keeps the version shown.
    ContentCopy v3("follow-v3");
    state.add(3, v3);
    state.point_at(3);
    updates.reload([](ContentLoad) { return false; });
    CHECK(updates.shown_version() == 2);
    state.point_at(2);
    // `current` gone (a rollback to the shipped content): the shipped folders again.
    fs::remove(state.dir / "content" / "current");
    updates.reload([&](ContentLoad load) { return load.ok(); });
    CHECK(updates.dirs().layouts == "layouts");
    CHECK(updates.dirs().version == 0);
}
