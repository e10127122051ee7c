// Draws the staff side: the PIN pad that the hidden corner gesture opens, the admin panel behind
// it (version, profile, content status, uptime, reload, test screens, exit) and the "test
// screens" strip, with the shared widgets (so every staff button is in UiState::items). The
// state machine (gesture, PIN, guard, messages, requests) is core/admin/admin_panel_state.h.
// Staff-only, so its words are plain English here, not in layouts/.
#pragma once
#include <string>
#include <vector>

#include "core/admin/admin_panel_state.h"
#include "core/base/clock.h"
#include "core/config/config.h"
#include "core/config/paths.h"
#include "core/stats/stats_report.h"

namespace ww {

class KioskApp;
struct DrawContext;
struct UiState;

class AdminPanel {
  public:
    // The state machine with the PIN guard in `paths.state_dir` ("" = memory only) dated by
    // `clock`; `paths.config` is the profile shown on the panel.
    AdminPanel(const KioskConfig& config, double now, const Paths& paths, const Clock& clock);

    AdminPanelState& state() { return state_; }
    const AdminPanelState& state() const { return state_; }
    bool visible() const { return state_.visible(); }
    // Draws whatever is open, over everything else (call inside the frame, after the kiosk), and
    // returns what a staff tap asked the app to do. `app` is only read.
    AdminRequest draw(DrawContext& c, const KioskApp& app, double now);

  private:
    AdminRequest draw_pad(DrawContext& c, double now);
    AdminRequest draw_panel(DrawContext& c, const KioskApp& app, double now);
    AdminRequest draw_test_strip(DrawContext& c, const KioskApp& app);
    void draw_usage(DrawContext& c, float w);
    void log_buttons(const UiState& ui, const char* event) const;

    AdminPanelState state_;
    std::string config_path_;
    int logged_view_ = 0;             // the view whose button positions are (being) logged
    int log_frames_ = 0;              // frames until they are logged (0 = done)
    std::vector<std::string> drawn_;  // ids of the staff buttons drawn this frame
    StatsFigures figures_;            // usage figures, fetched when the panel opens
    int figures_view_ = -1;           // the view they were fetched for
};

}  // namespace ww
