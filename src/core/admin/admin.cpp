#include "core/admin/admin.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "core/base/log.h"

namespace ww {

namespace {
constexpr double kNone = -1e300;    // no delay, no lockout
constexpr double kMaxDelay = 30.0;  // the longest wait after a wrong PIN (short of a lockout)

bool sodium_ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}
}  // namespace

std::string hash_pin(const std::string& pin) {
    if (!sodium_ready()) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};  // out of memory
    return out;
}

bool verify_pin(const std::string& hash, const std::string& pin) {
    if (!sodium_ready() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

std::string pin_problem(const std::string& pin) {
    if (pin.empty()) return "no PIN given";
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "a PIN holds digits only (0-9)";
    if (pin.size() < kMinPinDigits)
        return "a PIN needs at least " + std::to_string(kMinPinDigits) + " digits";
    if (pin.size() > kMaxPinDigits)
        return "a PIN has at most " + std::to_string(kMaxPinDigits) + " digits";
    return {};
}

bool CornerGesture::in_corner(float x, float y, float width, float height) const {
    const double s = admin_.corner_mm * (px_per_mm_ > 0 ? px_per_mm_ : 4.0);
    const bool left = admin_.corner.find("left") != std::string::npos;
    const bool top = admin_.corner.find("top") != std::string::npos;
    const bool in_x = left ? x >= 0 && x <= s : x >= width - s && x <= width;
    const bool in_y = top ? y >= 0 && y <= s : y >= height - s && y <= height;
    return in_x && in_y;
}

bool CornerGesture::tap(float x, float y, float width, float height, double now) {
    if (!in_corner(x, y, width, height)) {
        taps_.clear();
        return false;
    }
    taps_.push_back(now);
    while (!taps_.empty() && now - taps_.front() > admin_.seconds) taps_.pop_front();
    if (static_cast<int>(taps_.size()) >= std::max(1, admin_.taps)) {
        taps_.clear();
        return true;
    }
    return false;
}

PinGuard::Result PinGuard::gate(double now) {
    if (locked_until_ > kNone && now >= locked_until_) {
        // The lockout is over: a fresh start.
        locked_until_ = kNone;
        failures_ = 0;
    }
    if (locked(now)) return Result::Locked;
    if (now < next_try_) return Result::Wait;
    return Result::Accepted;
}

PinGuard::Result PinGuard::ready(double now) {
    const Result g = gate(now);
    if (g != Result::Accepted)
        log_event("admin_pin_refused",
                  {{"reason", g == Result::Locked ? "locked" : "wait"},
                   {"seconds", std::to_string(static_cast<int>(std::ceil(wait_left(now))))}});
    return g;
}

PinGuard::Result PinGuard::attempt(const std::string& hash, const std::string& pin, double now) {
    const Result g = ready(now);
    if (g != Result::Accepted) return g;
    return record(verify_pin(hash, pin), now);
}

PinGuard::Result PinGuard::record(bool correct, double now) {
    const Result g = gate(now);
    if (g != Result::Accepted) return g;
    if (correct) {
        failures_ = 0;
        next_try_ = kNone;
        return Result::Accepted;
    }
    ++failures_;
    log_event("admin_pin_failed", {{"attempt", std::to_string(failures_)}});
    if (failures_ >= max_attempts_) {
        locked_until_ = now + lockout_seconds_;
        next_try_ = kNone;
        log_event("admin_lockout", {{"seconds", std::to_string(lockout_seconds_)}});
        return Result::Locked;
    }
    next_try_ = now + std::min(kMaxDelay, std::pow(2.0, failures_ - 1));
    return Result::Wrong;
}

PinGuard::Saved PinGuard::save(double now, double wall_now) const {
    auto wall = [&](double t) { return t > kNone ? t - now + wall_now : 0.0; };
    return {failures_, wall(locked_until_), wall(next_try_)};
}

void PinGuard::restore(const Saved& saved, double now, double wall_now) {
    *this = PinGuard(max_attempts_, lockout_seconds_);
    if (saved.locked_until > 0) {
        const double left = saved.locked_until - wall_now;
        if (left <= 0) return;  // the lockout is over: a fresh start, as in gate()
        locked_until_ = now + std::min(left, static_cast<double>(lockout_seconds_));
    }
    failures_ = std::clamp(saved.failures, 0, max_attempts_);
    if (saved.next_try > wall_now) next_try_ = now + std::min(saved.next_try - wall_now, kMaxDelay);
}

double PinGuard::wait_left(double now) const {
    const double until = std::max(locked_until_, next_try_);
    return until > now ? until - now : 0;
}

}  // namespace ww
