// Content reloads while a visitor is busy (SIGHUP, the admin panel, a fleet update): nothing may
// keep pointing into the content that was replaced, and the fonts follow the new text.
#include <doctest/doctest.h>

#include "../support/content_copy.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {

bool has_glyph(const FontSet& f, ImWchar c) {
    return f.body && f.body->FindGlyphNoFallback(c) != nullptr;
}

}  // namespace

TEST_CASE("a good reload mid-session, then a text size change: fonts cover the new content") {
    ContentCopy copy;
    Kiosk k;
    k.tap("##tile-vormen");
    REQUIRE(k.place().id == "vormen");
    // The new content says "Start Ω" on the home button: a letter the old content never had.
    copy.edit("kiosk.toml", "nl = \"Start\"", "nl = \"Start \xCE\xA9\"");
    ContentLoad next = copy.load();
    REQUIRE(next.ok());
    k.app().set_content(std::move(next));
    k.k->settle();
    CHECK(k.place().id == "home");  // the visitor starts over on the new content
    CHECK(has_glyph(k.k->fonts(), 0x03A9));
    // What crashed in the field: the accessibility dialog rebuilds the fonts.
    k.tap("##access");
    k.tap("##size-larger");
    CHECK(k.app().session().text_size == TextSize::Larger);
    CHECK(k.k->fonts().size == TextSize::Larger);
    CHECK(has_glyph(k.k->fonts(), 0x03A9));
    k.tap("##size-normal");
    k.tap("##close-access");
    k.tap("##tile-vormen");
    CHECK(k.place().id == "vormen");
}

TEST_CASE("reloads back and forth while the old content is gone: no stale text anywhere") {
    Kiosk k;
    for (int i = 0; i < 4; ++i) {
        ContentCopy copy;
        copy.edit("kiosk.toml", "nl = \"Start\"", "nl = \"Begin " + std::to_string(i) + "\"");
        k.app().set_content(copy.load());
        k.k->settle();
        k.tap("##access");
        k.tap(i % 2 ? "##size-large" : "##size-larger");
        k.tap("##close-access");
        CHECK(k.app().content()->word("home", "nl") == "Begin " + std::to_string(i));
    }  // each copy is deleted from disk here; the kiosk runs from its snapshot
    k.tap("##tile-vormen");
    CHECK(k.place().id == "vormen");
}

TEST_CASE("two headless kiosks in one process each draw into their own ImGui context") {
    Kiosk a(1920, 1080);
    const int a_frames = a.k->frame_count();
    Kiosk b(1080, 1920);
    const int b_frames = b.k->frame_count();
    for (int i = 0; i < 5; ++i) a.k->step();
    CHECK(a.k->frame_count() == a_frames + 5);
    CHECK(b.k->frame_count() == b_frames);
    a.tap("##tile-vormen");
    b.tap("##tile-geld");
    CHECK(a.place().id == "vormen");
    CHECK(b.place().id == "geld");
}

TEST_CASE("touch.drag_threshold_mm decides when a press becomes a scroll") {
    // Headless: 4 px per mm. A 30 px wobble is 7.5 mm.
    auto wobble_on_card = [](const std::string& threshold) {
        Kiosk k(1280, 800, {"touch.drag_threshold_mm=" + threshold});
        k.tap("##tile-vormen");
        float x, y;
        REQUIRE(k.k->find("##card-optie-1", x, y));
        k.k->drag(x, y, 0, -30, 6);
        return k.place().id;
    };
    CHECK(wobble_on_card("10") == "optie-1");  // gloves: still a tap
    CHECK(wobble_on_card("4") == "vormen");    // default: a scroll, no click
}
