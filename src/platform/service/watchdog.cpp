#include "platform/service/watchdog.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <string>

#include "core/base/log.h"

namespace ww {

Watchdog::Watchdog() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        interval_ = static_cast<double>(usec) / 2e6;  // half the timeout, as systemd advises
        log_event("watchdog",
                  {{"interval_ms", std::to_string(static_cast<int>(interval_ * 1000))}});
    }
}

void Watchdog::ready() {
    sd_notify(0, "READY=1");
}

void Watchdog::ping_if_due(double now) {
    if (interval_ <= 0 || now < last_ + interval_) return;
    sd_notify(0, "WATCHDOG=1");
    last_ = now;
}

double Watchdog::next_ping(double now) const {
    return interval_ > 0 ? std::max(now, last_ + interval_) : now + 1e9;
}

}  // namespace ww
