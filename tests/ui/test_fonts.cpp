#include <doctest/doctest.h>

#include <ios>

#include "core/base/utf8.h"
#include "kiosk_fixture.h"

using namespace ww;

TEST_CASE("every character of the content has a glyph in the fonts (no '?' on screen)") {
    Kiosk k;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    REQUIRE(atlas->Fonts.Size >= 2);
    for (ImFont* font : atlas->Fonts) {
        for (const std::string* s : k.app().content()->all_strings()) {
            for_each_codepoint(*s, [&](unsigned cp) {
                if (cp == '\n') return;
                CHECK_MESSAGE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr,
                              "no glyph U+" << std::hex << cp << " in: " << *s);
            });
        }
    }
}
