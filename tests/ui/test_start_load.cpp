// What the kiosk loads on a thread while its window opens (app/start_load.h): the content,
// the font files, and home's pictures decoded, so that the first frame waits for none of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../support/content_copy.h"
#include "app/start_load.h"

using namespace ww;

TEST_CASE("start load: the content, the font files and home's six pictures, decoded") {
    StartLoader loader({"layouts", "assets", "Noto Sans", "Noto Sans:bold"});
    const StartLoad s = loader.take();  // no font job: no atlas
    REQUIRE(s.content.ok());
    CHECK(s.content.content->home == "home");
    CHECK(std::filesystem::exists(s.fonts.regular));
    CHECK(std::filesystem::exists(s.fonts.bold));
    CHECK_FALSE(s.atlas_built);
    REQUIRE(s.pictures.size() == 6);
    for (auto& [file, p] : s.pictures) {
        CAPTURE(file);
        CHECK(file.rfind("tile-", 0) == 0);
        CHECK(p.rgba);
        CHECK(p.width == 512);
        CHECK(p.height == 384);
    }
}

TEST_CASE("start load: the atlas for the display's size, with the content's glyphs") {
    ImFontAtlas atlas;
    FontSet set;
    StartLoad s;
    {
        StartLoader loader({"layouts", "assets", "Noto Sans", "Noto Sans:bold"});
        loader.build_fonts({&atlas, &set, 1080, 1920, 4.0f, TextSize::Large, 50});
        s = loader.take();
    }
    REQUIRE(s.atlas_built);
    CHECK(set.content == s.content.content);  // the fonts cover this very snapshot
    CHECK(set.size == TextSize::Large);
    CHECK(set.body_px == doctest::Approx(body_text_px(1080, 1920, 4.0f, TextSize::Large, 50)));
    CHECK(atlas.Fonts.Size == 5);
    CHECK(set.body != nullptr);
    CHECK(set.title != nullptr);
    CHECK(set.body->FindGlyphNoFallback(0x2019) != nullptr);  // ’ from the content
}

TEST_CASE("start load: the destructor waits for the thread, with a font job or without") {
    ImFontAtlas atlas;
    FontSet set;
    { StartLoader idle({"layouts", "assets", "Noto Sans", "Noto Sans:bold"}); }
    CHECK(atlas.Fonts.Size == 0);
    {
        // The window failed to open after the display was known: the job still finishes before
        // the loader is gone, so the atlas it writes into may be freed after it.
        StartLoader failed({"layouts", "assets", "Noto Sans", "Noto Sans:bold"});
        failed.build_fonts({&atlas, &set, 1920, 1080, 4.0f, TextSize::Normal, 50});
    }
    CHECK(atlas.Fonts.Size == 5);
    CHECK(set.body != nullptr);
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
