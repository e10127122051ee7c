// A session reset leaves nothing of the previous visitor: every field of ww::Session is dirtied
// through the running app (taps, drags, panels), then reset by the idle timeout and by
// reset_session(), and compared field by field with a fresh session of the profile's defaults.
// A new Session field must be added here, to dirty_everything and check_fresh
// (src/core/session.h says so).
#include <doctest/doctest.h>

#include "core/session/session.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {

// Profile defaults that differ from Session's own member defaults, so a reset that forgot the
// profile (Session{}) fails as well as one that forgot the visitor.
const std::vector<std::string> kProfile = {"session.idle_timeout=10",
                                           "session.warning_seconds=20",
                                           "languages.default=en",
                                           "accessibility.text_size=large",
                                           "accessibility.theme=high-contrast",
                                           "accessibility.speech_volume=60"};

Session fresh_for(const Kiosk& k) {
    SessionDefaults d;
    d.home = k.k->app().content()->home;
    d.lang = "en";
    d.text_size = TextSize::Large;
    d.theme = Theme::HighContrast;
    d.speech_volume = 60;
    return fresh_session(d);
}

// Everything a visitor can change, changed, the way a visitor does it where the UI allows.
void dirty_everything(Kiosk& k) {
    // history, answers, taps: the decision guide to a result.
    k.tap("##tile-guide");
    const Guide& g = k.app().content()->guide;
    for (int i = 0; i < 10 && k.place().kind == PlaceKind::Question; ++i) {
        const Question* q = g.question(k.place().id);
        REQUIRE(q);
        const std::string id = "##answer-" + q->answers.front().value;
        k.reveal(id);
        k.tap(id);
    }
    REQUIRE(k.place().kind == PlaceKind::Result);
    // scroll: drag the result page up.
    k.k->drag(900, 800, 0, -300, 8);
    // text size, theme, reach mode, read aloud: the accessibility panel.
    k.tap("##access");
    k.tap("##size-larger");
    k.tap("##theme-normal");
    k.tap("##reach");
    k.tap("##speech-on");
    k.tap("##close-access");
    // language, and the language panel left open.
    k.tap("##language");
    k.tap("##lang-nl");
    k.tap("##language");
    // Speech mode (taps are heard, not chosen, from here on) and a louder voice: the first
    // navigation key, then +.
    k.app().nav_key(NavKey::Next, k.k->now());
    k.app().nav_key(NavKey::VolumeUp, k.k->now());
    k.k->settle();
    // The UI opens one panel at a time: set that directly.
    Session& s = k.app().session();
    s.access_panel = true;

    const Session fresh = fresh_for(k);
    REQUIRE(s.history.size() > 2);
    REQUIRE(s.answers.size() > 0);
    REQUIRE(!s.scroll.empty());
    REQUIRE(s.lang == "nl");
    REQUIRE(s.text_size == TextSize::Larger);
    REQUIRE(s.theme == Theme::Normal);
    REQUIRE(s.speech);
    REQUIRE(s.speech_mode);
    REQUIRE(s.speech_volume != fresh.speech_volume);
    REQUIRE(s.reach_mode);
    REQUIRE(s.access_panel);
    REQUIRE(s.language_panel);
    REQUIRE(s.taps > 5);
}

// Every field of Session, one by one.
void check_fresh(const Session& s, const Session& fresh) {
    REQUIRE(!s.history.empty());
    CHECK(s.history.size() == fresh.history.size());
    CHECK(s.current() == fresh.current());
    CHECK(s.answers == fresh.answers);
    CHECK(s.answers.empty());
    CHECK(s.scroll.empty());  // not even a 0 left for a place of the last visitor
    CHECK(s.lang == fresh.lang);
    CHECK(s.text_size == fresh.text_size);
    CHECK(s.theme == fresh.theme);
    CHECK(s.speech == fresh.speech);
    CHECK(s.speech_mode == fresh.speech_mode);
    CHECK_FALSE(s.speech_mode);
    CHECK(s.speech_volume == fresh.speech_volume);
    CHECK(s.reach_mode == fresh.reach_mode);
    CHECK(s.access_panel == fresh.access_panel);
    CHECK(s.language_panel == fresh.language_panel);
    CHECK(s.taps == fresh.taps);
}

}  // namespace

TEST_CASE("a reset leaves nothing of the previous visitor: idle timeout and reset_session") {
    Kiosk k(1920, 1080, kProfile);
    const Session fresh = fresh_for(k);
    INFO("the first visitor");
    check_fresh(k.app().session(), fresh);  // the defaults really are the profile's

    SUBCASE("the idle timeout") {
        dirty_everything(k);
        k.k->step(10.5);
        CHECK(k.app().phase() == Phase::Warning);
        k.k->step(20.5);
        REQUIRE(k.app().phase() == Phase::Attract);
        check_fresh(k.app().session(), fresh);
        // The next visitor's first touch wakes the kiosk and finds the same fresh session.
        k.k->tap(960, 540);
        REQUIRE(k.app().phase() == Phase::Active);
        check_fresh(k.app().session(), fresh);
        // And a second visitor's mess goes the same way.
        dirty_everything(k);
        k.k->step(10.5);
        k.k->step(20.5);
        REQUIRE(k.app().phase() == Phase::Attract);
        check_fresh(k.app().session(), fresh);
    }
    SUBCASE("reset_session") {
        dirty_everything(k);
        k.app().reset_session("test");
        check_fresh(k.app().session(), fresh);
        k.k->settle();  // drawn: the home screen at the top
        check_fresh(k.app().session(), fresh);
    }
}
