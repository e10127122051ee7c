// The hidden admin door through the headless kiosk: the corner gesture, the PIN pad.
#include <doctest/doctest.h>

#include "core/admin.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {

const char* const kPin = "135790";

// `admin.pin_hash=...` for a PIN made at test time (nothing is shipped).
std::string pin_hash_set() {
    static const std::string hash = hash_pin(kPin);
    REQUIRE(!hash.empty());
    return "admin.pin_hash=\"" + hash + "\"";
}

// Five taps in the top-left corner (the default gesture), 0.2 s apart.
void corner_taps(Kiosk& k, int n = 5) {
    for (int i = 0; i < n; ++i) {
        k.k->tap(10, 10);
        k.k->step(0.2);
    }
}

}  // namespace

TEST_CASE("without a PIN hash the corner gesture opens nothing; the taps are ordinary taps") {
    Kiosk k;
    REQUIRE(k.app().config().admin.pin_hash.empty());
    const int taps = k.app().session().taps;
    corner_taps(k);
    CHECK_FALSE(k.app().admin_visible());
    CHECK(k.app().session().taps == taps + 5);
    CHECK_FALSE(k.app().key('1', k.k->now()));  // no pad takes keys
}

TEST_CASE("with a PIN hash the corner gesture opens the PIN pad") {
    Kiosk k(1920, 1080, {pin_hash_set()});
    const int taps = k.app().session().taps;
    corner_taps(k, 4);
    CHECK_FALSE(k.app().admin_visible());
    corner_taps(k, 1);
    CHECK(k.app().admin_visible());
    CHECK(k.app().session().taps == taps + 4);  // the fifth opened the pad: no click
    CHECK(k.app().key('1', k.k->now()));
}
