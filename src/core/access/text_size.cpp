#include "core/access/text_size.h"

#include <algorithm>
#include <cmath>

namespace ww {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

double min_cap_height_mm(double distance_cm) {
    const double half = kMinCapAngleDeg / 2 * kPi / 180;
    return 2 * distance_cm * 10 * std::tan(half);
}

double cap_height_mm(float body_px, double px_per_mm, float cap_per_px) {
    if (px_per_mm <= 0) px_per_mm = kAssumedPxPerMm;
    return body_px * cap_per_px / px_per_mm;
}

float body_px_for(TextSize size, float normal_px, double px_per_mm, double distance_cm,
                  float larger_max_px, float cap_per_px) {
    if (size == TextSize::Normal) return normal_px;
    if (px_per_mm <= 0) px_per_mm = kAssumedPxPerMm;
    if (distance_cm <= 0) distance_cm = 50;
    // Round up to whole pixels so the rule still holds after the font is rasterised.
    const float rule =
        static_cast<float>(std::ceil(min_cap_height_mm(distance_cm) * px_per_mm / cap_per_px));
    const float large = std::max(normal_px * 1.35f, rule);
    if (size == TextSize::Large) return large;
    float larger = large * 1.25f;
    if (larger_max_px > 0) larger = std::max(large, std::min(larger, larger_max_px));
    return larger;
}

}  // namespace ww
