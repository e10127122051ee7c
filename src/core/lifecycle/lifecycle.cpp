#include "core/lifecycle/lifecycle.h"

#include <cmath>

namespace ww {

LifecycleEvent Lifecycle::input(double now) {
    last_input_ = now;
    switch (phase_) {
        case Phase::Warning:
            phase_ = Phase::Active;
            return LifecycleEvent::Continued;
        case Phase::Attract:
            phase_ = Phase::Active;
            return LifecycleEvent::SessionStart;
        case Phase::Active:
            return LifecycleEvent::None;
    }
    return LifecycleEvent::None;
}

LifecycleEvent Lifecycle::update(double now) {
    if (phase_ == Phase::Active && now - last_input_ >= times_.idle_timeout) {
        phase_ = Phase::Warning;
        warning_since_ = now;
        return LifecycleEvent::WarningStarted;
    }
    if (phase_ == Phase::Warning && now - warning_since_ >= times_.warning_seconds) {
        phase_ = times_.attract ? Phase::Attract : Phase::Active;
        last_input_ = now;
        return LifecycleEvent::Reset;
    }
    return LifecycleEvent::None;
}

int Lifecycle::seconds_left(double now) const {
    if (phase_ != Phase::Warning) return 0;
    const double left = times_.warning_seconds - (now - warning_since_);
    return left <= 0 ? 0 : static_cast<int>(std::ceil(left));
}

double Lifecycle::next_deadline() const {
    switch (phase_) {
        case Phase::Active:
            return last_input_ + times_.idle_timeout;
        case Phase::Warning: {
            // Wake every whole second so the countdown redraws, and at the end.
            return warning_since_ + times_.warning_seconds;
        }
        case Phase::Attract:
            return 1e300;
    }
    return 1e300;
}

}  // namespace ww
