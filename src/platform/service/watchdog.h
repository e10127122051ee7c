// systemd's service notifications (libsystemd sd_notify): READY=1 once the first frame is shown,
// and WATCHDOG=1 from the frame loop at half of WATCHDOG_USEC, idle or not, so a loop that hangs
// stops the pings and systemd restarts the kiosk. Outside systemd (no NOTIFY_SOCKET, no
// WATCHDOG_USEC) every call does nothing.
#pragma once

namespace ww {

class Watchdog {
  public:
    Watchdog();  // reads WATCHDOG_USEC (and WATCHDOG_PID) through sd_watchdog_enabled
    // The first frame is on screen.
    void ready();
    // Sends WATCHDOG=1 when a ping is due at `now` (seconds, the loop's clock).
    void ping_if_due(double now);
    // When the loop must wake for the next ping, at the latest; a large value when disabled.
    double next_ping(double now) const;
    double interval() const { return interval_; }  // seconds between pings; 0 = disabled

  private:
    double interval_ = 0;
    double last_ = -1e300;
};

}  // namespace ww
