// Read aloud, when: ReadAloud's rules with a fake voice, and with the idle Lifecycle on a fake
// clock as the kiosk drives them (KioskApp::frame and press), without a thread or a device.
#include <doctest/doctest.h>

#include <ostream>  // doctest prints a failed REQUIRE(shared_ptr)
#include <string>
#include <vector>

#include "../support/shipped_content.h"
#include "core/access/read_aloud.h"
#include "core/access/speech.h"
#include "core/content/content.h"
#include "core/lifecycle/lifecycle.h"
#include "core/session/session.h"

using namespace ww;

namespace {

// Records what read-aloud asks of its voice; "talks" from say() until stop().
struct FakeVoice : Voice {
    struct Said {
        std::string text, lang;
        int volume = 0;
    };
    std::vector<Said> said;
    int stops = 0;
    bool talking = false;
    void say(const std::string& text, const std::string& lang, int volume) override {
        said.push_back({text, lang, volume});
        talking = true;
    }
    void stop() override {
        ++stops;
        talking = false;
    }
};

SessionDefaults defaults_of(const Content& c) {
    SessionDefaults d;
    d.home = c.home;
    d.lang = "nl";
    d.speech_volume = 70;
    return d;
}

// The kiosk in miniature: idle timeout 10 s, warning 20 s, attract loop on; frames and taps at
// the times a test chooses, in the order KioskApp uses.
struct Kiosk {
    const Content& c = shipped();
    FakeVoice voice;
    ReadAloud read_aloud{voice};
    Lifecycle life{{10, 20, true}, 0};
    Session s = fresh_session(defaults_of(c));

    void frame(double now) {
        if (read_aloud.holds_idle(s, life.phase(), voice.talking)) life.input(now);
        switch (life.update(now)) {
            case LifecycleEvent::WarningStarted:
                read_aloud.warning_started(s, &c, 20);
                break;
            case LifecycleEvent::Reset:
                s = fresh_session(defaults_of(c));
                read_aloud.reset(s);
                break;
            default:
                break;
        }
    }
    // A tap (press), then the place it opens (when it is not the tap that ends the attract loop).
    void tap(double now) {
        read_aloud.input();
        life.input(now);
    }
    void open(const std::string& id, double now) {
        tap(now);
        open_screen(s, id);
        read_aloud.place_shown(s, &c);
    }
    std::string text_of(const std::string& id, const std::string& lang) const {
        return spoken_text(c, {PlaceKind::Screen, id}, lang);
    }
};

}  // namespace

TEST_CASE("read aloud is off for a new visitor: nothing is said, the idle timer runs") {
    Kiosk k;
    CHECK_FALSE(k.s.speech);
    k.read_aloud.place_shown(k.s, &k.c);
    k.read_aloud.warning_started(k.s, &k.c, 20);
    k.open("vormen", 1);
    CHECK(k.voice.said.empty());
    CHECK_FALSE(k.read_aloud.holds_idle(k.s, Phase::Active, true));
}

TEST_CASE("turning it on says the place in the visitor's language and volume; again repeats") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    CHECK(k.s.speech);
    REQUIRE(k.voice.said.size() == 1);
    CHECK(k.voice.said[0].text == k.text_of(k.c.home, "nl"));
    CHECK_FALSE(k.voice.said[0].text.empty());
    CHECK(k.voice.said[0].lang == "nl");
    CHECK(k.voice.said[0].volume == 70);
    k.read_aloud.turn_on(k.s, &k.c);
    REQUIRE(k.voice.said.size() == 2);
    CHECK(k.voice.said[1].text == k.voice.said[0].text);
}

TEST_CASE("a new place is said; so is the same place in another language") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    k.open("vormen", 1);
    REQUIRE(k.voice.said.size() == 2);
    CHECK(k.voice.said.back().text == k.text_of("vormen", "nl"));
    k.s.lang = "en";
    k.read_aloud.place_shown(k.s, &k.c);
    REQUIRE(k.voice.said.size() == 3);
    CHECK(k.voice.said.back().text == k.text_of("vormen", "en"));
    CHECK(k.voice.said.back().lang == "en");
}

TEST_CASE("any tap stops it at once; it stays on for the next place") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    REQUIRE(k.voice.talking);
    k.tap(1);
    CHECK(k.voice.stops == 1);
    CHECK_FALSE(k.voice.talking);
    CHECK(k.s.speech);
    CHECK(k.voice.said.size() == 1);  // a tap says nothing by itself
    k.open("vormen", 2);
    CHECK(k.voice.said.back().text == k.text_of("vormen", "nl"));
}

