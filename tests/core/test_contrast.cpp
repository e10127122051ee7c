// WCAG contrast of every text/background pair each theme draws: normal text at least 4.5:1
// (WCAG 1.4.3), high contrast at least 7:1 (1.4.6). The table is printed for the notes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/access/palette.h"

using namespace ww;

namespace {
std::string hex(Rgb c) {
    char b[8];
    snprintf(b, sizeof b, "#%02X%02X%02X", c.r, c.g, c.b);
    return b;
}
}  // namespace

TEST_CASE("every text pair meets its contrast limit") {
    const struct {
        Theme theme;
        const char* name;
        double limit;
    } themes[] = {{Theme::Normal, "normal", 4.5}, {Theme::HighContrast, "high-contrast", 7.0}};
    std::string table =
        "\n| theme | pair | text | background | ratio | limit |\n|---|---|---|---|---|---|\n";
    for (auto& t : themes) {
        for (auto& [name, pair] : text_pairs(palette(t.theme))) {
            const double ratio = contrast_ratio(pair.first, pair.second);
            char row[200];
            snprintf(row, sizeof row, "| %s | %s | %s | %s | %.2f:1 | %.1f:1 |\n", t.name,
                     name.c_str(), hex(pair.first).c_str(), hex(pair.second).c_str(), ratio,
                     t.limit);
            table += row;
            CAPTURE(t.name);
            CAPTURE(name);
            CHECK(ratio >= t.limit);
        }
    }
    MESSAGE(table);
}

TEST_CASE("contrast ratio of known colours") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
    CHECK(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) ==
          doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("the focus ring (text colour with a band of background) stands out on every surface") {
    // WCAG 1.4.11 / 2.4.7: at least 3:1 against whatever the focused item sits on or is.
    for (Theme t : {Theme::Normal, Theme::HighContrast}) {
        const Palette& p = palette(t);
        for (Rgb surface :
             {p.background, p.header_bg, p.button_bg, p.card_bg, p.overlay_bg, p.callout_bg}) {
            CAPTURE(hex(surface));
            CHECK(std::max(contrast_ratio(p.text, surface),
                           contrast_ratio(p.background, surface)) >= 3.0);
        }
    }
}
