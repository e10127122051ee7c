// When the kiosk warns, resets and shows the attract loop. Pure logic on a caller's clock
// (seconds as double), so it is tested with a fake clock and no sleeps.
#pragma once

namespace ww {

enum class Phase {
    Active,   // a visitor is using the kiosk
    Warning,  // "are you still there?" countdown
    Attract,  // between visitors
};

enum class LifecycleEvent { None, WarningStarted, Continued, Reset, SessionStart };

struct LifecycleTimes {
    double idle_timeout = 90;     // seconds without input before the warning
    double warning_seconds = 30;  // countdown
    bool attract = true;          // after a reset: attract loop (else straight to home)
};

class Lifecycle {
  public:
    explicit Lifecycle(LifecycleTimes t, double now, Phase start = Phase::Active)
        : times_(t), phase_(start), last_input_(now), warning_since_(now) {}

    // Any touch. Returns what it caused: Continued (from the warning), SessionStart (from the
    // attract loop: the touch must not be passed on as a click), or None.
    LifecycleEvent input(double now);
    // Advances timers; returns WarningStarted or Reset when one fires.
    LifecycleEvent update(double now);

    Phase phase() const { return phase_; }
    // Whole seconds left in the countdown (for the overlay).
    int seconds_left(double now) const;
    // When update() next has something to do, as an absolute time; a large value when never.
    double next_deadline() const;
    void set_times(LifecycleTimes t) { times_ = t; }

  private:
    LifecycleTimes times_;
    Phase phase_;
    double last_input_;
    double warning_since_;
};

}  // namespace ww
