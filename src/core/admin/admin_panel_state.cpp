// The staff state machine of admin_panel_state.h: modes, PIN entry, guard, requests.
#include "core/admin/admin_panel_state.h"

#include <algorithm>

#include "core/base/log.h"

namespace ww {

namespace {
constexpr size_t kMaxDigits = 12;
}  // namespace

AdminPanelState::AdminPanelState(const KioskConfig& config, double now, AdminEnv env)
    : cfg_(config.admin),
      profile_(config.profile),
      env_(std::move(env)),
      gesture_(config.admin, 4),
      guard_(config.admin.max_attempts, config.admin.lockout_seconds),
      guard_file_(env_.state_dir),
      start_(now) {
    if (cfg_.pin_hash.empty()) {
        log_event("admin_disabled", {{"reason", "no_pin"}});  // nothing shipped: a site sets one
    } else if (cfg_.pin_hash.rfind("$argon2", 0) != 0) {
        log_event("admin_disabled", {{"reason", "bad_pin_hash"}});
    } else {
        enabled_ = true;
        guard_file_.load(guard_, now, wall());
        if (!guard_file_.writable()) {
            closed_until_ = now + cfg_.lockout_seconds;
            log_event("admin_guard_closed", {{"reason", "state_unwritable"},
                                             {"seconds", std::to_string(cfg_.lockout_seconds)}});
        }
    }
}

void AdminPanelState::open(Mode m) {
    mode_ = m;
    ++view_;
}

bool AdminPanelState::corner_tap(float x, float y, float width, float height, float px_per_mm,
                                 double now) {
    if (!enabled_ || mode_ == Mode::Pad || mode_ == Mode::Panel) return false;
    gesture_.set_px_per_mm(px_per_mm);
    if (!gesture_.tap(x, y, width, height, now)) return false;
    if (now < closed_until_) {
        // Fails closed: the pad opens once the guard can be kept again, or after a lockout.
        if (!guard_file_.retry()) {
            log_event("admin_pin_refused",
                      {{"reason", "state_unwritable"},
                       {"seconds", std::to_string(static_cast<int>(closed_until_ - now + 0.999))}});
            return false;
        }
        closed_until_ = -1e300;
    }
    open(Mode::Pad);
    entry_.clear();
    message_ = Message::None;
    log_event("admin_gesture", {{"corner", cfg_.corner}});
    return true;
}

void AdminPanelState::close(const char* reason) {
    if (mode_ == Mode::Closed) return;
    mode_ = Mode::Closed;
    entry_.clear();
    message_ = Message::None;
    test_index_ = -1;
    gesture_.reset();
    log_event("admin_close", {{"reason", reason}});
}

void AdminPanelState::type_digit(char digit) {
    if (mode_ != Mode::Pad || checking_ || digit < '0' || digit > '9') return;
    if (entry_.size() < kMaxDigits) entry_ += digit;
}

void AdminPanelState::clear_entry() {
    entry_.clear();
}

void AdminPanelState::erase_digit() {
    if (!entry_.empty()) entry_.pop_back();
}

void AdminPanelState::submit(double now) {
    if (mode_ != Mode::Pad || entry_.empty() || checking_) return;
    const PinGuard::Result gate = guard_.ready(now);
    if (gate != PinGuard::Result::Accepted) {  // the PIN is not checked; the pad shows the wait
        guard_file_.save(guard_, now, wall());
        if (gate == PinGuard::Result::Locked) {
            entry_.clear();
            message_ = Message::TooManyWrong;
        }
        return;
    }
    std::string pin;
    pin.swap(entry_);
    if (pin.size() < kMinPinDigits) {
        finish(false, now);  // never a PIN: no check needed
    } else if (verifier_) {
        verifier_->start(cfg_.pin_hash, pin);
        checking_ = true;
        check_view_ = view_;
    } else {
        finish(verify_pin(cfg_.pin_hash, pin), now);
    }
    std::fill(pin.begin(), pin.end(), '\0');
}

void AdminPanelState::poll(double now) {
    if (!checking_ || !verifier_) return;
    if (std::optional<bool> correct = verifier_->poll()) {
        checking_ = false;
        finish(*correct, now);
    }
}

void AdminPanelState::finish(bool correct, double now) {
    const bool pad = mode_ == Mode::Pad && (check_view_ < 0 || check_view_ == view_);
    check_view_ = -1;
    const PinGuard::Result result = guard_.record(correct, now);
    guard_file_.save(guard_, now, wall());
    if (!pad) return;  // closed while checking: a wrong PIN counts, a right one opens nothing
    switch (result) {
        case PinGuard::Result::Accepted:
            entry_.clear();
            message_ = Message::None;
            log_event("admin_open", {{"profile", profile_}});
            open(Mode::Panel);
            break;
        case PinGuard::Result::Wrong:
            entry_.clear();
            message_ = Message::WrongPin;
            break;
        case PinGuard::Result::Wait:
            break;  // the pad shows the wait; the PIN was not checked
        case PinGuard::Result::Locked:
            entry_.clear();
            message_ = Message::TooManyWrong;
            break;
    }
}

AdminPanelState::PadStatus AdminPanelState::pad_status(double now) const {
    PadStatus s;
    s.message = message_;
    s.locked = guard_.locked(now);
    s.checking = checking_;
    const double wait = guard_.wait_left(now);
    s.wait = wait > 0 ? std::max(1, static_cast<int>(wait + 0.999)) : 0;
    return s;
}

AdminRequest AdminPanelState::reload() {
    log_event("admin_reload");
    return {AdminRequest::Reload};
}

AdminRequest AdminPanelState::exit_kiosk() {
    log_event("admin_exit");
    return {AdminRequest::Exit};
}

AdminRequest AdminPanelState::test_step(int step, const std::vector<Place>& places) {
    if (places.empty()) return {};
    const int n = static_cast<int>(places.size());
    test_index_ = test_index_ < 0 ? (step > 0 ? 0 : n - 1) : ((test_index_ + step) % n + n) % n;
    open(Mode::Test);
    const Place& p = places[static_cast<size_t>(test_index_)];
    log_event("admin_test", {{"place", p.key()},
                             {"n", std::to_string(test_index_ + 1) + "/" + std::to_string(n)}});
    return {AdminRequest::ShowPlace, p};
}

void AdminPanelState::back_to_panel() {
    test_index_ = -1;
    open(Mode::Panel);
}

void AdminPanelState::check_test(size_t places) {
    if (mode_ == Mode::Test && (places == 0 || test_index_ < 0)) close("test-done");
}

std::optional<AdminRequest> AdminPanelState::key(int ch, double now,
                                                 const std::vector<Place>& places) {
    if (mode_ == Mode::Pad) {
        if (ch >= '0' && ch <= '9')
            type_digit(static_cast<char>(ch));
        else if (ch == '\n')
            submit(now);
        else if (ch == '\b')
            erase_digit();
        else if (ch == 27)
            close("cancel");
        else
            return std::nullopt;
        return AdminRequest{};
    }
    if (mode_ == Mode::Panel) {
        if (ch == 'x') return exit_kiosk();
        if (ch == 'r') return reload();
        if (ch == 't') return test_step(1, places);
        if (ch == 27) {
            close("closed");
            return AdminRequest{};
        }
    }
    return std::nullopt;
}

}  // namespace ww