TEST_CASE("turning it off stops it and nothing more is said") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    k.read_aloud.turn_off(k.s);
    CHECK_FALSE(k.s.speech);
    CHECK(k.voice.stops == 1);
    CHECK_FALSE(k.voice.talking);
    k.open("vormen", 1);
    k.frame(11);  // the warning
    CHECK(k.life.phase() == Phase::Warning);
    CHECK(k.voice.said.size() == 1);
}

TEST_CASE("the idle warning is said with its countdown when read aloud is on") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    k.tap(0);  // quiet again
    k.frame(9.9);
    CHECK(k.voice.said.size() == 1);
    k.frame(10);
    CHECK(k.life.phase() == Phase::Warning);
    REQUIRE(k.voice.said.size() == 2);
    CHECK(k.voice.said.back().text == spoken_warning(k.c, "nl", 20));
    CHECK(k.voice.said.back().text.find("20") != std::string::npos);
    CHECK(k.voice.said.back().volume == 70);
}

TEST_CASE("the idle timer is held while it talks, only for an active visitor") {
    Session on;
    on.speech = true;
    Session off;
    FakeVoice v;
    ReadAloud r(v);
    CHECK(r.holds_idle(on, Phase::Active, true));
    CHECK_FALSE(r.holds_idle(on, Phase::Active, false));
    CHECK_FALSE(r.holds_idle(off, Phase::Active, true));
    CHECK_FALSE(r.holds_idle(on, Phase::Warning, true));  // the spoken warning must not end it
    CHECK_FALSE(r.holds_idle(on, Phase::Attract, true));

    // On the clock: a long page keeps the visitor for 200 s, far past the 10 s timeout.
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    for (int t = 1; t <= 200; ++t) {
        k.frame(t);
        REQUIRE(k.life.phase() == Phase::Active);
    }
    k.voice.talking = false;  // the page is read
    k.frame(209.9);
    CHECK(k.life.phase() == Phase::Active);
    k.frame(210);
    CHECK(k.life.phase() == Phase::Warning);
    CHECK(k.voice.talking);  // saying the warning, which does not hold the countdown
    k.frame(229.9);
    CHECK(k.life.phase() == Phase::Warning);
    k.frame(230);
    CHECK(k.life.phase() == Phase::Attract);
}

TEST_CASE("a reset stops speech and turns it off; the attract loop says nothing") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, &k.c);
    k.open("vormen", 1);
    k.tap(2);
    k.frame(12);  // warning, spoken
    REQUIRE(k.life.phase() == Phase::Warning);
    REQUIRE(k.voice.talking);
    const size_t said = k.voice.said.size();
    const int stops = k.voice.stops;
    k.frame(32);  // reset
    REQUIRE(k.life.phase() == Phase::Attract);
    CHECK(k.voice.stops == stops + 1);
    CHECK_FALSE(k.voice.talking);
    CHECK_FALSE(k.s.speech);
    // Between visitors: frames for an hour, nothing said, nothing held.
    for (double t = 33; t < 3600; t += 0.5) k.frame(t);
    CHECK(k.life.phase() == Phase::Attract);
    k.read_aloud.place_shown(k.s, &k.c);  // the loop's home: off, so silent
    CHECK(k.voice.said.size() == said);
    // The touch that wakes the kiosk only silences; the new visitor starts with it off.
    k.tap(3600);
    CHECK(k.life.phase() == Phase::Active);
    k.open("vormen", 3601);
    CHECK(k.voice.said.size() == said);
}

TEST_CASE("a reset turns it off and stops it whatever the session held (content reload)") {
    Session s;
    s.speech = true;
    FakeVoice v;
    v.talking = true;
    ReadAloud r(v);
    r.reset(s);
    CHECK_FALSE(s.speech);
    CHECK(v.stops == 1);
    CHECK_FALSE(v.talking);
}

TEST_CASE("out of order (no content): nothing to say") {
    Kiosk k;
    k.read_aloud.turn_on(k.s, nullptr);
    k.read_aloud.place_shown(k.s, nullptr);
    k.read_aloud.warning_started(k.s, nullptr, 20);
    CHECK(k.voice.said.empty());
}
