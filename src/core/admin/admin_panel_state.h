// The staff side's state machine: which staff view is open (PIN pad, admin panel, test-screen
// strip), the PIN typed so far, the guard against guessing (kept across restarts in state.dir),
// what the pad says under the dots, and what the app must carry out (reload, exit, show a place).
// No ImGui: ui/admin_panel.cpp draws it. The wall clock and the state folder are injected, so
// tests run it on fake clocks.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/admin/admin.h"
#include "core/admin/admin_state.h"
#include "core/config/config.h"
#include "core/content/place.h"

namespace ww {

// Checks a PIN away from the frame loop (one Argon2id verify takes ~0.1 s): platform/
// pin_verifier.h runs it on a thread of its own. Without one, AdminPanelState checks at once.
class PinVerifier {
  public:
    virtual ~PinVerifier() = default;
    // Starts checking `pin` against `hash`; a check still running is forgotten.
    virtual void start(const std::string& hash, const std::string& pin) = 0;
    // The verdict of the latest start(), once, when it is there; nullopt while it runs.
    virtual std::optional<bool> poll() = 0;
};

// What the state machine needs from the world.
struct AdminEnv {
    std::string state_dir;  // where the PIN guard is kept (resolved; "" = memory only)
    // Unix time now: the guard file outlives the caller's clock, which starts anew with the
    // process. Must be set.
    std::function<double()> wall_clock;
};

// What the staff asked the app to do; the app carries it out after the frame.
struct AdminRequest {
    enum Kind { None, Reload, Exit, ShowPlace } kind = None;
    Place place = {};  // ShowPlace: the place to put the session on
};

class AdminPanelState {
  public:
    enum class Mode { Closed, Pad, Panel, Test };
    // The words under the PIN dots (the ui has them in plain English).
    enum class Message { None, WrongPin, TooManyWrong };
    struct PadStatus {
        Message message = Message::None;
        bool locked = false;    // locked out (too many wrong PINs) for `seconds` more
        int wait = 0;           // whole seconds until a PIN is taken again (0 = now)
        bool checking = false;  // the PIN is being checked (a verify is running)
    };

    // Logs admin_disabled when the profile has no usable admin.pin_hash; otherwise loads the
    // guard from <state_dir>/admin-guard (admin_guard_restored, state_* when in trouble).
    AdminPanelState(const KioskConfig& config, double now, AdminEnv env);

    // False when the profile has no (usable) admin.pin_hash: the gesture does nothing.
    bool enabled() const { return enabled_; }
    Mode mode() const { return mode_; }
    bool visible() const { return mode_ != Mode::Closed; }
    // Counts the views opened (pad, panel, each test place): a new value means a new view.
    int view() const { return view_; }
    const std::string& profile() const { return profile_; }
    double uptime(double now) const { return now - start_; }

    // Feeds a press to the hidden corner gesture; true when it just opened the PIN pad (the
    // press is then no click). Does nothing while the pad or panel is already open.
    bool corner_tap(float x, float y, float width, float height, float px_per_mm, double now);
    // Closes pad, panel or test strip (session reset, cancel); logs admin_close when open.
    void close(const char* reason);

    // The pad. A PIN is at most 12 digits; more are ignored.
    void type_digit(char digit);
    void clear_entry();  // the "Clear" key: every digit
    void erase_digit();  // backspace: the last digit
    // Checks the PIN typed so far (nothing when none) through the guard, and saves the guard.
    // With a verifier the check runs elsewhere: the pad shows "checking" until poll() has it.
    // A PIN shorter than kMinPinDigits is a wrong PIN without a check.
    void submit(double now);
    // Takes the verifier's verdict when it is there (call every frame). A verdict that comes
    // after the pad was closed still counts a wrong PIN, but opens nothing.
    void poll(double now);
    bool checking() const { return checking_; }
    // The verifier submit() hands PINs to (not owned; nullptr = check at once).
    void set_verifier(PinVerifier* v) { verifier_ = v; }
    int entry_length() const { return static_cast<int>(entry_.size()); }
    PadStatus pad_status(double now) const;

    // The panel. Each logs its event and returns what the app must do.
    AdminRequest reload();
    AdminRequest exit_kiosk();
    // The next (`step` 1) or previous (-1) of `places` in the test strip, wrapping around; from
    // the panel the first (or the last). Nothing when there are no places.
    AdminRequest test_step(int step, const std::vector<Place>& places);
    // The strip's "Panel": back to the panel.
    void back_to_panel();
    // The place shown by the test strip (-1 = none).
    int test_index() const { return test_index_; }
    // Closes the test strip when it has nothing to show (`places` places exist now).
    void check_test(size_t places);

    // A key while the pad or panel is open: '0'..'9', '\n' (OK), '\b' (erase), 27 (cancel);
    // in the panel 'r' reloads, 't' tests screens, 'x' exits the kiosk, 27 closes. Nothing
    // (std::nullopt) when the key means nothing here.
    std::optional<AdminRequest> key(int ch, double now, const std::vector<Place>& places);

  private:
    void open(Mode m);
    void finish(bool correct, double now);
    double wall() const { return env_.wall_clock(); }

    KioskConfig::Admin cfg_;
    std::string profile_;
    AdminEnv env_;
    bool enabled_ = false;
    CornerGesture gesture_;
    PinGuard guard_;
    GuardFile guard_file_;  // the guard across restarts (<state.dir>/admin-guard)
    Mode mode_ = Mode::Closed;
    std::string entry_;  // digits typed so far (shown as dots, never logged)
    Message message_ = Message::None;
    PinVerifier* verifier_ = nullptr;
    bool checking_ = false;
    int check_view_ = -1;  // the pad (view) the running check was typed on
    // The guard could not be kept on disk at start (a read-only or missing state.dir): until it
    // can, or until this time (one lockout after start), the gesture opens nothing, so a
    // restart hands out no fresh guesses.
    double closed_until_ = -1e300;
    double start_;         // for the uptime
    int test_index_ = -1;  // place shown by "Test screens"
    int view_ = 0;
};

}  // namespace ww
