#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>

#include "core/base/log.h"
#include "core/kiosk/languages.h"
#include "core/kiosk/schedule.h"
#include "ui/draw_context.h"
#include "ui/overlays.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ww {

namespace {

constexpr ImGuiWindowFlags kFull = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;

LifecycleTimes times_of(const KioskConfig& c) {
    return {static_cast<double>(c.session.idle_timeout),
            static_cast<double>(c.session.warning_seconds), c.attract.enabled};
}

}  // namespace

KioskApp::KioskApp(KioskConfig config, ContentLoad content, TextureSource& textures, FontSet& fonts,
                   double now)
    : config_(std::move(config)),
      textures_(textures),
      fonts_(fonts),
      admin_(config_, now),
      lifecycle_(times_of(config_), now),
      touch_(0, static_cast<float>(config_.touch.inertia_decay)) {
    set_px_per_mm(px_per_mm_);  // the drag threshold in pixels
    set_content(std::move(content));
    session_ = fresh_session(defaults());
    last_frame_ = now;
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
    settle_frames_ = 3;
    return taken;
}

void KioskApp::reset_session(const char* reason) {
    session_ = fresh_session(defaults());
    read_aloud_.reset(session_);  // the next visitor does not hear the last one
    touch_.cancel();
    pending_ = {};
    shown_key_.clear();  // ImGui keeps window scroll across sessions: force it back to the top
    settle_frames_ = 3;
    log_event("session_reset", {{"reason", reason}});
    // Staff leave with the visitor; a content reload (from the panel itself) keeps the panel.
    if (std::string(reason) != "content") admin_.state().close("session-reset");
}

void KioskApp::press(float x, float y, double now) {
    settle_frames_ = std::max(settle_frames_, 3);
    read_aloud_.input();  // any tap silences read-aloud
    // The hidden admin gesture works on every screen, the attract loop included.
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    const bool admin_gesture = admin_.state().corner_tap(x, y, ds.x, ds.y, px_per_mm_, now);
    const LifecycleEvent e = lifecycle_.input(now);
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

void KioskApp::move(float x, float y, double now) {
    // A hover (mouse moved, no press) is no input: it would end the attract loop unlogged and
    // turn the next tap into a click.
    if (swallow_ || !touch_.down()) return;
    lifecycle_.input(now);
    touch_.move(x, y, now);
}

void KioskApp::release(float x, float y, double now) {
    settle_frames_ = std::max(settle_frames_, 3);
    if (swallow_) {
        swallow_ = false;
        return;
    }
    lifecycle_.input(now);
    touch_.release(x, y, now);
}

bool KioskApp::key(int ch, double now) {
    const std::optional<AdminRequest> r = admin_.state().key(ch, now, all_places());
    if (!r) return false;
    lifecycle_.input(now);
    settle_frames_ = std::max(settle_frames_, 3);
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
    settle_frames_ = std::max(settle_frames_, 3);
}

double KioskApp::next_wakeup(double now) const {
    if (settle_frames_ > 0) return now;
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
    return is_night(config_.night,
                    hooks_.local_minutes ? hooks_.local_minutes() : local_minutes_now());
}

AttractTiming KioskApp::attract_timing() const {
    // At night the loop is dimmed and slower still.
    return {static_cast<double>(config_.attract.seconds_per_message),
            night() ? 2 : config_.attract.fps};
}

void KioskApp::log_place() const {
    const Place& p = session_.current();
    log_event("navigate", {{p.kind_name(), p.id}});
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
                log_event("guide_result", {{"result", session_.current().id}});
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
            log_event("language", {{"lang", session_.lang}});
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
            log_event("speech", {{"state", "on"}});
            break;
        case Action::StopReading:
            read_aloud_.turn_off(session_);
            log_event("speech", {{"state", "off"}});
            break;
    }
    if (!(session_.current() == before)) {
        session_.access_panel = session_.language_panel = false;
        log_place();
        read_aloud_.place_shown(session_, content_.get());
    }
    settle_frames_ = std::max(settle_frames_, 3);
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
    walk_to(session_, *content_, p);
}

std::string KioskApp::trail() const {
    // "You are here": the last places of the history, so a visitor always knows where they are.
    std::string t = content_->word("where", session_.lang) + ": ";
    const size_t from = session_.history.size() > 3 ? session_.history.size() - 3 : 0;
    if (from > 0) t += "… › ";
    for (size_t i = from; i < session_.history.size(); ++i)
        t += (i > from ? " › " : "") + place_title(*content_, session_.history[i], session_.lang);
    return t;
}

