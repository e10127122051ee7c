// What lies over the screen: the idle warning, the attract loop, the accessibility and language
// choices, and the out-of-order screen.
#pragma once
#include <string>

#include "core/lifecycle/attract.h"
#include "ui/draw_context.h"

namespace ww {

void draw_idle_warning(DrawContext& c, int seconds_left);
// `t` seconds since the attract loop began; `dim` 0..1 brightness (night hours).
void draw_attract(DrawContext& c, double t, float dim, const AttractTiming& timing);
void draw_access_panel(DrawContext& c);
void draw_language_panel(DrawContext& c, const std::vector<std::string>& offered);
// Shown when no valid content was ever loaded; `message` from the profile (may be empty).
void draw_out_of_order(const Metrics& m, const Palette& p, ImFont* font,
                       const std::string& message);

}  // namespace ww
