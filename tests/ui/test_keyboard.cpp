// Without sight (EN 301 549 5.1.3, 5.1.6), through the headless kiosk: keyboard-only walks to
// every screen and along every guide path, the focus order, the spoken labels, speech mode and
// when it is quiet, a finger held still, speech-mode taps, the volume and its reset.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "../support/capture_stderr.h"
#include "core/access/speech.h"
#include "core/admin/admin.h"
#include "core/guide/guide.h"
#include "fake_speaker.h"
#include "kiosk_fixture.h"
#include "platform/window/window_input.h"

using namespace ww;

namespace {

void press(Kiosk& k, NavKey key) {
    k.app().nav_key(key, k.k->now());
    k.k->settle();
}

// Tab until `id` has the focus; fails when a whole round does not find it.
void tab_to(Kiosk& k, const std::string& id) {
    const size_t n = k.app().focus().items().size();
    for (size_t i = 0; i <= n; ++i) {
        press(k, NavKey::Next);
        if (auto f = k.app().focus().focused(); f && f->id == id) return;
    }
    FAIL("Tab never reaches " << id << " on " << k.place().key());
}

// A kiosk in speech mode on home (the first key starts it).
void speech_mode(Kiosk& k) {
    press(k, NavKey::Next);
    REQUIRE(k.app().session().speech_mode);
}

}  // namespace

TEST_CASE("keyboard: every screen is reachable from home with Tab and Enter only") {
    Kiosk k;
    speech_mode(k);
    // Breadth first; a place is reached again by replaying its key path from Home.
    std::map<std::string, std::vector<int>> path = {{"screen:home", {}}};
    std::vector<std::string> frontier = {"screen:home"};
    auto go = [&](const std::vector<int>& tabs) {
        press(k, NavKey::Home);
        for (int t : tabs) {
            for (int i = 0; i <= t; ++i) press(k, NavKey::Next);
            press(k, NavKey::Activate);
        }
    };
    while (!frontier.empty()) {
        std::vector<std::string> next;
        for (auto& key : frontier) {
            go(path[key]);
            REQUIRE(k.place().key() == key);
            const size_t n = k.app().focus().items().size();
            for (size_t i = 0; i < n; ++i) {
                go(path[key]);
                for (size_t t = 0; t <= i; ++t) press(k, NavKey::Next);
                const std::string id = k.app().focus().focused()->id;
                if (role_of(id) != Role::Link) continue;  // header buttons, answers: elsewhere
                press(k, NavKey::Activate);
                const std::string now_at = k.place().key();
                CHECK_MESSAGE(now_at != key, id << " on " << key << " went nowhere");
                if (!path.count(now_at)) {
                    path[now_at] = path[key];
                    path[now_at].push_back(static_cast<int>(i));
                    next.push_back(now_at);
                }
            }
        }
        frontier = next;
    }
    for (auto& s : k.app().content()->screens)
        CHECK_MESSAGE(path.count("screen:" + s.id), "not reached by keys: " << s.id);
    MESSAGE(path.size() << " places reached with Tab and Enter");
}

TEST_CASE("keyboard: every guide path reaches the same result as tapping") {
    Kiosk k;
    speech_mode(k);
    const auto paths = all_paths(k.app().content()->guide);
    REQUIRE(paths.size() > 50);
    for (auto& p : paths) {
        CAPTURE(p.result);
        press(k, NavKey::Home);
        tab_to(k, "##tile-guide");
        press(k, NavKey::Activate);
        for (auto& [q, v] : p.steps) {
            REQUIRE(k.place() == Place{PlaceKind::Question, q});
            tab_to(k, "##answer-" + v);
            press(k, NavKey::Activate);
        }
        CHECK(k.place() == Place{PlaceKind::Result, p.result});
        press(k, NavKey::Back);  // Backspace: the last question again
        CHECK(k.place() == Place{PlaceKind::Question, p.steps.back().first});
    }
}

