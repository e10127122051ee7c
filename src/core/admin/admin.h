// The hidden staff door: a PIN hash (libsodium Argon2id), the corner gesture that opens the PIN
// pad, and the guard that slows down and locks out PIN guessing. No ImGui; tested with a fake
// clock (seconds as double, the caller's clock).
#pragma once
#include <deque>
#include <string>

#include "core/config/config.h"

namespace ww {

// crypto_pwhash_str (OPSLIMIT/MEMLIMIT_INTERACTIVE) of `pin`; empty when hashing failed.
std::string hash_pin(const std::string& pin);
// True when `pin` matches `hash` (the output of hash_pin / `wegwijzer --hash-pin`).
bool verify_pin(const std::string& hash, const std::string& pin);
// The fewest digits of a PIN. The profile's hash is a secret, but a copy of it can be tried
// offline: one Argon2id verify takes ~0.1 s, so 10^6 PINs fall in ~30 core-hours, 10^8 take
// ~3000 (a year of one core).
constexpr size_t kMinPinDigits = 8;
constexpr size_t kMaxPinDigits = 12;
// Why `pin` cannot be a PIN (empty = it can): 8 to 12 digits, digits only.
std::string pin_problem(const std::string& pin);

// N taps within `seconds` in the configured corner (a square of `corner_mm`). A tap elsewhere
// starts the count again. tap() returns true once when the count is reached, then starts over.
class CornerGesture {
  public:
    CornerGesture(const KioskConfig::Admin& admin, double px_per_mm)
        : admin_(admin), px_per_mm_(px_per_mm) {}
    void set_px_per_mm(double v) { px_per_mm_ = v; }
    // A press at (x, y) on a display of `width` x `height` pixels.
    bool tap(float x, float y, float width, float height, double now);
    bool in_corner(float x, float y, float width, float height) const;
    void reset() { taps_.clear(); }

  private:
    KioskConfig::Admin admin_;
    double px_per_mm_;
    std::deque<double> taps_;
};

// Wrong PINs make the next try wait 1, 2, 4, 8 ... s (at most 30 s); after `max_attempts` wrong
// PINs in a row the pad is locked for `lockout_seconds`. A right PIN clears the count.
class PinGuard {
  public:
    enum class Result { Accepted, Wrong, Wait, Locked };

    PinGuard(int max_attempts, int lockout_seconds)
        : max_attempts_(max_attempts), lockout_seconds_(lockout_seconds) {}

    // Checks `pin` against `hash` unless the guard says wait or locked (then the PIN is not
    // even looked at: admin_pin_refused). Logs admin_pin_failed and admin_lockout.
    Result attempt(const std::string& hash, const std::string& pin, double now);
    // Whether a PIN may be tried now (Accepted); else logs admin_pin_refused and says why. For a
    // check that runs elsewhere: ready(), the check, then record().
    Result ready(double now);
    // The same with the check already done (for tests and other verifiers).
    Result record(bool correct, double now);

    bool locked(double now) const { return now < locked_until_; }
    // Seconds until a PIN is accepted again (0 = now); covers delays and the lockout.
    double wait_left(double now) const;
    int failures() const { return failures_; }

    // The guard with wall-clock (unix) times, so it means the same after a restart; 0 = none.
    struct Saved {
        int failures = 0;
        double locked_until = 0;
        double next_try = 0;
    };
    // `wall_now` is the wall clock at the caller's `now`.
    Saved save(double now, double wall_now) const;
    // Takes back a saved guard (e.g. after a restart): a lockout or delay still running goes on,
    // one that is over is gone. Never longer than a lockout or delay can be (a wall clock set
    // back must not lock the pad for hours), never fewer failures than saved (up to the limit).
    void restore(const Saved& saved, double now, double wall_now);

  private:
    // Checks the clock; lifts an expired lockout. Returns Accepted when a try may go ahead.
    Result gate(double now);

    int max_attempts_;
    int lockout_seconds_;
    int failures_ = 0;
    double next_try_ = -1e300;  // -1e300: none
    double locked_until_ = -1e300;
};

}  // namespace ww
