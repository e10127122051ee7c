// Night hours in the running app, on a fake clock: dark between visitors, awake for a session.
#include <doctest/doctest.h>

#include <ctime>

#include "kiosk_fixture.h"

using namespace ww;

namespace {
// The unix time of `minutes` past local midnight on a day without a clock change.
double local_unix_time(int minutes) {
    std::tm t{};
    t.tm_year = 2026 - 1900;
    t.tm_mon = 10;  // November
    t.tm_mday = 23;
    t.tm_hour = minutes / 60;
    t.tm_min = minutes % 60;
    t.tm_isdst = -1;
    return static_cast<double>(std::mktime(&t));
}
}  // namespace

TEST_CASE("at night the screen goes dark after the idle reset; a touch wakes it for a session") {
    int minutes = 23 * 60;  // late evening
    Clock clock;
    clock.unix_time = [&minutes] { return local_unix_time(minutes); };
    Kiosk k(1920, 1080,
            {"session.idle_timeout=10", "session.warning_seconds=20", "night.enabled=true",
             "night.start=\"22:00\"", "night.end=\"07:00\""},
            clock);
    CHECK(k.app().night());
    CHECK_FALSE(k.app().screen_dark());  // a visitor may be here: the start is a session
    k.k->step(11);                       // the warning
    k.k->step(21);                       // the reset
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