TEST_CASE(
    "keyboard: on every place the focus follows the visual order, every item has a label, "
    "no two share one") {
    for (auto [w, h] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}}) {
        Kiosk k(w, h);
        speech_mode(k);
        for (auto& p : k.app().all_places()) {
            for (const char* lang : {"nl", "en"}) {
                k.app().apply({Action::SetLang, lang});
                k.app().show(p);  // a fresh session there: speech mode again
                k.k->settle();
                speech_mode(k);
                CAPTURE(p.key());
                CAPTURE(lang);
                const auto items = k.app().focus().items();  // as drawn, sorted
                REQUIRE(items.size() >= 3);                  // at least Home, Language, Access
                std::set<std::string> labels;
                for (size_t i = 0; i < items.size(); ++i) {
                    CHECK_MESSAGE(!items[i].label.empty(), items[i].id << " has no label");
                    CHECK_MESSAGE(labels.insert(items[i].label).second,
                                  "two items say '" << items[i].label << "'");
                    if (i > 0) {  // region (header, page), then y, then x
                        const FocusTarget &a = items[i - 1], &b = items[i];
                        const float ra = std::round(a.region), rb = std::round(b.region);
                        const float ya = std::round(a.y0), yb = std::round(b.y0);
                        CHECK((ra < rb || (ra == rb && (ya < yb || (ya == yb && a.x0 <= b.x0)))));
                    }
                }
                // Every tappable item on screen can take the focus.
                for (auto& [id, r] : k.k->items()) {
                    bool found = false;
                    for (auto& f : items) found = found || f.id == id;
                    CHECK_MESSAGE(found, id << " is not focusable");
                }
                // Tab visits them in that order, and wraps.
                for (size_t i = 0; i < items.size() + 1; ++i) {
                    k.app().nav_key(NavKey::Next, k.k->now());
                    k.k->step();
                    REQUIRE(k.app().focus().focused());
                    CHECK(k.app().focus().focused()->id == items[i % items.size()].id);
                    k.k->settle();  // scrolled into view
                    CHECK_MESSAGE(k.visible(items[i % items.size()].id),
                                  items[i % items.size()].id << " focused out of sight");
                }
            }
        }
    }
}

TEST_CASE(
    "speech mode: the first key starts it and says where, what and help; focus speaks "
    "label and kind; Enter chooses; any input silences it") {
    CaptureStderr log;
    Kiosk k;
    k.app().set_log_visits(true);  // the speech_mode and focus lines
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    const Content& c = *k.app().content();
    press(k, NavKey::Next);  // the first key only starts speech mode
    REQUIRE(k.app().session().speech_mode);
    CHECK(k.app().focus().focused() == nullptr);
    REQUIRE(sp.said.size() == 1);
    CHECK(sp.said[0] == spoken_intro(c, k.place(), "nl"));
    CHECK(log.text().find("event=speech_mode state=on") != std::string::npos);
    press(k, NavKey::Next);
    REQUIRE(k.app().focus().focused());
    CHECK(sp.said.back() == spoken_item(c, k.app().focus().focused()->label,
                                        role_word(k.app().focus().focused()->role), "nl"));
    CHECK(log.text().find("event=focus item=" + k.app().focus().focused()->id.substr(2)) !=
          std::string::npos);
    tab_to(k, "##tile-vormen");
    CHECK(sp.said.back().find(", " + c.word("role_link", "nl")) != std::string::npos);
    const int stops = sp.stops;
    press(k, NavKey::Activate);
    CHECK(sp.stops > stops);  // the key silenced what was said
    CHECK(k.place() == Place{PlaceKind::Screen, "vormen"});
    CHECK(sp.said.back() == spoken_text(c, k.place(), "nl"));  // the new place, title and all
    CHECK(k.app().focus().focused() == nullptr);               // a new place: focus reset
    // Help (F1, "?") and repeat.
    press(k, NavKey::Help);
    CHECK(sp.said.back() == spoken_help(c, k.place(), "nl"));
    press(k, NavKey::Repeat);
    CHECK(sp.said.back() == spoken_text(c, k.place(), "nl"));
    // A tap silences it too.
    const int before_tap = sp.stops;
    k.k->tap(5, 500);
    CHECK(sp.stops > before_tap);
    press(k, NavKey::Home);
    CHECK(k.place().id == "home");
    // The Stop reading button ends speech mode.
    k.app().apply({Action::StopReading});
    CHECK_FALSE(k.app().session().speech_mode);
    CHECK(log.text().find("event=speech_mode state=off") != std::string::npos);
}

TEST_CASE(
    "speech mode: the idle warning is spoken, a key continues; the reset turns it off and "
    "the attract loop stays silent") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {"session.idle_timeout=10", "session.warning_seconds=20"});
    k.app().set_log_visits(true);  // the speech_mode and focus lines
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    const Content& c = *k.app().content();
    speech_mode(k);
    press(k, NavKey::VolumeUp);
    const int profile = k.app().config().accessibility.speech_volume;
    CHECK(k.app().session().speech_volume == std::min(100, profile + 10));
    sp.talking = false;
    k.k->step(10.5);
    REQUIRE(k.app().phase() == Phase::Warning);
    CHECK(sp.said.back() == spoken_warning(c, "nl", 20));
    press(k, NavKey::Next);  // any key extends the session
    CHECK(k.app().phase() == Phase::Active);
    CHECK(k.app().session().speech_mode);
    sp.talking = false;
    k.k->step(10.5);
    k.k->step(21);
    REQUIRE(k.app().phase() == Phase::Attract);
    CHECK_FALSE(k.app().session().speech_mode);
    CHECK(k.app().session().speech_volume == profile);  // the profile's volume again
    CHECK(log.text().find("event=speech_mode state=off") != std::string::npos);
    const size_t said = sp.said.size();
    for (int i = 0; i < 5; ++i) k.k->step(2);
    k.app().nav_key(NavKey::Next, k.k->now());  // wakes the kiosk, says nothing
    k.k->settle();
    CHECK(k.app().phase() == Phase::Active);
    CHECK(sp.said.size() == said);
    CHECK_FALSE(k.app().session().speech_mode);
}

