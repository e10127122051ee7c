// The kiosk as the visitor sees it: draws the current place with ImGui from content, turns taps
// into navigation, and runs the lifecycle (warning, reset, attract). Knows nothing of GLFW or
// GL: the real window and the headless test runner drive it the same way.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access/focus.h"
#include "core/access/place_texts.h"
#include "core/access/read_aloud.h"
#include "core/base/clock.h"
#include "core/config/config.h"
#include "core/config/paths.h"
#include "core/content/content.h"
#include "core/lifecycle/attract.h"
#include "core/lifecycle/lifecycle.h"
#include "core/session/session.h"
#include "core/stats/stats_report.h"
#include "core/touch/touch.h"
#include "ui/admin_panel.h"
#include "ui/fonts.h"
#include "ui/textures.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ww {

// Frames drawn after any change (a tap, a key, a new place, a panel) before the app lets the
// runner sleep. ImGui sizes auto-resizing windows and scroll limits from the frame before, so a
// new view takes two frames to sit still; the third draws it settled, and --log-items and the
// staff buttons' log report the items of that one.
constexpr int kSettleFrames = 3;

// What a tap asked for; applied after the frame so a frame never draws half of two places.
struct Action {
    enum Kind {
        None,
        Open,
        StartGuide,
        Answer,
        Back,
        Home,
        SetLang,
        SetTextSize,
        SetTheme,
        ToggleReach,
        ToggleAccessPanel,
        ToggleLanguagePanel,
        ClosePanels,
        Continue,
        ReadAloud,
        StopReading,
        VolumeUp,
        VolumeDown
    } kind = None;         // ReadAloud: speech on, (re)read this place
    std::string arg = {};  // screen id, answer value, language ... (empty for the others)
};

// A visitor's navigation key (EN 301 549 5.1.6: the kiosk works without sight, by keyboard).
// Tab/Down/Right: Next; Shift+Tab/Up/Left: Prev; Enter/Space: Activate; Backspace: Back;
// Home: Home; F1 or "?": Help; R: Repeat; + and -: volume.
enum class NavKey { Next, Prev, Activate, Back, Home, Help, Repeat, VolumeUp, VolumeDown };

struct AppHooks {
    // Rebuild the font atlas (and its texture) for a text size and the glyphs of a content
    // snapshot (null when out of order); called between frames, never inside one.
    std::function<void(TextSize, std::shared_ptr<const Content>)> rebuild_fonts;
    // Read aloud (EN 301 549 5.1.3): say `text` in `lang` at `volume` 0..100, replacing what is
    // being said; and stop. Both must return at once. Unset = no speech.
    std::function<void(const std::string& text, const std::string& lang, int volume)> speak;
    std::function<void()> stop_speech;
    // Reload layouts/ (the admin panel's "Reload content"): ask the runner; the new load
    // arrives through set_content. Unset = the admin panel cannot reload.
    std::function<void()> reload_content;
    // True while read-aloud is still talking: a visitor who listens is not idle. Unset = never.
    std::function<bool()> speaking;
    // Usage figures: a finished visitor session (must return at once: it only queues the
    // record); the figures of the last days for the admin panel (a cached copy, no query).
    // Unset = nothing recorded/shown.
    std::function<void(SessionRecord)> session_ended;
    std::function<StatsFigures()> usage_figures;
    // A staff-only word about content updates for the admin panel ("" = nothing to say), e.g.
    // that the shown version's freshest signature has expired. Unset = nothing.
    std::function<std::string()> update_warning;
};

class KioskApp {
  public:
    // `paths`: the state folder (the PIN guard; "" = memory only) and the profile shown to staff.
    // `clock`: the wall clock of the night hours, the usage figures' hours and the PIN guard.
    KioskApp(KioskConfig config, ContentLoad content, TextureSource& textures, FontSet& fonts,
             double now, const Paths& paths = {}, Clock clock = {});

