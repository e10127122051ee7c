// The profile's night hours (`[night]`): whether a moment of the local day is at night. The clock
// is the caller's (minutes since local midnight), so the rule is tested across midnight.
#pragma once
#include <string>

#include "core/config/config.h"
#include "core/lifecycle/lifecycle.h"

namespace ww {

// Minutes since midnight of "HH:MM" (validated by the config loader); -1 when malformed.
int minutes_of_day(const std::string& hhmm);

// True when `minutes` (0..1439 since local midnight) falls in [start, end). A night that
// crosses midnight (22:00-07:00) wraps; start == end is no night at all.
bool is_night(const KioskConfig::Night& night, int minutes);

// The screen sleeps at night between visitors: in the attract loop (a touch wakes it for a
// session; after the idle reset it sleeps again).
bool screen_dark(bool night, Phase phase);

}  // namespace ww
