// Maps the core palette onto ImGui's style, and sizes that follow from the screen.
#pragma once
#include <imgui.h>

#include "core/access/palette.h"
#include "core/access/text_size.h"

namespace ww {

inline ImU32 u32(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255));
}
inline ImVec4 vec4(Rgb c, float alpha = 1.0f) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}

void apply_theme(const Palette& p, float body_px);

// Staff colours (admin PIN pad and panel): the same in every visitor theme, so staff always know
// where they are.
namespace staff {
inline constexpr Rgb kPanelBg{32, 36, 44};
inline constexpr Rgb kText{255, 255, 255};
inline constexpr Rgb kMuted{190, 198, 210};
inline constexpr Rgb kButton{70, 80, 98};
inline constexpr Rgb kPressed{20, 110, 200};
inline constexpr Rgb kDanger{170, 30, 30};
inline constexpr Rgb kWarn{255, 200, 80};
}  // namespace staff

// Sizes of this frame, derived from the display and the profile.
struct Metrics {
    float width = 0, height = 0;
    float px_per_mm = kAssumedPxPerMm;
    float target = 80;  // primary touch target (>= min_target_mm, >= 44 px)
    float gap = 16;     // between targets, so a finger cannot hit two
    float pad = 24;     // screen padding
    float body = 28;    // body text px
    bool portrait = false;
    bool narrow = false;      // too narrow for side-by-side tables (stack instead)
    float content_width = 0;  // width of the readable column
};

Metrics compute_metrics(float w, float h, float px_per_mm, float min_target_mm, float body_px);

}  // namespace ww
