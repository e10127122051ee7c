#include <doctest/doctest.h>

#include "core/lifecycle/lifecycle.h"

using namespace ww;

TEST_CASE("idle -> warning -> continue") {
    Lifecycle lc({90, 30, true}, 0);
    CHECK(lc.update(89.9) == LifecycleEvent::None);
    CHECK(lc.phase() == Phase::Active);
    CHECK(lc.update(90) == LifecycleEvent::WarningStarted);
    CHECK(lc.phase() == Phase::Warning);
    CHECK(lc.seconds_left(90) == 30);
    CHECK(lc.seconds_left(100.5) == 20);
    CHECK(lc.input(101) == LifecycleEvent::Continued);
    CHECK(lc.phase() == Phase::Active);
    CHECK(lc.update(190) == LifecycleEvent::None);  // the idle timer restarted at 101
    CHECK(lc.update(191) == LifecycleEvent::WarningStarted);
}

TEST_CASE("idle -> warning -> reset -> attract -> touch starts a session") {
    Lifecycle lc({10, 20, true}, 0);
    CHECK(lc.update(10) == LifecycleEvent::WarningStarted);
    CHECK(lc.update(29.9) == LifecycleEvent::None);
    CHECK(lc.update(30) == LifecycleEvent::Reset);
    CHECK(lc.phase() == Phase::Attract);
    CHECK(lc.update(10000) == LifecycleEvent::None);  // attract waits forever
    CHECK(lc.input(10001) == LifecycleEvent::SessionStart);
    CHECK(lc.phase() == Phase::Active);
    CHECK(lc.input(10002) == LifecycleEvent::None);
}

TEST_CASE("without attract loop a reset returns straight to an active home") {
    Lifecycle lc({10, 20, false}, 0);
    lc.update(10);
    CHECK(lc.update(30) == LifecycleEvent::Reset);
    CHECK(lc.phase() == Phase::Active);
    CHECK(lc.next_deadline() == doctest::Approx(40));
}
