#include <doctest/doctest.h>

#include <set>

#include "core/guide/guide.h"
#include "kiosk_fixture.h"

using namespace ww;

TEST_CASE("a tap on a home tile opens its screen") {
    Kiosk k;
    CHECK(k.place().id == "home");
    k.tap("##tile-vormen");
    CHECK(k.place() == Place{PlaceKind::Screen, "vormen"});
    CHECK_FALSE(k.visible("##tile-vormen"));
}

TEST_CASE("every place renders at every size without an ImGui assert") {
    for (auto [w, h] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {1280.f, 800.f}}) {
        Kiosk k(w, h);
        for (auto& p : k.app().all_places()) {
            for (auto* lang : {"nl", "en"}) {
                k.app().apply({Action::SetLang, lang});
                k.app().show(p);
                k.k->settle();
                CHECK(k.place() == p);
                CHECK(k.visible("##home"));
            }
        }
    }
}

TEST_CASE(
    "every path through the guide, tapped, reaches its result; Back returns to the last question") {
    Kiosk k(1920, 1080);
    const Guide& g = k.app().content()->guide;
    const auto paths = all_paths(g);
    REQUIRE(paths.size() > 50);
    for (auto& p : paths) {
        CAPTURE(p.result);
        k.tap("##home");
        k.tap("##tile-guide");
        for (auto& [q, v] : p.steps) {
            CHECK(k.place() == Place{PlaceKind::Question, q});
            k.reveal("##answer-" + v);
            k.tap("##answer-" + v);
        }
        CHECK(k.place() == Place{PlaceKind::Result, p.result});
        k.tap("##back");
        CHECK(k.place() == Place{PlaceKind::Question, p.steps.back().first});
    }
}

TEST_CASE("Back and Home work from every screen, and no screen is a dead end") {
    Kiosk k;
    for (auto& p : k.app().all_places()) {
        if (p.kind == PlaceKind::Screen && p.id == "home") continue;
        k.app().show(p);
        k.k->settle();
        const size_t depth = k.app().session().history.size();
        k.tap("##back");
        CHECK(k.app().session().history.size() == depth - 1);
        k.app().show(p);
        k.k->settle();
        k.tap("##home");
        CHECK(k.place().id == "home");
        CHECK(k.app().session().history.size() == 1);
    }
}

TEST_CASE("every screen is within three taps of home") {
    Kiosk k;
    std::set<std::string> seen = {"home"};
    std::vector<std::string> frontier = {"home"};
    for (int taps = 1; taps <= 3; ++taps) {
        std::vector<std::string> next;
        for (auto& id : frontier) {
            for (auto& b : k.app().content()->screen(id)->blocks) {
                std::vector<std::string> targets;
                if (auto k = std::get_if<Links>(&b)) targets = k->screens;
                if (auto k = std::get_if<Card>(&b); k && !k->link.empty())
                    targets.push_back(k->link);
                if (auto k = std::get_if<Tiles>(&b))
                    for (auto& t : k->tiles) targets.push_back(t.screen);
                for (auto& t : targets)
                    if (k.app().content()->screen(t) && seen.insert(t).second) next.push_back(t);
            }
        }
        frontier = next;
    }
    for (auto& s : k.app().content()->screens)
        CHECK_MESSAGE(seen.count(s.id), s.id << " is more than 3 taps away");
}

TEST_CASE("a drag that starts on a button scrolls and does not click; a quick tap clicks once") {
    Kiosk k(1280, 800);
    k.tap("##tile-vormen");
    REQUIRE(k.place().id == "vormen");
    float x, y;
    REQUIRE(k.k->find("##card-optie-1", x, y));
    const size_t depth = k.app().session().history.size();
    k.k->drag(x, y, 0, -250, 8);
    CHECK(k.place().id == "vormen");  // no click
    CHECK(k.app().session().history.size() == depth);
    CHECK(k.app().session().scroll.at("screen:vormen") > 100);  // it scrolled
    // Inertia has stopped: another frame does not move it.
    const float at = k.app().session().scroll.at("screen:vormen");
    k.k->step();
    CHECK(k.app().session().scroll.at("screen:vormen") == at);
    // Back up (the flick may have carried every card away); a quick tap on a card opens it, once.
    k.k->drag(640, 300, 0, 400, 8);
    std::string card;
    for (auto* id : {"optie-1", "optie-2", "optie-3", "optie-4"})
        if (card.empty() && k.visible(std::string("##card-") + id)) card = id;
    REQUIRE(!card.empty());
    k.tap("##card-" + card);
    CHECK(k.place().id == card);
    CHECK(k.app().session().history.size() == depth + 1);
}

