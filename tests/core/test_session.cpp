#include <doctest/doctest.h>

#include "core/session/session.h"
#include "core/touch/touch.h"

using namespace ww;

namespace {
Guide two_questions() {
    Guide g;
    g.start = "q1";
    auto answer = [](const char* value, const char* next) {
        Answer a;
        a.value = value;
        a.next = next;
        return a;
    };
    auto question = [](const char* id, std::vector<Answer> answers) {
        Question q;
        q.id = id;
        q.answers = std::move(answers);
        return q;
    };
    g.questions.push_back(question("q1", {answer("a", "q2"), answer("b", "q2")}));
    g.questions.push_back(question("q2", {answer("x", ""), answer("y", "")}));
    g.rules.push_back({{{"q1", {"a"}}}, "ra", {}});
    g.rules.push_back({{}, "rb", {}});
    for (const char* id : {"ra", "rb"}) {
        GuideResult r;
        r.id = id;
        g.results.push_back(r);
    }
    return g;
}
}  // namespace

TEST_CASE("navigation: open, back, home") {
    Session s = fresh_session({});
    CHECK(s.current().id == "home");
    open_screen(s, "vormen");
    open_screen(s, "optie-1");
    CHECK(s.history.size() == 3);
    go_back(s);
    CHECK(s.current().id == "vormen");
    go_home(s, "home");
    CHECK(s.history.size() == 1);
    go_back(s);  // nothing behind home
    CHECK(s.current().id == "home");
}

TEST_CASE("guide: answers lead to a result; Back from a result returns to the last question") {
    const Guide g = two_questions();
    Session s = fresh_session({});
    start_guide(s, g);
    CHECK(s.current() == Place{PlaceKind::Question, "q1"});
    CHECK(question_progress(s, g) == std::pair<int, int>{1, 2});
    CHECK(answer(s, g, "a"));
    CHECK(s.current() == Place{PlaceKind::Question, "q2"});
    CHECK_FALSE(answer(s, g, "nonsense"));
    CHECK(answer(s, g, "y"));
    CHECK(s.current() == Place{PlaceKind::Result, "ra"});
    go_back(s);
    CHECK(s.current() == Place{PlaceKind::Question, "q2"});
    CHECK(s.answers.count("q2") == 0);  // asked again
    CHECK(s.answers.at("q1") == "a");
    go_back(s);
    go_back(s);
    CHECK(s.current().id == "home");
    CHECK(s.answers.empty());
}

// What a reset leaves (nothing of the visitor) is tested through the running app in
// tests/ui/test_reset.cpp; here only that a fresh session is made of the profile's defaults.
TEST_CASE("fresh_session takes the profile's defaults and nothing else") {
    SessionDefaults d;
    d.home = "start";
    d.lang = "en";
    d.text_size = TextSize::Larger;
    d.theme = Theme::HighContrast;
    d.speech_volume = 35;
    const Session s = fresh_session(d);
    CHECK(s.history == std::vector<Place>{{PlaceKind::Screen, "start"}});
    CHECK(s.answers.empty());
    CHECK(s.scroll.empty());
    CHECK(s.lang == "en");
    CHECK(s.text_size == TextSize::Larger);
    CHECK(s.theme == Theme::HighContrast);
    CHECK_FALSE(s.speech);
    CHECK(s.speech_volume == 35);
    CHECK_FALSE(s.reach_mode);
    CHECK_FALSE(s.access_panel);
    CHECK_FALSE(s.language_panel);
    CHECK(s.taps == 0);
}

TEST_CASE("touch: a tap shorter than a frame is a press then a release at the same spot") {
    TouchInput t(20, 4);
    t.press(100, 200, 0.0);
    t.release(100, 200, 0.001);
    PointerFrame f1 = t.frame(0.016);
    CHECK(f1.down);
    CHECK(f1.x == 100);
    PointerFrame f2 = t.frame(0.032);
    CHECK_FALSE(f2.down);
    CHECK(f2.x == 100);
    PointerFrame f3 = t.frame(0.048);
    CHECK(f3.x < -1000);  // then the pointer leaves: no hover
    CHECK_FALSE(t.frame(0.064).busy);
}

TEST_CASE("touch: a drag leaves the button, scrolls with the finger and flicks with inertia") {
    TouchInput t(20, 4);
    t.press(100, 500, 0.0);
    CHECK(t.frame(0.016).down);
    t.move(100, 490, 0.02);  // within the threshold: still a press
    CHECK_FALSE(t.dragging());
    t.move(100, 450, 0.03);
    CHECK(t.dragging());
    PointerFrame f = t.frame(0.032);
    CHECK(f.x < -1000);  // ImGui sees the pointer leave: the button will not fire
    CHECK(f.scroll_dy == doctest::Approx(50));
    t.move(100, 350, 0.04);
    CHECK(t.frame(0.048).scroll_dy == doctest::Approx(100));
    t.release(100, 350, 0.045);
    float total = 0;
    double now = 0.048;
    int frames = 0;
    for (; frames < 1000; ++frames) {
        now += 1.0 / 60;
        PointerFrame g = t.frame(now);
        total += g.scroll_dy;
        if (!g.busy) break;
    }
    CHECK(total > 100);   // the flick carried on
    CHECK(frames < 600);  // and stopped by itself within ten seconds
}

TEST_CASE("walk_to reaches every place of the shipped content with a history for Back") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    for (auto& p : all_places(c)) {
        CAPTURE(p.key());
        Session s = fresh_session({});
        CHECK(walk_to(s, c, p));
        CHECK(s.current() == p);
        if (!(p == Place{PlaceKind::Screen, c.home})) CHECK(s.history.size() >= 2);
    }
    Session s = fresh_session({});
    CHECK_FALSE(walk_to(s, c, {PlaceKind::Result, "no-such-result"}));
    CHECK(s.history.size() == 1);
}
