// Without sight, the core part: the focus order and its wrap-around, the kinds of item, what
// speech mode says (help, item, volume) from layouts/ words, when it says it (ReadAloud with a
// fake voice), a finger held still and a double tap on a fake clock.
#include <doctest/doctest.h>

#include <ostream>  // doctest prints a failed REQUIRE(shared_ptr)
#include <string>
#include <vector>

#include "../support/shipped_content.h"
#include "core/access/focus.h"
#include "core/access/read_aloud.h"
#include "core/access/speech.h"
#include "core/touch/touch.h"

using namespace ww;

namespace {

FocusTarget at(const char* id, float x, float y) {
    return {id, id, role_of(id), x, y, x + 100, y + 50, y};
}

std::vector<std::string> ids(const Focus& f) {
    std::vector<std::string> out;
    for (auto& t : f.items()) out.push_back(t.id);
    return out;
}

struct FakeVoice : Voice {
    std::vector<std::string> said;
    std::vector<int> volumes;
    int stops = 0;
    void say(const std::string& text, const std::string&, int volume) override {
        said.push_back(text);
        volumes.push_back(volume);
    }
    void stop() override { ++stops; }
};

}  // namespace

TEST_CASE("focus: visual order (y, then x), wraps both ways, resets on another place") {
    Focus f;
    f.update("screen:home",
             {at("##c", 300, 200), at("##b", 10, 200.4f), at("##a", 500, 10), at("##d", 0, 400)});
    CHECK(ids(f) == std::vector<std::string>{"##a", "##b", "##c", "##d"});
    CHECK(f.focused() == nullptr);
    REQUIRE(f.next());
    CHECK(f.focused()->id == "##a");
    f.next();
    f.next();
    f.next();
    CHECK(f.focused()->id == "##d");
    f.next();
    CHECK(f.focused()->id == "##a");  // wraps
    f.prev();
    CHECK(f.focused()->id == "##d");  // and back
    // The same place drawn again, scrolled: the focused item stays focused.
    f.update("screen:home", {at("##d", 0, 100), at("##a", 500, 300)});
    REQUIRE(f.focused());
    CHECK(f.focused()->id == "##d");
    // Another place (or a panel over it): nothing focused; previous starts at the last item.
    f.update("screen:vormen", {at("##a", 0, 0), at("##b", 0, 100)});
    CHECK(f.focused() == nullptr);
    f.prev();
    CHECK(f.focused()->id == "##b");
    // A scrolled page under the header: its items keep their page order, after the header.
    f.update("screen:x", {{"##p2", "p2", Role::Link, 0, 900, 100, 950, 150},
                          {"##home", "Home", Role::Button, 0, 10, 100, 60, 10},
                          {"##p1", "p1", Role::Link, 0, 160, 100, 210, 150}});
    CHECK(ids(f) == std::vector<std::string>{"##home", "##p1", "##p2"});
    Focus empty;
    CHECK_FALSE(empty.next());
    CHECK_FALSE(empty.prev());
}

TEST_CASE("focus: the kind of an item from its id, and its word in layouts/") {
    CHECK(role_of("##home") == Role::Button);
    CHECK(role_of("##tile-guide") == Role::Link);
    CHECK(role_of("##link-vormen") == Role::Link);
    CHECK(role_of("##card-optie-1") == Role::Link);
    CHECK(role_of("##answer-wajong") == Role::Answer);
    CHECK(role_of("##question") == Role::Question);
    const Content& c = shipped();
    for (Role r : {Role::Button, Role::Link, Role::Question, Role::Answer})
        for (auto& lang : c.languages) CHECK_FALSE(c.word(role_word(r), lang).empty());
    CHECK(spoken_item(c, "Terug", "role_button", "nl") == "Terug, knop.");
    CHECK(spoken_item(c, "Back", "role_button", "en") == "Back, button.");
    CHECK(spoken_item(c, "Text size: Large", "role_button", "en", true) ==
          "Text size: Large, button, selected.");
    CHECK(spoken_volume(c, "en", 70) == "Volume 70 percent.");
}

TEST_CASE("speech mode: the intro says where, what and how to get help; focus, help, volume") {
    const Content& c = shipped();
    FakeVoice v;
    ReadAloud ra(v);
    SessionDefaults d;
    d.speech_volume = 60;
    Session s = fresh_session(d);
    s.lang = "en";
    ra.item_focused(s, &c, "Home", Role::Button);  // not in speech mode: quiet
    CHECK(v.said.empty());
    REQUIRE(ra.start_mode(s, &c));
    CHECK(s.speech);
    CHECK(s.speech_mode);
    REQUIRE(v.said.size() == 1);
    CHECK(v.said[0].find(c.word("speech_on", "en")) == 0);
    CHECK(v.said[0].find(c.screen("home")->title.in("en")) != std::string::npos);  // where
    CHECK(v.said[0].find("F1") != std::string::npos);                              // help
    CHECK_FALSE(ra.start_mode(s, &c));  // already on: nothing new
    CHECK(v.said.size() == 1);
    ra.item_focused(s, &c, "Home", Role::Button);
    CHECK(v.said.back() == "Home, button.");
    ra.help(s, &c);
    CHECK(v.said.back() == spoken_help(c, s.current(), "en"));
    s.speech_volume = 70;
    ra.volume_changed(s, &c);
    CHECK(v.said.back() == "Volume 70 percent.");
    CHECK(v.volumes.back() == 70);
    ra.repeat(s, &c);
    CHECK(v.said.back() == spoken_text(c, s.current(), "en"));
    ra.reset(s);
    CHECK_FALSE(s.speech_mode);
    CHECK_FALSE(s.speech);
}

TEST_CASE("touch: a finger held still is a hold; a drag is not; a double tap is on one item") {
    TouchInput t(24);
    t.press(100, 100, 10.0);
    t.move(105, 102, 11.0);  // a tremble is still "still"
    CHECK_FALSE(t.held(12.9, 3.0));
    CHECK(t.held(13.0, 3.0));
    t.release(105, 102, 13.1);
    CHECK_FALSE(t.held(14.0, 3.0));
    t.press(100, 100, 20.0);
    t.move(100, 200, 20.5);  // a drag
    CHECK_FALSE(t.held(24.0, 3.0));

    DoubleTap dt(0.6);
    CHECK_FALSE(dt.tap("##home", 1.0));
    CHECK(dt.tap("##home", 1.5));
    CHECK_FALSE(dt.tap("##home", 1.7));  // a third tap starts afresh
    CHECK_FALSE(dt.tap("##back", 1.9));  // another item
    CHECK_FALSE(dt.tap("##back", 2.6));  // too late
    CHECK_FALSE(dt.tap("", 2.7));
    CHECK_FALSE(dt.tap("", 2.8));  // nothing under the finger never chooses
}

TEST_CASE("key bounce (EN 301 549 5.8): the same key again within the window is no press") {
    KeyBounce off;
    CHECK(off.accept(1, 0.0));
    CHECK(off.accept(1, 0.0));  // 0 = every press counts
    KeyBounce b(0.5);
    CHECK(b.accept(1, 10.0));
    CHECK_FALSE(b.accept(1, 10.3));  // a bounce
    CHECK(b.accept(2, 10.35));       // another key is never one
    CHECK(b.accept(1, 10.4));
    CHECK(b.accept(1, 10.95));  // the window has passed
}
