#include <doctest/doctest.h>

#include "core/admin/admin.h"

using namespace ww;

TEST_CASE("PIN hash round trip; a wrong PIN fails") {
    const std::string h = hash_pin("135790");
    REQUIRE(!h.empty());
    CHECK(h.rfind("$argon2id$", 0) == 0);
    CHECK(h.find("135790") == std::string::npos);
    CHECK(verify_pin(h, "135790"));
    CHECK_FALSE(verify_pin(h, "135791"));
    CHECK_FALSE(verify_pin(h, ""));
    CHECK_FALSE(verify_pin("", "135790"));
    CHECK_FALSE(verify_pin("not a hash", "135790"));
    CHECK(hash_pin("135790") != h);  // salted
}

TEST_CASE("PIN rules: 8 to 12 digits (a copy of the hash is tried offline)") {
    CHECK(pin_problem("13579024").empty());
    CHECK(pin_problem("123456789012").empty());
    CHECK_FALSE(pin_problem("1357902").empty());  // 7 digits: ~10 core-days offline
    CHECK(pin_problem("1357902").find("at least 8") != std::string::npos);
    CHECK_FALSE(pin_problem("135790").empty());
    CHECK_FALSE(pin_problem("2468").empty());
    CHECK_FALSE(pin_problem("123").empty());
    CHECK_FALSE(pin_problem("12a45678").empty());
    CHECK_FALSE(pin_problem("").empty());
    CHECK_FALSE(pin_problem(" 13579024").empty());
    CHECK_FALSE(pin_problem("1234567890123").empty());
}

namespace {
KioskConfig::Admin admin_cfg(const char* corner = "top-left") {
    KioskConfig::Admin a;
    a.corner = corner;
    a.taps = 5;
    a.seconds = 3;
    a.corner_mm = 25;  // 100 px at 4 px/mm
    return a;
}
}  // namespace

TEST_CASE("corner gesture: 5 taps in the corner within 3 s open, once") {
    CornerGesture g(admin_cfg(), 4);
    for (int i = 0; i < 4; ++i) CHECK_FALSE(g.tap(10, 10, 1920, 1080, i * 0.5));
    CHECK(g.tap(90, 95, 1920, 1080, 2.0));
    // It fired and started over: the next tap alone does nothing.
    CHECK_FALSE(g.tap(10, 10, 1920, 1080, 2.1));
}

TEST_CASE("corner gesture: 4 taps, slow taps or taps outside do not open") {
    SUBCASE("four taps") {
        CornerGesture g(admin_cfg(), 4);
        for (int i = 0; i < 4; ++i) CHECK_FALSE(g.tap(10, 10, 1920, 1080, i * 0.2));
    }
    SUBCASE("slow taps") {
        CornerGesture g(admin_cfg(), 4);
        for (int i = 0; i < 10; ++i)
            CHECK_FALSE(g.tap(10, 10, 1920, 1080, i * 0.8));  // 5 taps span 3.2 s
    }
    SUBCASE("outside the corner") {
        CornerGesture g(admin_cfg(), 4);
        for (int i = 0; i < 6; ++i) CHECK_FALSE(g.tap(150, 10, 1920, 1080, i * 0.1));
        for (int i = 0; i < 6; ++i) CHECK_FALSE(g.tap(1900, 1060, 1920, 1080, 1 + i * 0.1));
    }
    SUBCASE("a tap elsewhere starts the count again") {
        CornerGesture g(admin_cfg(), 4);
        for (int i = 0; i < 4; ++i) CHECK_FALSE(g.tap(10, 10, 1920, 1080, i * 0.1));
        CHECK_FALSE(g.tap(900, 500, 1920, 1080, 0.5));
        CHECK_FALSE(g.tap(10, 10, 1920, 1080, 0.6));
    }
    SUBCASE("a slow start still opens with five quick taps after it") {
        CornerGesture g(admin_cfg(), 4);
        CHECK_FALSE(g.tap(10, 10, 1920, 1080, 0));
        for (int i = 0; i < 4; ++i) CHECK_FALSE(g.tap(10, 10, 1920, 1080, 5 + i * 0.1));
        CHECK(g.tap(10, 10, 1920, 1080, 5.5));
    }
}

