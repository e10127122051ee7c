// Night hours in the running app, on a fake clock: dark between visitors, awake for a session.
#include <doctest/doctest.h>

#include "kiosk_fixture.h"

using namespace ww;

TEST_CASE("at night the screen goes dark after the idle reset; a touch wakes it for a session") {
    Kiosk k(1920, 1080,
            {"session.idle_timeout=10", "session.warning_seconds=20", "night.enabled=true",
             "night.start=\"22:00\"", "night.end=\"07:00\""});
    int minutes = 23 * 60;  // late evening
    AppHooks hooks;
    hooks.local_minutes = [&minutes] { return minutes; };
    k.k->set_hooks(hooks);
    CHECK(k.app().night());
    CHECK_FALSE(k.app().screen_dark());  // a visitor may be here: the start is a session
    k.k->step(11);  // the warning
    k.k->step(21);  // the reset
    REQUIRE(k.app().phase() == Phase::Attract);
    CHECK(k.app().screen_dark());
    k.k->tap(960, 540);  // a touch at night
    CHECK(k.app().phase() == Phase::Active);
    CHECK_FALSE(k.app().screen_dark());
    k.k->step(11);
    k.k->step(21);
    CHECK(k.app().screen_dark());  // dark again after the reset
    minutes = 7 * 60 + 30;         // morning
    CHECK_FALSE(k.app().night());
    CHECK_FALSE(k.app().screen_dark());
}
