#include "core/lifecycle/attract.h"

#include <algorithm>
#include <cmath>

namespace ww {

double AttractTiming::fade() const {
    return std::min(0.8, period / 6);
}

size_t AttractTiming::message(double t, size_t count) const {
    return count == 0 ? 0 : static_cast<size_t>(t / period) % count;
}

float AttractTiming::alpha(double t) const {
    const double in = std::fmod(t, period);
    return static_cast<float>(std::clamp(std::min(in, period - in) / fade(), 0.0, 1.0));
}

bool AttractTiming::blink_on(double t) const {
    return static_cast<long>(std::floor(t)) % 2 == 0;
}

double AttractTiming::next_frame(double t) const {
    const double in = std::fmod(t, period);
    if (in < fade() || in >= period - fade()) return t + 1.0 / std::max(1, fps);
    const double fade_out = t - in + period - fade();
    return std::min(std::floor(t) + 1.0, fade_out);
}

}  // namespace ww