TEST_CASE("every place keeps its own scroll: a new place starts at the top, Back returns there") {
    // All places share one scrolling child window (app_frame.cpp); the session holds each
    // place's scroll, and a short place in between must not clip the long one's on return.
    Kiosk k(1280, 800);
    k.app().apply({Action::Open, "jobcoach-vinden"});
    k.k->settle();
    k.k->drag(640, 600, 0, -300, 8);
    k.k->settle(120);
    const float at = k.app().session().scroll.at("screen:jobcoach-vinden");
    REQUIRE(at > 250);
    k.app().apply({Action::Open, "vormen"});
    k.k->settle();
    CHECK(k.app().session().scroll.count("screen:vormen") == 0);  // at the top
    k.app().apply({Action::Back});
    k.k->settle();
    CHECK(k.place().id == "jobcoach-vinden");
    CHECK(k.app().session().scroll.at("screen:jobcoach-vinden") == doctest::Approx(at));
}

TEST_CASE(
    "idle: warning, reset, attract; the first touch starts a fresh session and is not a click") {
    Kiosk k(1920, 1080, {"session.idle_timeout=10", "session.warning_seconds=20"});
    k.tap("##tile-vormen");
    k.app().apply({Action::SetTextSize, "large"});
    k.app().apply({Action::SetLang, "en"});
    k.k->step(9.0);
    CHECK(k.app().phase() == Phase::Active);
    k.k->step(1.5);
    CHECK(k.app().phase() == Phase::Warning);
    k.k->settle();
    k.tap("##continue");
    CHECK(k.app().phase() == Phase::Active);
    CHECK(k.place().id == "vormen");  // continuing keeps the visitor's place
    k.k->step(10.5);
    CHECK(k.app().phase() == Phase::Warning);
    k.k->step(20.5);
    CHECK(k.app().phase() == Phase::Attract);
    CHECK(k.place().id == "home");
    CHECK(k.app().session().lang == "nl");
    CHECK(k.app().session().text_size == TextSize::Normal);
    // A touch where the guide tile would be: wakes the kiosk, opens nothing.
    k.k->tap(400, 500);
    CHECK(k.app().phase() == Phase::Active);
    CHECK(k.place().id == "home");
    CHECK(k.app().sessions_started() == 2);
}

TEST_CASE("accessibility and language choices apply at once") {
    Kiosk k;
    k.tap("##access");
    CHECK(k.app().session().access_panel);
    k.tap("##theme-high");
    CHECK(k.app().session().theme == Theme::HighContrast);
    k.tap("##size-larger");
    CHECK(k.app().session().text_size == TextSize::Larger);
    k.tap("##close-access");
    CHECK_FALSE(k.app().session().access_panel);
    k.tap("##language");
    k.tap("##lang-en");
    CHECK(k.app().session().lang == "en");
}

TEST_CASE("broken content at start: out of order; a broken reload keeps the last good content") {
    ContentLoad broken = load_content("/nonexistent", "/nonexistent");
    REQUIRE_FALSE(broken.ok());
    ConfigLoad cfg = load_config("kiosk-config/default.toml", {});
    HeadlessKiosk bad(cfg.config, broken, find_fonts("Noto Sans", "Noto Sans:bold"));
    bad.settle();
    CHECK(bad.app().out_of_order());
    bad.tap(500, 500);  // does nothing, crashes nothing

    Kiosk k;
    k.tap("##tile-vormen");
    k.app().set_content(load_content("/nonexistent", "/nonexistent"));
    k.k->settle();
    CHECK_FALSE(k.app().out_of_order());
    CHECK(k.place().id == "vormen");  // the visitor carries on
    CHECK_FALSE(k.app().content_problems().empty());
}
