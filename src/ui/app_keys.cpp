// KioskApp, part 3: without sight (EN 301 549 5.1.3, 5.1.6) — navigation keys, speech mode, the
// focus and its ring, speech mode's taps (one hears, two choose) and the speech volume. What is
// said is core/access/speech, when core/access/read_aloud; the focus order core/access/focus.
#include <imgui.h>

#include <algorithm>

#include "core/base/log.h"
#include "ui/app.h"
#include "ui/widgets.h"

namespace ww {

std::string KioskApp::focus_context() const {
    std::string k = content_ ? session_.current().key() : "out-of-order";
    if (lifecycle_.phase() == Phase::Warning) return k + "|warning";
    if (session_.access_panel) return k + "|access";
    if (session_.language_panel) return k + "|language";
    return k;
}

void KioskApp::start_speech_mode(const char* by) {
    if (read_aloud_.start_mode(session_, content_.get()))
        log_visit("speech_mode", {{"state", "on"}, {"by", by}});
}

void KioskApp::end_speech_mode_log(bool was_on) {
    if (was_on && !session_.speech_mode) log_visit("speech_mode", {{"state", "off"}});
}

void KioskApp::announce_focus() {
    const FocusTarget* f = focus_.focused();
    if (!f) return;
    focus_scroll_ = true;
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
    log_visit("focus", {{"item", f->id.substr(2)}});
    read_aloud_.item_focused(session_, content_.get(), f->label, f->role, f->selected);
}

void KioskApp::change_volume(int delta) {
    session_.speech_volume = std::clamp(session_.speech_volume + delta, 10, 100);
    log_visit("volume", {{"level", std::to_string(session_.speech_volume)}});
    read_aloud_.volume_changed(session_, content_.get());
}

bool KioskApp::nav_key(NavKey k, double now) {
    if (admin_.visible() || !content_) return false;
    if (!key_bounce_.accept(static_cast<int>(k), now)) return true;  // a bounce, not a press
    now_ = input_at_ = now;
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
    read_aloud_.input();  // any key silences speech (EN 301 549 5.1.3.5)
    const LifecycleEvent e = lifecycle_.input(now);
    start_tracking(now);
    if (e == LifecycleEvent::SessionStart) {
        // As a touch: the key that wakes the kiosk only starts a session, and the attract loop
        // stays silent (5.1.3.10).
        ++sessions_;
        log_event("session_start", {{"screen", session_.current().id}});
        return true;
    }
    if (e == LifecycleEvent::Continued) log_event("idle_continue");
    if (!session_.speech_mode) {  // the first key: where am I, what can I do, how do I get help
        start_speech_mode("key");
        return true;
    }
    switch (k) {
        case NavKey::Next:
            if (focus_.next()) announce_focus();
            break;
        case NavKey::Prev:
            if (focus_.prev()) announce_focus();
            break;
        case NavKey::Activate:
            if (const FocusTarget* f = focus_.focused()) ui_.activate = f->id;
            break;
        case NavKey::Back:
            // An open panel closes first, as its Close button would.
            if (session_.access_panel || session_.language_panel)
                apply({Action::ClosePanels});
            else
                apply({Action::Back});
            break;
        case NavKey::Home:  // from the top, also when already home
            focus_.clear();
            apply({Action::Home});
            break;
        case NavKey::Help:
            read_aloud_.help(session_, content_.get());
            break;
        case NavKey::Repeat:
            read_aloud_.repeat(session_, content_.get());
            break;
        case NavKey::VolumeUp:
            change_volume(+10);
            break;
        case NavKey::VolumeDown:
            change_volume(-10);
            break;
    }
    return true;
}

void KioskApp::speech_tap(float x, float y, double now) {
    // The focusable item under the finger on the last frame (its visible part only).
    std::string hit;
    const auto& shown = ui_.items;
    for (auto& f : focus_.items()) {
        auto it = shown.find(f.id);
        if (it == shown.end()) continue;
        const ItemRect& r = it->second;
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) hit = f.id;
    }
    if (double_tap_.tap(hit, now)) {
        ui_.activate = hit;
    } else if (!hit.empty() && focus_.focus(hit)) {
        announce_focus();
    }
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
}

}  // namespace ww