TEST_CASE(
    "volume: + and - in steps of 10 with the new level spoken, 10..100; the volume "
    "buttons take the focus in speech mode; a reset restores the profile's level") {
    Kiosk k(1920, 1080, {"accessibility.speech_volume=60"});
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    const Content& c = *k.app().content();
    speech_mode(k);
    press(k, NavKey::VolumeUp);
    CHECK(k.app().session().speech_volume == 70);
    CHECK(sp.said.back() == spoken_volume(c, "nl", 70));
    CHECK(sp.volumes.back() == 70);
    for (int i = 0; i < 10; ++i) press(k, NavKey::VolumeDown);
    CHECK(k.app().session().speech_volume == 10);  // never silent
    for (int i = 0; i < 12; ++i) press(k, NavKey::VolumeUp);
    CHECK(k.app().session().speech_volume == 100);
    for (int i = 0; i < 3; ++i) press(k, NavKey::VolumeDown);
    tab_to(k, "##volume-up");  // the spoken volume control
    CHECK(sp.said.back() == spoken_item(c, c.word("volume_up", "nl"), "role_button", "nl"));
    press(k, NavKey::Activate);
    CHECK(k.app().session().speech_volume == 80);
    CHECK(sp.said.back() == spoken_volume(c, "nl", 80));
    tab_to(k, "##volume-down");
    press(k, NavKey::Activate);
    CHECK(k.app().session().speech_volume == 70);
    k.app().reset_session("test");
    k.k->settle();
    CHECK(k.app().session().speech_volume == 60);
}

TEST_CASE(
    "touch without sight: a finger held still 3 s starts speech mode (no click); then one "
    "tap speaks the item and focuses it, a second tap chooses it") {
    CaptureStderr log;
    Kiosk k;
    k.app().set_log_visits(true);  // the speech_mode and focus lines
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    const Content& c = *k.app().content();
    float x = 0, y = 0;
    REQUIRE(k.k->find("##tile-vormen", x, y));
    k.app().press(x, y, k.k->now());
    for (int i = 0; i < 2.9 * 60; ++i) k.k->step();
    CHECK_FALSE(k.app().session().speech_mode);  // not yet
    for (int i = 0; i < 0.2 * 60; ++i) k.k->step();
    REQUIRE(k.app().session().speech_mode);
    CHECK(log.text().find("event=speech_mode state=on by=hold") != std::string::npos);
    CHECK(sp.said.back() == spoken_intro(c, k.place(), "nl"));
    k.app().release(x, y, k.k->now());
    k.k->settle();
    CHECK(k.place().id == "home");  // the hold was no click
    // One tap: heard and focused, not chosen.
    k.k->tap(x, y);
    CHECK(k.place().id == "home");
    REQUIRE(k.app().focus().focused());
    CHECK(k.app().focus().focused()->id == "##tile-vormen");
    CHECK(sp.said.back() == spoken_item(c, k.app().focus().focused()->label, "role_link", "nl"));
    // A second tap soon after: chosen.
    k.k->tap(x, y);
    CHECK(k.place() == Place{PlaceKind::Screen, "vormen"});
    // Holding still again in speech mode: the help.
    k.app().press(900, 700, k.k->now());
    for (int i = 0; i < 3.1 * 60; ++i) k.k->step();
    CHECK(sp.said.back() == spoken_help(c, k.place(), "nl"));
    k.app().release(900, 700, k.k->now());
    k.k->settle();
}

TEST_CASE("speech mode never speaks the PIN: the open pad takes the keys, nothing is said") {
    const std::string pin = "24681357";
    Kiosk k(1920, 1080, {"admin.pin_hash=\"" + hash_pin(pin) + "\""});
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    speech_mode(k);
    for (int i = 0; i < 5; ++i) {  // the corner gesture
        k.k->tap(10, 10);
        k.k->step(0.2);
    }
    REQUIRE(k.app().admin_visible());
    const size_t said = sp.said.size();
    CHECK_FALSE(k.app().nav_key(NavKey::Next, k.k->now()));  // the pad's, not the visitor's
    for (char ch : pin) k.app().key(ch, k.k->now());
    k.k->settle();
    CHECK(sp.said.size() == said);
    for (auto& s : sp.said) CHECK(s.find(pin) == std::string::npos);
}

