// The README's recipes, followed for real: what it says to touch is all that is needed.
#include <doctest/doctest.h>

#include "../support/content_copy.h"
#include "kiosk_fixture.h"

using namespace ww;

TEST_CASE("recipe 'a new screen': one file in layouts/screens and a link to it") {
    ContentCopy copy("recipe");
    copy.write("screens/proef.toml", R"(title = { nl = "Proefscherm", en = "Trial screen" }
sources = ["noloc"]

[[block]]
type = "paragraph"
text = { nl = "Een nieuw scherm.", en = "A new screen." }
)");
    // Without a link the validator reports it: every screen must be reachable.
    CHECK_FALSE(copy.load().ok());
    copy.edit("screens/geld.toml", R"(screens = ["uwv-subsidie", )",
              R"(screens = ["proef", "uwv-subsidie", )");
    ContentLoad load = copy.load();
    for (auto& p : load.problems) MESSAGE(p.format());
    REQUIRE(load.ok());

    Kiosk k;
    k.app().set_content(std::move(load));
    k.k->settle();
    k.tap("##tile-geld");
    k.reveal("##link-proef");
    k.tap("##link-proef");
    CHECK(k.place() == Place{PlaceKind::Screen, "proef"});
}
