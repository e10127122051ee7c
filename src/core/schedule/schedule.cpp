#include "core/schedule/schedule.h"

namespace ww {

int minutes_of_day(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
    for (size_t i : {0u, 1u, 3u, 4u})
        if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
    const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0'),
              m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

bool is_night(const KioskConfig::Night& night, int minutes) {
    if (!night.enabled) return false;
    const int a = minutes_of_day(night.start), b = minutes_of_day(night.end);
    if (a < 0 || b < 0 || a == b) return false;
    return a < b ? (minutes >= a && minutes < b) : (minutes >= a || minutes < b);
}

bool screen_dark(bool night, Phase phase) {
    return night && phase == Phase::Attract;
}

}  // namespace ww