    // Pointer input in window pixels, with the caller's clock in seconds.
    void press(float x, float y, double now);
    void move(float x, float y, double now);
    void release(float x, float y, double now);
    // A key (digit, '\n', '\b', 27, 'r', 't', 'x'): only the open admin PIN pad and panel take
    // keys. Returns false when ignored (visitors' keys do nothing).
    bool key(int ch, double now);
    bool admin_visible() const { return admin_.visible(); }
    const AdminPanelState& admin_state() const { return admin_.state(); }
    // A navigation key (app_keys.cpp). The first one starts speech mode (read-aloud on, where
    // the visitor is, what they can do, how to get help); then the keys move the focus (its
    // label and kind spoken), choose, go back or home, repeat the help, change the volume. Any
    // key silences speech and counts as input (the idle warning continues; the attract loop
    // only wakes). False when ignored: the staff pad or panel is open (they take key()) or the
    // kiosk is out of order.
    bool nav_key(NavKey k, double now);
    // A key that does nothing (Escape, F11 ...) still silences speech (EN 301 549 5.1.3.5).
    void silence() { read_aloud_.input(); }
    // Keyboard / speech-mode focus: the focusable items of the last frame and the focused one.
    const Focus& focus() const { return focus_; }
    // The widgets' state of the last frame: its tappable items (ui().items), focus and caches.
    const UiState& ui() const { return ui_; }
    // Seconds a finger must rest still to start speech mode (or, in it, to hear the help).
    static constexpr double kHoldSeconds = 3.0;

    // One frame: NewFrame, draw, Render. The caller has set io.DisplaySize and the font atlas.
    // Returns true while more frames are needed soon (input queued, drag, animation, settling).
    bool frame(double now);
    // When the next frame is due even without input (absolute time; large when never).
    double next_wakeup(double now) const;

    // A new content load: taken when it has no problems; otherwise the last good content stays
    // (or, with none yet, the out-of-order screen) and the problems are kept for the admin.
    // Returns true when the load was taken. Fonts follow before the next frame is drawn.
    bool set_content(ContentLoad load);
    bool out_of_order() const { return content_ == nullptr; }
    const Problems& content_problems() const { return problems_; }

    Session& session() { return session_; }
    const Session& session() const { return session_; }
    const Content* content() const { return content_.get(); }
    // The snapshot itself, for whatever must outlive a reload (fonts, speech, stats).
    const std::shared_ptr<const Content>& snapshot() const { return content_; }
    const KioskConfig& config() const { return config_; }
    Phase phase() const { return lifecycle_.phase(); }
    // The colour to clear each frame with: the visitor's theme's background, which the place is
    // drawn on.
    Rgb background() const { return palette(session_.theme).background; }
    // The profile's night hours, on the app's clock; and whether the screen should be dark now.
    bool night() const;
    bool screen_dark() const;
    void apply(const Action& a);
    // Every place a visitor can be: screens, questions, results (for --proof and tests).
    std::vector<Place> all_places() const;
    // Puts the session on `p` with a history that makes Back meaningful (for --proof).
    void show(const Place& p);
    void set_hooks(AppHooks h) { hooks_ = std::move(h); }
    // Pixels per millimetre of the display: sizes touch targets and the drag threshold.
    void set_px_per_mm(float v);
    // Log `event=items` with every tappable item once the screen has settled (test automation).
    void set_log_items(bool on) { log_items_ = on; }
    // That line for the frame just drawn, once; the window logs it after the frame is shown, so
    // a test that waits for it can tap and take a screenshot of that very frame.
    std::string take_items_line() { return std::exchange(items_line_, {}); }
    // Checks staff PINs off the frame loop (platform/admin/pin_verifier.h; not owned, outlives the
    // app). Without one a PIN is checked in the frame (tests on a fake clock).
    void set_pin_verifier(PinVerifier* v) { admin_.state().set_verifier(v); }
    // Log a visitor's places and choices (navigate, guide_result, language, speech, focus,
    // volume): --log-visits, for tests and bench. Off, the log holds lifecycle events only.
    void set_log_visits(bool on) { log_visits_ = on; }
    float px_per_mm() const { return px_per_mm_; }
    int sessions_started() const { return sessions_; }
    // Starts a fresh session with the profile's defaults (what a reset does).
    void reset_session(const char* reason);
    // Hands the visitor session that runs (if any) to the session_ended hook (`end`: idle,
    // content, exit); reset_session does this too.
    void finish_session(const char* end);
    // The admin panel's figures (empty when the usage_figures hook is unset).
    StatsFigures usage_figures() const;
    // The admin panel's word about content updates ("" when the hook is unset or all is well).
    std::string update_warning() const {
        return hooks_.update_warning ? hooks_.update_warning() : std::string();
    }
    // Sets the update_warning hook alone (the updater starts after the other hooks are set).
    void set_update_warning(std::function<std::string()> f) {
        hooks_.update_warning = std::move(f);
    }
    // Overlay states worth a proof picture: name -> the action that opens it.
    std::vector<std::pair<std::string, Action>> proof_states() const;
    void request_exit() { exit_requested_ = true; }
    bool exit_requested() const { return exit_requested_; }
    // A visitor's session runs, or staff have the admin panel open: no moment to restart.
    bool in_use() const { return tracker_.running() || admin_visible(); }
    // Tap latency (tests/bench.sh): a tap or key asked for a new place that no frame has drawn
    // yet (the runner draws it at once); and, once per such place, the caller's time of that
    // input after the frame that drew it (take clears it).
    bool place_due() const { return place_input_ >= 0; }
    std::optional<double> take_shown_input();

