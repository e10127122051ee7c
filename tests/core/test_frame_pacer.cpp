// The beat of a stream of frames (core/touch/frame_pacer.h), with and without vsync.
#include <doctest/doctest.h>

#include "core/touch/frame_pacer.h"

using namespace ww;

TEST_CASE("frame pacer: the first frame may start, and is shown, at once") {
    FramePacer p;
    CHECK(p.next() < 0);
    CHECK(p.show_at(3.0) == doctest::Approx(3.0));
}

TEST_CASE("frame pacer: without vsync, frames start 1/60 s apart and are shown on a beat") {
    FramePacer p;
    // Drawn in 6 ms; the swap returned at once (no vsync).
    p.done(10.0, 10.006, 10.006, 10.0065);
    CHECK(p.next() == doctest::Approx(10.0 + 1.0 / 60));
    CHECK(p.show_at(11.0) == doctest::Approx(11.0065));  // the longest drawing time, and a bit
    // One frame takes 11 ms: from then on every frame is shown 11.5 ms after its start, the
    // quick ones held back, so the frames reach the screen 1/60 s apart.
    p.done(11.0, 11.011, 11.011, 11.0112);
    CHECK(p.show_at(12.0) == doctest::Approx(12.0115));
    p.done(12.0, 12.005, 12.0115, 12.0117);
    CHECK(p.show_at(13.0) == doctest::Approx(13.0115));
    // Half a second of quicker frames later, the beat follows them.
    for (int i = 0; i < 30; ++i) p.done(14.0 + i, 14.007 + i, 14.0075 + i, 14.008 + i);
    CHECK(p.show_at(50.0) == doctest::Approx(50.0075));
}

TEST_CASE(
    "frame pacer: a frame slower than the interval starts the next at once, shown when drawn") {
    FramePacer p;
    p.done(20.0, 20.030, 20.030, 20.031);
    CHECK(p.next() < 20.031);
    CHECK(p.show_at(21.0) < 21.0 + 1.0 / 60);  // never held a whole interval
}

TEST_CASE("frame pacer: a swap that waited for the refresh paces the stream by itself") {
    // Refreshes every 16.6 ms (at 0.0166 k). A frame that starts 5 ms before one and is drawn in
    // 8 ms misses it and its swap waits for the next: from then on each frame starts as its swap
    // returns, right after a refresh, with a whole interval to be drawn in, and is not held.
    FramePacer p;
    p.done(0.0116, 0.0196, 0.0196, 0.0332);
    CHECK(p.next() == doctest::Approx(0.0332));
    CHECK(p.show_at(0.0332) == doctest::Approx(0.0332));
    for (int i = 2; i < 100; ++i) {
        const double refresh = 0.0166 * i;
        p.done(refresh, refresh + 0.008, refresh + 0.008, refresh + 0.0166);
        CHECK(p.next() == doctest::Approx(refresh + 0.0166));
    }
}
