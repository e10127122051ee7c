// The colours of each theme, as plain data (the UI maps them onto ImGui), and the WCAG contrast
// ratio, so a unit test can hold every text/background pair to its limit.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/session/session.h"

namespace ww {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
};

struct Palette {
    Rgb background;  // screen
    Rgb text;        // body text on background
    Rgb muted;       // source line, help text on background
    Rgb header_bg;   // header bar
    Rgb header_text;
    Rgb button_bg;  // primary buttons, tiles' label band
    Rgb button_text;
    Rgb button_pressed;  // while a finger is down (text stays button_text)
    Rgb card_bg;
    Rgb card_text;
    Rgb card_border;
    Rgb callout_bg;  // "let op"
    Rgb callout_text;
    Rgb accent;      // bars, bullets, focus ring (not text)
    Rgb overlay_bg;  // idle warning panel
    Rgb overlay_text;
};

const Palette& palette(Theme t);

// WCAG 2.x contrast ratio between two colours (1..21).
double contrast_ratio(Rgb a, Rgb b);

// Every (name, foreground, background) text pair a theme draws.
std::vector<std::pair<std::string, std::pair<Rgb, Rgb>>> text_pairs(const Palette& p);

}  // namespace ww
