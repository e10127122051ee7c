// What make bench asks of the app: the input time behind each newly shown place (tap latency,
// --log-latency) and the tour of every place in every text size (--tour).
#include <doctest/doctest.h>

#include <set>

#include "kiosk_fixture.h"
#include "ui/tour.h"

using namespace ww;

TEST_CASE("tap latency: the frame that draws a new place gives back the input that asked for it") {
    Kiosk k;
    float x = 0, y = 0;
    REQUIRE(k.k->find("##tile-guide", x, y));
    const double t0 = k.k->now();
    k.app().press(x, y, t0);
    k.k->step();
    k.app().release(x, y, t0 + 0.02);
    CHECK_FALSE(k.app().place_due());
    k.k->step();  // sees the click: the new place is asked for, not drawn yet
    CHECK(k.app().place_due());
    CHECK_FALSE(k.app().take_shown_input());
    k.k->step();  // draws it
    CHECK_FALSE(k.app().place_due());
    CHECK(k.place().key() == "question:rol");
    const std::optional<double> input = k.app().take_shown_input();
    REQUIRE(input);
    CHECK(*input == doctest::Approx(t0 + 0.02));
    CHECK_FALSE(k.app().take_shown_input());  // once per place
    k.k->settle();
    CHECK_FALSE(k.app().take_shown_input());  // settling frames show no new place
}

TEST_CASE("tap latency: a tap that changes nothing, and a key that goes home") {
    Kiosk k;
    k.k->tap(5, 1070);  // the empty bottom-left corner
    CHECK(k.place().key() == "screen:home");
    CHECK_FALSE(k.app().take_shown_input());

    k.tap("##tile-guide");
    CHECK(k.app().take_shown_input());
    k.app().nav_key(NavKey::Next, k.k->now());  // the first key only starts speech mode
    k.k->settle();
    CHECK_FALSE(k.app().take_shown_input());
    const double t = k.k->now() + 0.5;
    k.app().nav_key(NavKey::Home, t);
    k.k->settle();
    CHECK(k.place().key() == "screen:home");
    const std::optional<double> input = k.app().take_shown_input();
    REQUIRE(input);
    CHECK(*input == doctest::Approx(t));
}

TEST_CASE("tour: every place once in every text size, then a fresh session on home") {
    Kiosk k;
    Tour tour(k.app());
    const size_t places = k.app().all_places().size();
    REQUIRE(places > 30);
    CHECK(tour.steps() == places * 3);
    std::set<std::pair<int, std::string>> seen;
    std::set<float> body_sizes;
    for (size_t i = 0; i < tour.steps(); ++i) {
        REQUIRE(tour.next(k.app()));
        k.k->step();  // the frame draws the place, the fonts follow its text size
        seen.insert({static_cast<int>(k.app().session().text_size), k.place().key()});
        CHECK(k.k->fonts().size == k.app().session().text_size);
        body_sizes.insert(k.k->fonts().body_px);
    }
    CHECK(seen.size() == places * 3);
    CHECK(body_sizes.size() == 3);
    CHECK_FALSE(tour.next(k.app()));
    k.k->settle();
    CHECK(k.place().key() == "screen:home");
    CHECK(k.app().session().text_size == TextSize::Normal);
    CHECK(k.app().session().history.size() == 1);
}
