// KioskApp, part 2: one frame — the header with Home, Back, language, accessibility and the
// "you are here" trail; the current place in its scrolling area; panels and the idle warning;
// the attract loop; the staff panel over everything. Part 1 (app.cpp) holds the state.
//
// [SECTION] header and trail
// [SECTION] place and overlays
// [SECTION] frame()
#include <imgui.h>

#include <algorithm>
#include <utility>

#include "core/base/log.h"
#include "core/session/languages.h"
#include "ui/app.h"
#include "ui/draw_context.h"
#include "ui/overlays.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace ww {

namespace {
constexpr ImGuiWindowFlags kFull = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

// ---------------------------------------------------------------- [SECTION] header and trail

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
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_, ui_};
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

// ---------------------------------------------------------------- [SECTION] place and overlays

void KioskApp::draw_place(const Metrics& m) {
    const Palette& pal = palette(session_.theme);
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_, ui_};
    const Place& p = session_.current();
    const float width = m.content_width;
    ImGui::SetCursorPosX((m.width - width) / 2);
    ImGui::BeginGroup();
    ImGui::Dummy({width, m.pad * 0.5f});
    const PlaceTexts& texts =
        place_texts_.get(content_, p, session_.lang, session_.answers, &config_.site);
    switch (p.kind) {
        case PlaceKind::Screen:
            if (auto s = content_->screen(p.id)) draw_screen(c, *s, texts, width);
            break;
        case PlaceKind::Question:
            if (auto q = content_->guide.question(p.id)) draw_question(c, *q, width);
            break;
        case PlaceKind::Result:
            if (texts.advice.result) draw_result(c, texts, width);
            break;
    }
    if (session_.speech_mode) {
        // Speech mode's volume control, reachable by focus (and by touch); + and - do the same.
        ImGui::Dummy({width, m.gap});
        const float bw = (std::min(width, m.body * 24) - m.gap) / 2;
        if (big_button(c, "##volume-down", c.word("volume_down"), bw, m.target,
                       ButtonStyle::Secondary, "speaker"))
            c.request(Action::VolumeDown);
        ImGui::SameLine(0, m.gap);
        if (big_button(c, "##volume-up", c.word("volume_up"), bw, m.target, ButtonStyle::Secondary,
                       "speaker"))
            c.request(Action::VolumeUp);
    }
    ImGui::Dummy({width, m.pad * 2});
    ImGui::EndGroup();
}

void KioskApp::draw_overlays(const Metrics& m, double now) {
    const Palette& pal = palette(session_.theme);
    DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_, ui_};
    if (session_.access_panel) draw_access_panel(c);
    if (session_.language_panel)
        draw_language_panel(c, offered_languages(*content_, config_.languages));
    if (lifecycle_.phase() == Phase::Warning) draw_idle_warning(c, lifecycle_.seconds_left(now));
}

// ---------------------------------------------------------------- [SECTION] frame()

bool KioskApp::frame(double now) {
    now_ = now;
    // A staff PIN checked on the verifier's thread: its verdict, when there, opens the panel.
    if (admin_.state().checking()) {
        admin_.state().poll(now);
        if (!admin_.state().checking()) settle_frames_ = std::max(settle_frames_, kSettleFrames);
    }
    // This frame draws the place a tap or key asked for (tap latency: take_shown_input).
    if (place_input_ >= 0) shown_input_ = std::exchange(place_input_, -1);
    // Listening is not idling: hold the idle timer while read-aloud talks (pages take up to
    // two and a half minutes to read; the warning would cut them off).
    if (read_aloud_.holds_idle(session_, lifecycle_.phase(), hooks_.speaking && hooks_.speaking()))
        lifecycle_.input(now);
    switch (lifecycle_.update(now)) {
        case LifecycleEvent::WarningStarted:
            log_event("idle_warning",
                      {{"seconds", std::to_string(config_.session.warning_seconds)}});
            read_aloud_.warning_started(session_, content_.get(), config_.session.warning_seconds);
            settle_frames_ = kSettleFrames;
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

    // A finger resting still for kHoldSeconds starts speech mode, in it says the help again;
    // the press is then no click.
    if (content_ && lifecycle_.phase() == Phase::Active && !admin_.visible() &&
        touch_.held(now, kHoldSeconds)) {
        touch_.cancel();
        if (session_.speech_mode)
            read_aloud_.help(session_, content_.get());
        else
            start_speech_mode("hold");
    }
    ImGuiIO& io = ImGui::GetIO();
    const PointerFrame pf = touch_.frame(now);
    // In speech mode taps are heard before they choose (KioskApp::speech_tap): ImGui sees none.
    const bool hide_pointer = session_.speech_mode && !admin_.visible();
    io.MousePos = hide_pointer ? ImVec2{-1e6f, -1e6f} : ImVec2{pf.x, pf.y};
    io.MouseDown[0] = pf.down && !hide_pointer;
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

    const std::string focus_in = focus_context();
    const FocusTarget* focused = focus_.focused();
    ui_.set_focused(focused && !admin_.visible() ? focused->id : "", focus_scroll_);
    focus_scroll_ = false;
    ImGui::NewFrame();
    ui_.begin_frame();
    ImGui::PushFont(fonts_.body);
    if (!content_) {
        draw_out_of_order(m, pal, fonts_.heading, config_.out_of_order.in(defaults().lang));
    } else if (lifecycle_.phase() == Phase::Attract) {
        const double t = now - attract_since_;
        DrawContext c{*content_, session_, m, pal, fonts_, textures_, pending_, ui_};
        draw_attract(c, t, night() ? static_cast<float>(config_.night.dim) : 1.0f,
                     attract_timing());
    } else {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({m.width, m.height});
        // No background of its own: the frame is cleared with it (background()). A renderer
        // without a GPU fills every pixel of a drawn rectangle, and this one is the whole screen.
        ImGui::Begin("##kiosk", nullptr, kFull | ImGuiWindowFlags_NoBackground);
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
        // One child window for every place: ImGui keeps a window's draw buffers until it has
        // gone unused for a minute, and one per place held some 10 MB after a visitor had seen
        // every screen. The place's scroll is the session's (restored just below).
        ImGui::BeginChild("##content", {m.width, bottom - top}, false, ImGuiWindowFlags_NoNav);
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
            content_ ? *content_ : no_content, session_, m, pal, fonts_, textures_, pending_, ui_};
        const int view = admin_.state().view();
        staff = admin_.draw(c, *this, now);
        // A tap on the pad or panel opened another view (a PIN checked in the frame): draw it.
        if (admin_.state().view() != view) settle_frames_ = std::max(settle_frames_, kSettleFrames);
    }
    ImGui::PopFont();
    ImGui::Render();
    focus_.update(focus_in, ui_.focusables);  // what was drawn: the focus order of the next key

    carry_out(staff);
    const Action a = pending_;
    pending_ = {};
    apply(a);
    if (log_items_ && settle_frames_ == 1) {
        std::string items;
        for (auto& [id, r] : ui_.items)
            items += " " + id.substr(2) + "=" +
                     std::to_string(static_cast<int>((r.x0 + r.x1) / 2)) + "," +
                     std::to_string(static_cast<int>((r.y0 + r.y1) / 2));
        items_line_ =
            "event=items place=" + (content_ ? session_.current().key() : "out-of-order") + items;
    }
    if (settle_frames_ > 0) --settle_frames_;
    return pf.busy || settle_frames_ > 0;
}

}  // namespace ww
