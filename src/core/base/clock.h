// The wall clock: unix time now, and the local date and time of a unix time. It dates what
// outlives the process (the PIN guard, the usage figures) and follows the local day (night hours,
// the dates of reports). Timers and animation run on the other clock, the runner's `now` (seconds,
// monotonic), which every call of the app takes as an argument.
#pragma once
#include <functional>
#include <string>

namespace ww {

// A moment of the local day.
struct LocalTime {
    std::string day;  // YYYY-MM-DD
    int hour = 0;     // 0..23
    int minute = 0;   // 0..59
};

// The local date and time of `unix_time` (localtime_r: the TZ of the process). The one
// conversion: tests pick a local moment by picking the unix time of it.
LocalTime local_time(double unix_time);

// Seconds since 1970-01-01 UTC from the system clock.
double system_unix_time();

// The one clock the kiosk reads, made once at start and passed down; tests pass a fake one.
struct Clock {
    std::function<double()> unix_time = system_unix_time;  // unix seconds now

    LocalTime local_now() const { return local_time(unix_time()); }
    // Minutes since local midnight now (0..1439), for the night hours.
    int local_minutes() const {
        const LocalTime t = local_now();
        return t.hour * 60 + t.minute;
    }
};

}  // namespace ww