KioskApp::Header KioskApp::layout_header(const Metrics& m) const {
    Header h;
    h.trail = trail();
    const float trail_h = fonts_.small
                              ->CalcTextSizeA(fonts_.small->FontSize, FLT_MAX, m.width - 2 * m.pad,
                                              h.trail.c_str(), h.trail.c_str() + h.trail.size())
                              .y;
    h.height = m.target + m.gap * 1.5f + trail_h;
    return h;
}

void KioskApp::draw_header(const Metrics& m, const Header& header) {
    const Palette& pal = palette(session_.theme);
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float row = m.target;
    const float h = header.height;
    dl->AddRectFilled(origin, {origin.x + m.width, origin.y + h}, u32(pal.header_bg));
    ImGui::SetCursorScreenPos({origin.x + m.pad, origin.y + m.gap * 0.5f});
    auto label_width = [&](const std::string& s) {
        return std::max(m.target * 1.4f,
                        fonts_.bold->CalcTextSizeA(fonts_.bold->FontSize, FLT_MAX, 0, s.c_str()).x +
                            fonts_.bold->FontSize * 3.2f);
    };
    const std::string& home = c.word("home");
    const std::string& back = c.word("back");
    const std::string& lang = c.word("language");
    const std::string& access = c.word("accessibility");
    const bool at_home = session_.history.size() == 1;
    float wh = label_width(home), wb = label_width(back), wl = label_width(lang),
          wa = label_width(access);
    // On a narrow screen the four buttons share the row evenly.
    const float avail = m.width - 2 * m.pad - 3 * m.gap;
    if (wh + wb + wl + wa > avail) wh = wb = wl = wa = avail / 4;
    if (big_button(c, "##home", home, wh, row, ButtonStyle::Header, "home"))
        c.request(Action::Home);
    ImGui::SameLine(0, m.gap);
    // On home there is nowhere to go back to: the place stays, the button does not.
    if (at_home)
        ImGui::Dummy({wb, row});
    else if (big_button(c, "##back", back, wb, row, ButtonStyle::Header, "back"))
        c.request(Action::Back);
    ImGui::SameLine(m.width - m.pad - wl - wa - m.gap - origin.x);
    if (big_button(c, "##language", lang, wl, row, ButtonStyle::Header, "lang"))
        c.request(Action::ToggleLanguagePanel);
    ImGui::SameLine(0, m.gap);
    if (big_button(c, "##access", access, wa, row, ButtonStyle::Header, "access"))
        c.request(Action::ToggleAccessPanel);
    ImGui::SetCursorScreenPos({origin.x + m.pad, origin.y + row + m.gap});
    text_block(header.trail, fonts_.small, u32(pal.header_text), m.width - 2 * m.pad);
    ImGui::SetCursorScreenPos({origin.x, origin.y + h});
    ImGui::Dummy({m.width, 0});
}

void KioskApp::draw_place(const Metrics& m) {
    const Palette& pal = palette(session_.theme);
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_};
    const Place& p = session_.current();
    const float width = m.content_width;
    ImGui::SetCursorPosX((m.width - width) / 2);
    ImGui::BeginGroup();
    ImGui::Dummy({width, m.pad * 0.5f});
    switch (p.kind) {
        case PlaceKind::Screen:
            if (auto s = content_->screen(p.id)) draw_screen(c, *s, width);
            break;
        case PlaceKind::Question:
            if (auto q = content_->guide.question(p.id)) draw_question(c, *q, width);
            break;
        case PlaceKind::Result:
            if (auto r = content_->guide.result(p.id)) draw_result(c, *r, width);
            break;
    }
    ImGui::Dummy({width, m.pad * 2});
    ImGui::EndGroup();
}

void KioskApp::draw_overlays(const Metrics& m, double now) {
    const Palette& pal = palette(session_.theme);
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_};
    if (session_.access_panel) draw_access_panel(c);
    if (session_.language_panel)
        draw_language_panel(c, offered_languages(*content_, config_.languages));
    if (lifecycle_.phase() == Phase::Warning) draw_idle_warning(c, lifecycle_.seconds_left(now));
}

