#include <doctest/doctest.h>

#include "core/lifecycle/attract.h"

using namespace ww;

TEST_CASE("attract: messages rotate and fade; frames only where the picture changes") {
    const AttractTiming a{8, 10};
    CHECK(a.fade() == doctest::Approx(0.8));
    CHECK(a.message(0.5, 4) == 0);
    CHECK(a.message(8.5, 4) == 1);
    CHECK(a.message(33, 4) == 0);
    CHECK(a.alpha(0.0) == doctest::Approx(0));
    CHECK(a.alpha(0.4) == doctest::Approx(0.5));
    CHECK(a.alpha(4.0) == doctest::Approx(1));
    CHECK(a.alpha(7.8) == doctest::Approx(0.25));
    // During a fade: the frame cap. In between: once a second (the blink), and at the fade-out.
    CHECK(a.next_frame(0.5) == doctest::Approx(0.5 + 1.0 / 10));
    CHECK(a.next_frame(3.2) == doctest::Approx(4.0));
    CHECK(a.next_frame(6.5) == doctest::Approx(7.0));
    CHECK(a.next_frame(6.95) == doctest::Approx(7.0));
    CHECK(a.blink_on(2.5) != a.blink_on(3.5));
    // Frames per message: far fewer than the cap times the period.
    int frames = 0;
    for (double t = 0; t < 8; t = a.next_frame(t)) ++frames;
    CHECK(frames < 40);
    CHECK(frames > 20);
}
