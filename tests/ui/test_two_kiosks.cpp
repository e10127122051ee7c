// Two kiosks in one process (as the tests run them): the widgets' state is each kiosk's own
// (ui/ui_state.h), so what a visitor does on one never reaches the other.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "kiosk_fixture.h"

using namespace ww;

namespace {

void press(Kiosk& k, NavKey key) {
    k.app().nav_key(key, k.k->now());
    k.k->settle();
}

std::string focused_id(Kiosk& k) {
    const FocusTarget* f = k.app().focus().focused();
    return f ? f->id : "";
}

bool same_items(const std::map<std::string, ItemRect>& a,
                const std::map<std::string, ItemRect>& b) {
    if (a.size() != b.size()) return false;
    for (auto& [id, r] : a) {
        auto it = b.find(id);
        if (it == b.end() || it->second.x0 != r.x0 || it->second.y0 != r.y0 ||
            it->second.x1 != r.x1 || it->second.y1 != r.y1)
            return false;
    }
    return true;
}

}  // namespace

TEST_CASE("two kiosks side by side: a tap in one leaves the other's place, focus and items") {
    Kiosk one, other;
    // The other kiosk has the focus on a home tile, as a visitor with a keyboard would.
    press(other, NavKey::Next);  // the first key starts speech mode
    for (int i = 0; i < 30 && focused_id(other).rfind("##tile-", 0) != 0; ++i)
        press(other, NavKey::Next);
    const std::string other_focus = focused_id(other);
    REQUIRE(other_focus.rfind("##tile-", 0) == 0);
    const Place other_place = other.place();
    const std::map<std::string, ItemRect> other_items = other.k->items();

    // One kiosk: the same tile tapped, then (back home) chosen by key: its next frame reports
    // the tap.
    one.tap(other_focus);
    CHECK(one.place().key() != other_place.key());
    one.tap("##home");
    press(one, NavKey::Next);  // the first key starts speech mode
    for (int i = 0; i < 30 && focused_id(one) != other_focus; ++i) press(one, NavKey::Next);
    REQUIRE(focused_id(one) == other_focus);
    one.app().nav_key(NavKey::Activate, one.k->now());
    other.k->step();  // the other kiosk draws a frame first: the tap is not its own
    one.k->settle();
    CHECK(one.place().key() != other_place.key());

    CHECK(other.place().key() == other_place.key());
    CHECK(focused_id(other) == other_focus);
    CHECK(same_items(other.k->items(), other_items));
    other.k->settle();
    CHECK(other.place().key() == other_place.key());
    CHECK(same_items(other.k->items(), other_items));
}
