// KioskApp, part 1: the app's state and what changes it — content loads, sessions and resets,
// pointer and key input, timers, and the actions a tap asks for. Part 2 (app_frame.cpp) draws.
//
// [SECTION] construction and content
// [SECTION] input: press, move, release, key; staff requests
// [SECTION] timers: next wake-up, night, attract pacing
// [SECTION] actions: apply(), places, proof states
#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/base/log.h"
#include "core/schedule/schedule.h"
#include "core/session/languages.h"
#include "ui/widgets.h"

namespace ww {

namespace {

LifecycleTimes times_of(const KioskConfig& c) {
    return {static_cast<double>(c.session.idle_timeout),
            static_cast<double>(c.session.warning_seconds), c.attract.enabled};
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] construction and
// content

KioskApp::KioskApp(KioskConfig config, ContentLoad content, TextureSource& textures, FontSet& fonts,
                   double now, const Paths& paths, Clock clock)
    : config_(std::move(config)),
      clock_(std::move(clock)),
      textures_(textures),
      fonts_(fonts),
      admin_(config_, now, paths, clock_),
      lifecycle_(times_of(config_), now),
      touch_(0, static_cast<float>(config_.touch.inertia_decay)) {
    set_px_per_mm(px_per_mm_);  // the drag threshold in pixels
    read_aloud_.set_site(&config_.site);
    set_content(std::move(content));
    session_ = fresh_session(defaults());
    last_frame_ = now_ = now;
    log_event("start", {{"screen", session_.current().id},
                        {"profile", config_.profile},
                        {"content", out_of_order() ? "broken" : "ok"}});
}

SessionDefaults KioskApp::defaults() const {
    SessionDefaults d;
    if (content_) {
        d.home = content_->home;
        d.lang = start_language(*content_, config_.languages);
    }
    d.text_size = parse_text_size(config_.accessibility.text_size);
    d.theme = parse_theme(config_.accessibility.theme);
    d.speech_volume = config_.accessibility.speech_volume;
    return d;
}

void KioskApp::set_px_per_mm(float v) {
    px_per_mm_ = v;
    touch_.set_threshold(static_cast<float>(config_.touch.drag_threshold_mm) * v);
}

bool KioskApp::set_content(ContentLoad load) {
    problems_ = load.problems;
    for (auto& p : problems_) log_line("content: " + p.format());
    const bool taken = load.ok();
    if (taken) {
        const bool first = content_ == nullptr;
        content_ = load.content;
        log_event("content_reload",
                  {{"status", "ok"}, {"screens", std::to_string(content_->screens.size())}});
        // A visitor's place may have vanished with the new content: start them on home.
        if (!first) reset_session("content");
    } else {
        log_event("content_reload", {{"status", content_ ? "kept-last-good" : "out-of-order"},
                                     {"problems", std::to_string(problems_.size())}});
    }
    settle_frames_ = kSettleFrames;
    return taken;
}

void KioskApp::finish_session(const char* end) {
    std::optional<SessionRecord> r = tracker_.finish(session_, now_, end);
    if (r && hooks_.session_ended) hooks_.session_ended(std::move(*r));
}

StatsFigures KioskApp::usage_figures() const {
    return hooks_.usage_figures ? hooks_.usage_figures() : StatsFigures{};
}

void KioskApp::reset_session(const char* reason) {
    finish_session(reason);
    const bool speech_mode = session_.speech_mode;
    session_ = fresh_session(defaults());  // the profile's speech volume again, too
    read_aloud_.reset(session_);           // the next visitor does not hear the last one
    end_speech_mode_log(speech_mode);
    focus_.clear();
    ui_.set_focused("", false);
    double_tap_.reset();
    touch_.cancel();
    pending_ = {};
    shown_key_.clear();  // ImGui keeps window scroll across sessions: force it back to the top
    settle_frames_ = kSettleFrames;
    log_event("session_reset", {{"reason", reason}});
    // Staff leave with the visitor; a content reload (from the panel itself) keeps the panel.
    if (std::string(reason) != "content") admin_.state().close("session-reset");
}

// ---------------------------------------------------------------- [SECTION] input: press, move,
// release, key; staff requests

void KioskApp::press(float x, float y, double now) {
    now_ = input_at_ = now;
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
    read_aloud_.input();  // any tap silences read-aloud
    // The hidden admin gesture works on every screen, the attract loop included.
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    const bool admin_gesture = admin_.state().corner_tap(x, y, ds.x, ds.y, px_per_mm_, now);
    const LifecycleEvent e = lifecycle_.input(now);
    // Usage figures: a visitor's first touch starts the session; staff are no visitors.
    if (admin_gesture || admin_.visible())
        tracker_.discard();
    else
        start_tracking(now);
    if (e == LifecycleEvent::SessionStart) {
        // The touch that wakes the kiosk only starts a session; it is not a click.
        ++sessions_;
        swallow_ = true;
        log_event("session_start", {{"screen", session_.current().id}});
        return;
    }
    if (e == LifecycleEvent::Continued) log_event("idle_continue");
    swallow_ = admin_gesture;  // the tap that opened the PIN pad is not a click
    if (swallow_) {
        session_.access_panel = session_.language_panel =
            false;  // they would steal the pad's focus
        return;
    }
    ++session_.taps;
    touch_.press(x, y, now);
}

void KioskApp::start_tracking(double now) {
    if (!content_ || tracker_.running()) return;
    tracker_.touch(now, clock_.unix_time());
    tracker_.observe(session_, *content_);
}

void KioskApp::move(float x, float y, double now) {
    // A hover (mouse moved, no press) is no input: it would end the attract loop unlogged and
    // turn the next tap into a click.
    if (swallow_ || !touch_.down()) return;
    lifecycle_.input(now);
    touch_.move(x, y, now);
}

void KioskApp::release(float x, float y, double now) {
    input_at_ = now;
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
    if (swallow_) {
        swallow_ = false;
        return;
    }
    lifecycle_.input(now);
    const bool tap = touch_.down() && !touch_.dragging();
    touch_.release(x, y, now);
    // Speech mode: a tap is heard first and chosen with a second tap (ImGui never sees it).
    if (tap && session_.speech_mode && !admin_.visible()) speech_tap(x, y, now);
}

bool KioskApp::key(int ch, double now) {
    const std::optional<AdminRequest> r = admin_.state().key(ch, now, all_places());
    if (!r) return false;
    input_at_ = now;
    lifecycle_.input(now);
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
    carry_out(*r);
    return true;
}

void KioskApp::carry_out(const AdminRequest& r) {
    switch (r.kind) {
        case AdminRequest::None:
            return;
        case AdminRequest::Reload:
            if (hooks_.reload_content)
                hooks_.reload_content();
            else
                log_line("admin: this runner cannot reload content");
            break;
        case AdminRequest::Exit:
            request_exit();
            break;
        case AdminRequest::ShowPlace:
            show(r.place);
            break;
    }
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
}

// ---------------------------------------------------------------- [SECTION] timers: next wake-up,
// night, attract pacing

double KioskApp::next_wakeup(double now) const {
    if (settle_frames_ > 0) return now;
    if (admin_.state().checking()) return now + 0.02;  // a PIN check's verdict: look often
    if (admin_.visible()) return std::min(now + 0.5, lifecycle_.next_deadline());  // countdowns
    switch (lifecycle_.phase()) {
        case Phase::Attract:
            return attract_since_ + attract_timing().next_frame(now - attract_since_);
        case Phase::Warning:
            // Redraw when the shown number changes, and at the end.
            return std::min(lifecycle_.next_deadline(),
                            now + (lifecycle_.seconds_left(now) > 0
                                       ? std::fmod(lifecycle_.next_deadline() - now, 1.0) + 1e-3
                                       : 0.0));
        case Phase::Active:
            return lifecycle_.next_deadline();
    }
    return now + 1;
}

bool KioskApp::night() const {
    return is_night(config_.night, clock_.local_minutes());
}

bool KioskApp::screen_dark() const {
    return ww::screen_dark(night(), phase());
}

AttractTiming KioskApp::attract_timing() const {
    // At night the loop is dimmed and slower still.
    return {static_cast<double>(config_.attract.seconds_per_message),
            night() ? 2 : config_.attract.fps};
}

// ---------------------------------------------------------------- [SECTION] actions: apply(),
// places, proof states

void KioskApp::log_place() const {
    const Place& p = session_.current();
    log_visit("navigate", {{p.kind_name(), p.id}});
}

void KioskApp::log_visit(const std::string& event,
                         std::initializer_list<std::pair<const char*, std::string>> fields) const {
    if (log_visits_) log_event(event, fields);
}

void KioskApp::HookVoice::say(const std::string& text, const std::string& lang, int volume) {
    if (hooks_.speak) hooks_.speak(text, lang, volume);
}

void KioskApp::HookVoice::stop() {
    if (hooks_.stop_speech) hooks_.stop_speech();
}

void KioskApp::apply(const Action& a) {
    if (!content_) return;
    const Place before = session_.current();
    switch (a.kind) {
        case Action::None:
            return;
        case Action::Open:
            if (content_->screen(a.arg)) open_screen(session_, a.arg);
            break;
        case Action::StartGuide:
            start_guide(session_, content_->guide);
            break;
        case Action::Answer:
            answer(session_, content_->guide, a.arg);
            if (session_.current().kind == PlaceKind::Result)
                log_visit("guide_result", {{"result", session_.current().id}});
            break;
        case Action::Back:
            go_back(session_);
            break;
        case Action::Home:
            go_home(session_, content_->home);
            break;
        case Action::SetLang:
            if (std::find(content_->languages.begin(), content_->languages.end(), a.arg) !=
                content_->languages.end())
                session_.lang = a.arg;
            session_.language_panel = false;
            log_visit("language", {{"lang", session_.lang}});
            read_aloud_.place_shown(session_, content_.get());
            break;
        case Action::SetTextSize:
            session_.text_size = parse_text_size(a.arg);
            break;
        case Action::SetTheme:
            session_.theme = parse_theme(a.arg);
            break;
        case Action::ToggleReach:
            session_.reach_mode = !session_.reach_mode;
            break;
        case Action::ToggleAccessPanel:
            session_.access_panel = !session_.access_panel;
            session_.language_panel = false;
            break;
        case Action::ToggleLanguagePanel:
            session_.language_panel = !session_.language_panel;
            session_.access_panel = false;
            break;
        case Action::ClosePanels:
            session_.access_panel = session_.language_panel = false;
            break;
        case Action::Continue:
            break;               // the tap itself already continued the session
        case Action::ReadAloud:  // on, and (again) from the top: tapping it twice repeats
            read_aloud_.turn_on(session_, content_.get());
            log_visit("speech", {{"state", "on"}});
            break;
        case Action::StopReading: {
            const bool speech_mode = session_.speech_mode;
            read_aloud_.turn_off(session_);
            log_visit("speech", {{"state", "off"}});
            end_speech_mode_log(speech_mode);
            break;
        }
        case Action::VolumeUp:
            change_volume(+10);
            break;
        case Action::VolumeDown:
            change_volume(-10);
            break;
    }
    if (!(session_.current() == before)) {
        place_input_ = input_at_;
        session_.access_panel = session_.language_panel = false;
        log_place();
        read_aloud_.place_shown(session_, content_.get());
    }
    tracker_.observe(session_, *content_);
    settle_frames_ = std::max(settle_frames_, kSettleFrames);
}

std::optional<double> KioskApp::take_shown_input() {
    if (shown_input_ < 0) return std::nullopt;
    const double t = shown_input_;
    shown_input_ = -1;
    return t;
}

std::vector<Place> KioskApp::all_places() const {
    return content_ ? ww::all_places(*content_) : std::vector<Place>{};
}

std::vector<std::pair<std::string, Action>> KioskApp::proof_states() const {
    return {{"accessibility", {Action::ToggleAccessPanel}},
            {"language", {Action::ToggleLanguagePanel}},
            {"reach", {Action::ToggleReach}}};
}

void KioskApp::show(const Place& p) {
    if (!content_) return;
    const Session keep = session_;
    session_ = fresh_session(defaults());
    session_.lang = keep.lang;
    session_.text_size = keep.text_size;
    session_.theme = keep.theme;
    session_.reach_mode = keep.reach_mode;
    shown_key_.clear();
    focus_.clear();
    walk_to(session_, *content_, p);
}

}  // namespace ww