bool KioskApp::frame(double now) {
    // Listening is not idling: hold the idle timer while read-aloud talks (pages take up to
    // two and a half minutes to read; the warning would cut them off).
    if (read_aloud_.holds_idle(session_, lifecycle_.phase(), hooks_.speaking && hooks_.speaking()))
        lifecycle_.input(now);
    switch (lifecycle_.update(now)) {
        case LifecycleEvent::WarningStarted:
            log_event("idle_warning",
                      {{"seconds", std::to_string(config_.session.warning_seconds)}});
            read_aloud_.warning_started(session_, content_.get(), config_.session.warning_seconds);
            settle_frames_ = 3;
            break;
        case LifecycleEvent::Reset:
            reset_session("idle");
            if (lifecycle_.phase() == Phase::Attract) {
                attract_since_ = now;
                log_event("attract");
            }
            break;
        default:
            break;
    }
    // The atlas follows the visitor's text size and the content snapshot (new text, new glyphs).
    if ((fonts_.size != session_.text_size || fonts_.content != content_) && hooks_.rebuild_fonts)
        hooks_.rebuild_fonts(session_.text_size, content_);

    ImGuiIO& io = ImGui::GetIO();
    const PointerFrame pf = touch_.frame(now);
    io.MousePos = {pf.x, pf.y};
    io.MouseDown[0] = pf.down;
    io.DeltaTime = static_cast<float>(std::clamp(now - last_frame_, 1e-4, 0.25));
    last_frame_ = now;

    const Metrics m =
        compute_metrics(io.DisplaySize.x, io.DisplaySize.y, px_per_mm_,
                        static_cast<float>(config_.display.min_target_mm), fonts_.body_px);
    const Palette& pal = palette(session_.theme);
    if (applied_theme_ != static_cast<int>(session_.theme) || applied_body_ != fonts_.body_px) {
        apply_theme(pal, fonts_.body_px);
        applied_theme_ = static_cast<int>(session_.theme);
        applied_body_ = fonts_.body_px;
    }

    ImGui::NewFrame();
    clear_visible_items();
    ImGui::PushFont(fonts_.body);
    if (!content_) {
        draw_out_of_order(m, pal, fonts_.heading, config_.out_of_order.in(defaults().lang));
    } else if (lifecycle_.phase() == Phase::Attract) {
        const double t = now - attract_since_;
        DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_};
        draw_attract(c, t, night() ? static_cast<float>(config_.night.dim) : 1.0f,
                     attract_timing());
    } else {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({m.width, m.height});
        ImGui::Begin("##kiosk", nullptr, kFull);
        const bool low = session_.reach_mode;
        const Header header = layout_header(m);  // once a frame: the trail is built and measured
        const float header_h = header.height;
        // Reach mode: the header goes to the bottom and the content starts a third down.
        const float top = low ? m.height * 0.3f : header_h;
        const float bottom = low ? m.height - header_h : m.height;
        if (!low)
            draw_header(m, header);
        else {
            const std::string title = place_title(*content_, session_.current(), session_.lang);
            ImGui::SetCursorPos({m.pad, m.pad});
            text_block(title, fonts_.title, u32(pal.muted), m.width - 2 * m.pad);
        }
        ImGui::SetCursorPos({0, top});
        const std::string key = session_.current().key();
        ImGui::BeginChild(("##content-" + key).c_str(), {m.width, bottom - top}, false,
                          ImGuiWindowFlags_NoNav);
        if (key != shown_key_) {
            auto it = session_.scroll.find(key);
            ImGui::SetScrollY(it == session_.scroll.end() ? 0 : it->second);
            shown_key_ = key;
        }
        if (pf.scroll_dy != 0)
            ImGui::SetScrollY(
                std::clamp(ImGui::GetScrollY() + pf.scroll_dy, 0.0f, ImGui::GetScrollMaxY()));
        draw_place(m);
        if (ImGui::GetScrollY() > 0)
            session_.scroll[key] = ImGui::GetScrollY();
        else
            session_.scroll.erase(key);
        ImGui::EndChild();
        if (low) {
            ImGui::SetCursorPos({0, bottom});
            draw_header(m, header);
        }
        ImGui::End();
        draw_overlays(m, now);
    }
    AdminRequest staff;
    if (admin_.visible()) {  // staff pad/panel over everything, also when out of order
        static const Content no_content;
        DrawContext c{
            content_ ? *content_ : no_content, session_, m, pal, fonts_, textures_, pending_};
        staff = admin_.draw(c, *this, now);
    }
    ImGui::PopFont();
    ImGui::Render();

    carry_out(staff);
    const Action a = pending_;
    pending_ = {};
    apply(a);
    if (log_items_ && settle_frames_ == 1) {
        std::string items;
        for (auto& [id, r] : visible_items())
            items += " " + id.substr(2) + "=" +
                     std::to_string(static_cast<int>((r.x0 + r.x1) / 2)) + "," +
                     std::to_string(static_cast<int>((r.y0 + r.y1) / 2));
        log_line("event=items place=" + (content_ ? session_.current().key() : "out-of-order") +
                 items);
    }
    if (settle_frames_ > 0) --settle_frames_;
    return pf.busy || settle_frames_ > 0;
}

}  // namespace ww
