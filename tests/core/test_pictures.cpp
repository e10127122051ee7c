// The pictures a screen shows: what the kiosk decodes for home before its window is open.
#include <doctest/doctest.h>

#include <ostream>

#include "../support/shipped_content.h"
#include "core/content/pictures.h"

using namespace ww;

TEST_CASE("pictures_on: home's tiles in drawn order, each file once; other blocks and screens") {
    CHECK(pictures_on(shipped(), shipped().home) ==
          std::vector<std::string>{"tile-guide.png", "tile-forms.png", "tile-buddy.png",
                                   "tile-money.png", "tile-find.png", "tile-situation.png"});
    CHECK(pictures_on(shipped(), "vormen").empty());
    CHECK(pictures_on(shipped(), "no-such-screen").empty());

    Content c;
    Screen s;
    s.id = "s";
    Tiles tiles;
    tiles.tiles = {Tile{"a", "one.png", {}, {}}, Tile{"b", "two.png", {}, {}},
                   Tile{"c", "one.png", {}, {}}, Tile{"d", "", {}, {}}};
    s.blocks = {Image{"top.png", {}}, Paragraph{}, tiles, Image{"two.png", {}}};
    c.screens.push_back(s);
    CHECK(pictures_on(c, "s") == std::vector<std::string>{"top.png", "one.png", "two.png"});
}
