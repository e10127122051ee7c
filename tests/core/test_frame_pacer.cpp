// Frame pacing of a stream of frames (core/kiosk/frame_pacer.h), with and without vsync.
#include <doctest/doctest.h>

#include "core/kiosk/frame_pacer.h"

using namespace ww;

TEST_CASE("frame pacer: the first frame may start at once") {
    FramePacer p;
    CHECK(p.next() < 0);
}

TEST_CASE("frame pacer: without vsync, frames start 1/60 s apart however quick they are") {
    FramePacer p;
    p.done(10.0, 10.004, 10.0045);  // drawn in 4 ms, the swap returned at once
    CHECK(p.next() == doctest::Approx(10.0 + 1.0 / 60));
    p.done(20.0, 20.030, 20.0305);  // slower than the interval: the next may start at once
    CHECK(p.next() == doctest::Approx(20.0 + 1.0 / 60));
    CHECK(p.next() < 20.0305);
}

TEST_CASE("frame pacer: a swap that waited for the refresh paces the stream by itself") {
    // Refreshes every 16.6 ms at 0.0166, 0.0332, ...: a frame that starts just before one and
    // finishes after it waits for the next. Pacing from the frame's start would put the next
    // start at 0.0327, 0.5 ms before the refresh it then misses; from the swap, it starts right
    // after the refresh and has a whole interval.
    FramePacer p;
    p.done(0.0160, 0.0230, 0.0332);
    CHECK(p.next() == doctest::Approx(0.0332));
    // Frames that start right after a refresh keep their rhythm.
    for (int i = 2; i < 100; ++i) {
        const double refresh = 0.0166 * i;
        p.done(refresh, refresh + 0.008, refresh + 0.0166);
        CHECK(p.next() == doctest::Approx(refresh + 0.0166));
    }
}