  private:
    SessionDefaults defaults() const;
    // What the staff asked for (reload, exit, show a place), carried out between frames.
    void carry_out(const AdminRequest& r);
    // The header of this frame: the "you are here" trail and the height it needs.
    struct Header {
        std::string trail;
        float height = 0;
    };
    Header layout_header(const Metrics& m) const;
    void draw_header(const Metrics& m, const Header& header);
    std::string trail() const;
    void draw_place(const Metrics& m);
    void draw_overlays(const Metrics& m, double now);
    void log_place() const;
    // A visitor's place or choice: logged only with --log-visits (set_log_visits).
    void log_visit(const std::string& event,
                   std::initializer_list<std::pair<const char*, std::string>> fields) const;
    // A visitor's first input starts the usage record of the session (staff are no visitors).
    void start_tracking(double now);
    // Speech mode and the focus (app_keys.cpp).
    void start_speech_mode(const char* by);
    void end_speech_mode_log(bool was_on);
    void announce_focus();
    void speech_tap(float x, float y, double now);
    void change_volume(int delta);
    std::string focus_context() const;
    AttractTiming attract_timing() const;

    // Read-aloud's voice: the speak and stop_speech hooks (quiet while they are unset).
    class HookVoice : public Voice {
      public:
        explicit HookVoice(const AppHooks& hooks) : hooks_(hooks) {}
        void say(const std::string& text, const std::string& lang, int volume) override;
        void stop() override;

      private:
        const AppHooks& hooks_;
    };

    KioskConfig config_;
    Clock clock_;
    std::shared_ptr<const Content> content_;
    Problems problems_;
    TextureSource& textures_;
    FontSet& fonts_;
    AppHooks hooks_;
    HookVoice voice_{hooks_};
    ReadAloud read_aloud_{voice_};  // when to speak; on/off is the session's
    AdminPanel admin_;  // staff PIN pad and panel; not visitor state, closed by a session reset
    Session session_;
    SessionTracker tracker_;  // the usage figures of the visitor session
    Lifecycle lifecycle_;
    TouchInput touch_;
    UiState ui_;                   // what the widgets keep between calls: this kiosk's only
    Focus focus_;                  // keyboard / speech-mode focus on the last frame's items
    bool focus_scroll_ = false;    // bring the focused item into view on the next frame
    DoubleTap double_tap_;         // speech mode: one tap hears, two choose
    PlaceTextsCache place_texts_;  // advice, summary and hard words of the place shown
    KeyBounce key_bounce_{config_.accessibility.key_bounce_ms / 1000.0};  // EN 301 549 5.8
    Action pending_;
    float px_per_mm_ = kAssumedPxPerMm;
    int settle_frames_ = kSettleFrames;
    int sessions_ = 1;
    double last_frame_ = -1;
    double now_ = 0;           // the caller's clock at the latest input or frame
    double input_at_ = -1;     // the caller's clock at the latest press, release or key
    double place_input_ = -1;  // the input that asked for a new place not yet drawn
    double shown_input_ = -1;  // ... and once the frame that draws it has run
    double attract_since_ = 0;
    bool exit_requested_ = false;
    bool log_items_ = false;
    std::string items_line_;  // event=items ... of the settled frame, until the window logs it
    bool log_visits_ = false;
    bool swallow_ = false;    // the current press woke the kiosk: not a click
    std::string shown_key_;   // place drawn last frame (to restore its scroll)
    int applied_theme_ = -1;  // style applied for this theme and text size
    float applied_body_ = 0;
};

}  // namespace ww
