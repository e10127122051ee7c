// What the kiosk loads on a thread while its window opens (platform/start_load.h): the content,
// the font files, and home's pictures decoded, so that the first frame waits for none of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../support/content_copy.h"
#include "platform/start_load.h"

using namespace ww;

TEST_CASE("start load: the content, the font files and home's six pictures, decoded") {
    const StartLoad s =
        load_start_async({"layouts", "assets", "Noto Sans", "Noto Sans:bold"}).get();
    REQUIRE(s.content.ok());
    CHECK(s.content.content->home == "home");
    CHECK(std::filesystem::exists(s.fonts.regular));
    CHECK(std::filesystem::exists(s.fonts.bold));
    REQUIRE(s.pictures.size() == 6);
    for (auto& [file, p] : s.pictures) {
        CAPTURE(file);
        CHECK(file.rfind("tile-", 0) == 0);
        CHECK(p.rgba);
        CHECK(p.width == 512);
        CHECK(p.height == 384);
    }
}

TEST_CASE("start load: broken content decodes no pictures; its problems come along") {
    ContentCopy copy("start-load");
    {
        // Home's first picture cut in half: the content checks refuse it.
        const auto png = copy.root / "assets" / "tile-guide.png";
        const auto size = std::filesystem::file_size(png);
        std::filesystem::resize_file(png, size / 2);
    }
    const StartLoad s =
        load_start({(copy.root / "layouts").string(), (copy.root / "assets").string(), "Noto Sans",
                    "Noto Sans:bold"});
    CHECK_FALSE(s.content.ok());
    CHECK_FALSE(s.content.problems.empty());
    CHECK(s.pictures.empty());
}
