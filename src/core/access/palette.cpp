#include "core/access/palette.h"

#include <algorithm>
#include <cmath>

namespace ww {

const Palette& palette(Theme t) {
    // Normal: calm blue/teal on warm white; every text pair at least 4.5:1 (WCAG 1.4.3).
    static const Palette normal = {
        {0xF4, 0xF1, 0xEA}, {0x1A, 0x1A, 0x1A}, {0x4A, 0x4A, 0x4A}, {0x1F, 0x3A, 0x5F},
        {0xFF, 0xFF, 0xFF}, {0x1F, 0x3A, 0x5F}, {0xFF, 0xFF, 0xFF}, {0x2A, 0x7F, 0x7A},
        {0xFF, 0xFF, 0xFF}, {0x1A, 0x1A, 0x1A}, {0xC9, 0xC2, 0xB3}, {0xFC, 0xEB, 0xC4},
        {0x1A, 0x1A, 0x1A}, {0xE0, 0x7A, 0x2E}, {0xFF, 0xFF, 0xFF}, {0x1A, 0x1A, 0x1A}};
    // High contrast: black and white with yellow for actions; every pair at least 7:1 (1.4.6).
    static const Palette high = {
        {0x00, 0x00, 0x00}, {0xFF, 0xFF, 0xFF}, {0xFF, 0xFF, 0xFF}, {0x00, 0x00, 0x00},
        {0xFF, 0xFF, 0xFF}, {0xFF, 0xE0, 0x00}, {0x00, 0x00, 0x00}, {0xFF, 0xFF, 0xFF},
        {0x00, 0x00, 0x00}, {0xFF, 0xFF, 0xFF}, {0xFF, 0xFF, 0xFF}, {0x00, 0x00, 0x00},
        {0xFF, 0xE0, 0x00}, {0xFF, 0xE0, 0x00}, {0x00, 0x00, 0x00}, {0xFF, 0xFF, 0xFF}};
    return t == Theme::HighContrast ? high : normal;
}

namespace {
double channel(uint8_t c) {
    const double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(Rgb c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
}  // namespace

double contrast_ratio(Rgb a, Rgb b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<std::pair<std::string, std::pair<Rgb, Rgb>>> text_pairs(const Palette& p) {
    return {{"text on background", {p.text, p.background}},
            {"muted on background", {p.muted, p.background}},
            {"header text", {p.header_text, p.header_bg}},
            {"button text", {p.button_text, p.button_bg}},
            {"pressed button text", {p.button_text, p.button_pressed}},
            {"card text", {p.card_text, p.card_bg}},
            {"callout text", {p.callout_text, p.callout_bg}},
            {"overlay text", {p.overlay_text, p.overlay_bg}}};
}

}  // namespace ww
