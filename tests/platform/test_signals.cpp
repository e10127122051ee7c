// Signals reach the kiosk through one watcher thread, never through a handler that would call
// into GLFW or Xlib.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "platform/service/signals.h"

using namespace ww;

namespace {
// Polls `cond` for at most two seconds.
template <class F>
bool eventually(F cond) {
    for (int i = 0; i < 200; ++i) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}
}  // namespace

TEST_SUITE("service") {
    TEST_CASE("SIGHUP asks for a reload, SIGTERM and SIGINT for quitting; each wakes the loop") {
        std::atomic<int> wakes{0};
        SignalWatcher w([&] { ++wakes; });
        REQUIRE(w.ok());
        CHECK_FALSE(w.take_reload());
        kill(getpid(), SIGHUP);
        CHECK(eventually([&] { return wakes >= 1; }));
        CHECK(w.take_reload());
        CHECK_FALSE(w.take_reload());  // once per request
        CHECK_FALSE(w.quit());
        w.request_reload();  // the admin panel's button takes the same path
        CHECK(w.take_reload());
        kill(getpid(), SIGTERM);
        CHECK(eventually([&] { return w.quit(); }));
        // A thread started now inherits the mask: the signal still goes to the watcher.
        std::thread([] { kill(getpid(), SIGHUP); }).join();
        CHECK(eventually([&] { return w.take_reload(); }));
    }
}
