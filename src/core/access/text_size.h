// The text-size rule: how big "large" text must be so that it can be read from where a visitor
// stands (EN 301 549 5.1.4: a capital H of at least 0.7 degrees of visual angle at the viewing
// distance). Plain arithmetic, no ImGui, so a unit test holds every profile to it.
#pragma once
#include "core/session/session.h"

namespace ww {

// Cap height of the kiosk's font (Noto Sans: capital H is 714 units of a 1000-unit em).
constexpr float kCapHeightEm = 0.714f;
// ImGui sizes a font by ascent - descent (stbtt_ScaleForPixelHeight), not by its em: Noto Sans
// has ascent 1069 and descent -293, so a font of N px has an em of N / 1.362 px.
constexpr float kFontPxPerEm = 1.362f;
// Cap height as a share of ImGui's font pixel size: 0.714 / 1.362 = 0.524.
constexpr float kCapPerFontPx = kCapHeightEm / kFontPxPerEm;
// Visual angle EN 301 549 5.1.4 asks of a capital H.
constexpr double kMinCapAngleDeg = 0.7;
// What px/mm to assume when neither the profile (display.px_per_mm) nor the monitor says: a
// 23" 1080p panel (1920 px over 509 mm), between the usual 22" and 24" kiosk panels. The real
// window has always fallen back to it, so kiosks without the figure keep their look.
constexpr float kAssumedPxPerMm = 3.8f;

// The smallest cap height in millimetres at `distance_cm`: 2 * d * tan(0.35 deg).
double min_cap_height_mm(double distance_cm);

// Cap height in millimetres of text drawn with an ImGui font of `body_px` pixels.
double cap_height_mm(float body_px, double px_per_mm, float cap_per_px = kCapPerFontPx);

// Body pixel size for `size`, from the Normal size the screen layout picked (`normal_px`).
// Large is at least 1.35 x Normal and at least the 5.1.4 minimum at `distance_cm`; Larger is
// 1.25 x Large, but no more than `larger_max_px` (when > 0; what the screen can still lay out)
// and never less than Large. `px_per_mm` <= 0 means unknown: kAssumedPxPerMm is used.
// Sizes are ImGui font pixel sizes (`cap_per_px`: cap height per font pixel).
float body_px_for(TextSize size, float normal_px, double px_per_mm, double distance_cm,
                  float larger_max_px = 0, float cap_per_px = kCapPerFontPx);

}  // namespace ww