TEST_CASE("corner gesture: other corners and px/mm") {
    CornerGesture br(admin_cfg("bottom-right"), 4);
    CHECK_FALSE(br.in_corner(10, 10, 1920, 1080));
    CHECK(br.in_corner(1900, 1070, 1920, 1080));
    CHECK_FALSE(br.in_corner(1900, 900, 1920, 1080));
    CornerGesture tr(admin_cfg("top-right"), 8);  // 25 mm = 200 px
    CHECK(tr.in_corner(1750, 150, 1920, 1080));
    CHECK_FALSE(tr.in_corner(1700, 150, 1920, 1080));
    CornerGesture bl(admin_cfg("bottom-left"), 4);
    for (int i = 0; i < 4; ++i) CHECK_FALSE(bl.tap(5, 1075, 1920, 1080, i * 0.1));
    CHECK(bl.tap(5, 1075, 1920, 1080, 0.4));
}

TEST_CASE("PIN guard: growing delays, then a lockout (fake clock)") {
    PinGuard g(5, 300);
    double t = 100;
    CHECK(g.record(false, t) == PinGuard::Result::Wrong);  // 1st: wait 1 s
    CHECK(g.wait_left(t) == doctest::Approx(1));
    CHECK(g.record(false, t + 0.5) == PinGuard::Result::Wait);  // too soon: not even counted
    CHECK(g.failures() == 1);
    t += 1;
    CHECK(g.record(false, t) == PinGuard::Result::Wrong);  // 2nd: wait 2 s
    CHECK(g.wait_left(t) == doctest::Approx(2));
    CHECK(g.record(true, t + 1.9) == PinGuard::Result::Wait);  // even the right PIN waits
    t += 2;
    CHECK(g.record(false, t) == PinGuard::Result::Wrong);  // 3rd: 4 s
    CHECK(g.wait_left(t) == doctest::Approx(4));
    t += 4;
    CHECK(g.record(false, t) == PinGuard::Result::Wrong);  // 4th: 8 s
    CHECK(g.wait_left(t) == doctest::Approx(8));
    t += 8;
    CHECK(g.record(false, t) == PinGuard::Result::Locked);  // 5th: lockout
    CHECK(g.locked(t));
    CHECK(g.wait_left(t) == doctest::Approx(300));
    CHECK(g.record(true, t + 299) == PinGuard::Result::Locked);  // right PIN refused while locked
    t += 300;
    CHECK_FALSE(g.locked(t));
    CHECK(g.record(true, t) == PinGuard::Result::Accepted);
    CHECK(g.failures() == 0);
}

TEST_CASE("PIN guard: a right PIN clears the count") {
    PinGuard g(3, 60);
    CHECK(g.record(false, 0) == PinGuard::Result::Wrong);
    CHECK(g.record(false, 1) == PinGuard::Result::Wrong);
    CHECK(g.record(true, 3) == PinGuard::Result::Accepted);
    CHECK(g.failures() == 0);
    CHECK(g.wait_left(3) == 0);
    CHECK(g.record(false, 3) == PinGuard::Result::Wrong);
    CHECK(g.failures() == 1);
}

TEST_CASE("PIN guard with real hashes") {
    const std::string h = hash_pin("135790");
    PinGuard g(2, 60);
    CHECK(g.attempt(h, "111111", 0) == PinGuard::Result::Wrong);
    CHECK(g.attempt(h, "135790", 0.5) == PinGuard::Result::Wait);
    CHECK(g.attempt(h, "135790", 1) == PinGuard::Result::Accepted);
    CHECK(g.attempt(h, "111111", 2) == PinGuard::Result::Wrong);
    CHECK(g.attempt(h, "111111", 3) == PinGuard::Result::Locked);
    CHECK(g.attempt(h, "135790", 62) == PinGuard::Result::Locked);
    CHECK(g.attempt(h, "135790", 63) == PinGuard::Result::Accepted);
}
