// The staff side of the kiosk: the PIN pad that the hidden corner gesture opens, the admin panel
// behind it (version, profile, content status, uptime, reload, test screens, exit) and the
// "test screens" strip. Staff-only, so its words are plain English here, not in layouts/.
// The rules (gesture, PIN hash, delays, lockout) live in core/admin.h, their memory across
// restarts in core/admin_state.h.
#pragma once
#include <map>
#include <string>

#include "core/config/config.h"
#include "core/kiosk/admin.h"
#include "core/kiosk/admin_state.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ww {

class KioskApp;

class AdminPanel {
  public:
    AdminPanel(const KioskConfig& config, double now);

    // False when the profile has no (usable) admin.pin_hash: the gesture does nothing.
    bool enabled() const { return enabled_; }
    // Feeds a press to the hidden corner gesture; true when it just opened the PIN pad (the
    // press is then no click). Does nothing while the pad or panel is already open.
    bool corner_tap(float x, float y, float width, float height, float px_per_mm, double now);
    bool visible() const { return mode_ != Mode::Closed; }
    bool panel_open() const { return mode_ == Mode::Panel; }
    bool pad_open() const { return mode_ == Mode::Pad; }
    // Closes pad, panel or test strip (session reset, cancel); logs admin_close when open.
    void close(const char* reason);
    // A key while the pad or panel is open: '0'..'9', '\n' (OK), '\b' (clear), 27 (cancel);
    // 'x' exits the kiosk from the open panel. Returns false when the key means nothing here.
    bool key(KioskApp& app, int ch, double now);
    void set_config_path(std::string path) { config_path_ = std::move(path); }
    // Draws whatever is open, over everything else. Call inside the frame, after the kiosk.
    void draw(KioskApp& app, const Metrics& m, const FontSet& fonts, double now);

  private:
    enum class Mode { Closed, Pad, Panel, Test };
    void submit(double now);
    void open_panel();
    void reload(KioskApp& app);
    void test_next(KioskApp& app, int step);
    void exit_kiosk(KioskApp& app);
    void draw_pad(const Metrics& m, const FontSet& fonts, double now);
    void draw_panel(KioskApp& app, const Metrics& m, const FontSet& fonts, double now);
    void draw_test_strip(KioskApp& app, const Metrics& m, const FontSet& fonts);
    // A plain staff button; records its centre for the admin_pad / admin_panel log line.
    bool button(const char* id, const std::string& label, float w, float h, ImFont* font,
                bool danger = false);
    void log_buttons(const char* event);

    KioskConfig::Admin cfg_;
    std::string profile_;
    std::string config_path_;
    bool enabled_ = false;
    CornerGesture gesture_;
    PinGuard guard_;
    GuardFile guard_file_;  // the guard across restarts (<state.dir>/admin-guard)
    Mode mode_ = Mode::Closed;
    std::string entry_;    // digits typed so far (shown as dots)
    std::string message_;  // under the dots: "Wrong PIN", ...
    double start_;         // for the uptime
    int test_index_ = -1;  // place shown by "Test screens"
    int log_frames_ = 0;   // frames until the button positions are logged (0 = done)
    std::map<std::string, ImVec2> buttons_;
};

}  // namespace ww