TEST_CASE(
    "panels: only the open panel takes the focus, its choices sound different, Backspace "
    "closes it; a question can be focused and heard again") {
    Kiosk k;
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    const Content& c = *k.app().content();
    speech_mode(k);
    tab_to(k, "##access");
    press(k, NavKey::Activate);
    REQUIRE(k.app().session().access_panel);
    std::set<std::string> labels;
    for (auto& f : k.app().focus().items()) {
        CHECK_MESSAGE(f.id != "##home", "an item under the panel takes the focus");
        CHECK_MESSAGE(labels.insert(f.label).second, "two items say '" << f.label << "'");
    }
    // The current choice says so (5.6.1): Normal is chosen, Large is not, until it is chosen.
    const auto size = [&](const char* word) {
        return c.word("text_size", "nl") + ": " + c.word(word, "nl");
    };
    tab_to(k, "##size-normal");
    CHECK(sp.said.back() == spoken_item(c, size("text_normal"), "role_button", "nl", true));
    CHECK(sp.said.back().find(c.word("state_selected", "nl")) != std::string::npos);
    tab_to(k, "##size-large");
    CHECK(sp.said.back() == spoken_item(c, size("text_large"), "role_button", "nl", false));
    press(k, NavKey::Activate);
    REQUIRE(k.app().session().access_panel);
    tab_to(k, "##size-normal");
    CHECK(sp.said.back() == spoken_item(c, size("text_normal"), "role_button", "nl", false));
    tab_to(k, "##size-large");
    CHECK(sp.said.back() == spoken_item(c, size("text_large"), "role_button", "nl", true));
    press(k, NavKey::Back);
    CHECK_FALSE(k.app().session().access_panel);
    CHECK(k.place().id == "home");
    tab_to(k, "##tile-guide");
    press(k, NavKey::Activate);
    REQUIRE(k.place().kind == PlaceKind::Question);
    tab_to(k, "##question");
    CHECK(sp.said.back() ==
          spoken_item(c, c.guide.question(k.place().id)->text.in("nl"), "role_question", "nl"));
}

TEST_CASE("accessibility.key_bounce_ms: a key that bounces moves the focus once (EN 301 549 5.8)") {
    Kiosk k(1920, 1080, {"accessibility.key_bounce_ms=500"});
    speech_mode(k);
    k.k->step(0.6);
    press(k, NavKey::Next);
    REQUIRE(k.app().focus().focused());
    const std::string first = k.app().focus().focused()->id;
    press(k, NavKey::Next);  // at once: the same key again is a bounce
    CHECK(k.app().focus().focused()->id == first);
    k.k->step(0.6);
    press(k, NavKey::Next);
    CHECK(k.app().focus().focused()->id != first);
}

TEST_CASE(
    "a numeric keypad is a visitor's keypad with Num Lock on or off; leaving keys do nothing") {
    CHECK(nav_key_of(GLFW_KEY_KP_2, 0) == NavKey::Next);
    CHECK(nav_key_of(GLFW_KEY_KP_6, 0) == NavKey::Next);
    CHECK(nav_key_of(GLFW_KEY_KP_8, 0) == NavKey::Prev);
    CHECK(nav_key_of(GLFW_KEY_KP_4, 0) == NavKey::Prev);
    CHECK(nav_key_of(GLFW_KEY_KP_5, 0) == NavKey::Activate);
    CHECK(nav_key_of(GLFW_KEY_KP_ENTER, 0) == NavKey::Activate);
    CHECK(nav_key_of(GLFW_KEY_KP_7, 0) == NavKey::Home);
    CHECK(nav_key_of(GLFW_KEY_KP_1, 0) == NavKey::Back);
    CHECK(nav_key_of(GLFW_KEY_KP_9, 0) == NavKey::Help);
    CHECK(nav_key_of(GLFW_KEY_KP_3, 0) == NavKey::Repeat);
    CHECK(nav_key_of(GLFW_KEY_TAB, GLFW_MOD_SHIFT) == NavKey::Prev);
    for (int key : {GLFW_KEY_ESCAPE, GLFW_KEY_F11, GLFW_KEY_F4, GLFW_KEY_Q, GLFW_KEY_W})
        CHECK_FALSE(nav_key_of(key, GLFW_MOD_ALT | GLFW_MOD_CONTROL).has_value());
}
