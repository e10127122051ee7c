// The staff pad and panel, drawn with the shared widgets over everything else; the states and
// rules behind them are core/admin/admin_panel_state.
//
// [SECTION] helpers: windows, status lines
// [SECTION] the PIN pad
// [SECTION] the panel
// [SECTION] the test-screens strip
#include "ui/admin_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // BringWindowToDisplayFront

#include <algorithm>
#include <cstdio>

#include "core/base/log.h"
#include "ui/app.h"
#include "ui/draw_context.h"
#include "ui/widgets.h"

namespace ww {

namespace {

constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;

// ---------------------------------------------------------------- [SECTION] helpers: windows,
// status lines

std::string uptime(double s) {
    const long t = static_cast<long>(std::max(0.0, s));
    char buf[48];
    snprintf(buf, sizeof buf, "%ld d %02ld:%02ld:%02ld", t / 86400, t / 3600 % 24, t / 60 % 60,
             t % 60);
    return buf;
}

// Over every visitor window. Not SetWindowFocus(): focusing a window every frame clears the
// active item of any other window, so a button pressed there would never see its release.
void on_top() {
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
}

// Dims the whole screen and takes every tap beside the admin window.
void dim(const Metrics& m) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({m.width, m.height});
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("##admin-dim", nullptr, kFlags);
    on_top();
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, {m.width, m.height}, IM_COL32(0, 0, 0, 190));
    ImGui::InvisibleButton("##admin-dim-btn", {m.width, m.height});
    ImGui::End();
}

// A centred staff window `w` wide; returns the inner width. Close with end_window().
float begin_window(const char* id, const Metrics& m, float w) {
    ImGui::SetNextWindowPos({m.width / 2, m.height / 2}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({w, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, u32(staff::kPanelBg));
    ImGui::PushStyleColor(ImGuiCol_Border, u32(staff::kPressed));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {m.pad, m.pad});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, m.body * 0.4f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {m.gap, m.gap * 0.6f});
    ImGui::Begin(id, nullptr, kFlags | ImGuiWindowFlags_AlwaysAutoResize);
    on_top();
    return w - 2 * m.pad;
}

void end_window() {
    ImGui::End();
    ImGui::PopStyleVar(4);
    ImGui::PopStyleColor(2);
}

// A staff button (the shared big_button), remembered in `drawn` for the admin_pad / admin_panel
// log line.
bool button(DrawContext& c, std::vector<std::string>& drawn, const char* id,
            const std::string& label, float w, float h, ButtonStyle style = ButtonStyle::Staff) {
    drawn.emplace_back(id);
    return big_button(c, id, label, w, h, style);
}

// The line under the PIN dots: why the pad does not take a PIN right now, counting down.
std::string status_line(const AdminPanelState::PadStatus& s) {
    using Message = AdminPanelState::Message;
    if (s.checking) return "Checking the PIN ...";
    const std::string message = s.message == Message::WrongPin       ? "Wrong PIN."
                                : s.message == Message::TooManyWrong ? "Too many wrong PINs."
                                                                     : "";
    if (s.locked) {
        char buf[96];
        snprintf(buf, sizeof buf, "Locked: try again in %d:%02d", s.wait / 60, s.wait % 60);
        return buf;
    }
    if (s.wait > 0) return message + " Wait " + std::to_string(s.wait) + " s.";
    if (!message.empty()) return message + " Try again.";
    return "";
}

}  // namespace

// The guard is dated in unix time: it outlives the caller's clock, which starts anew with the
// process.
AdminPanel::AdminPanel(const KioskConfig& config, double now, const Paths& paths,
                       const Clock& clock)
    : state_(config, now, {paths.state_dir, clock.unix_time}), config_path_(paths.config) {}

void AdminPanel::log_buttons(const UiState& ui, const char* event) const {
    std::string line = std::string("event=") + event;
    const auto& items = ui.items;
    for (const std::string& id : drawn_) {
        auto it = items.find(id);
        if (it == items.end()) continue;
        const ItemRect& r = it->second;
        line += " " + id.substr(id.rfind('-') + 1) + "=" +
                std::to_string(static_cast<int>((r.x0 + r.x1) / 2)) + "," +
                std::to_string(static_cast<int>((r.y0 + r.y1) / 2));
    }
    log_line(line);
}

AdminRequest AdminPanel::draw(DrawContext& c, const KioskApp& app, double now) {
    using Mode = AdminPanelState::Mode;
    if (!state_.visible()) return {};
    drawn_.clear();
    const Mode was = state_.mode();
    const int view = state_.view();
    if (view != logged_view_) {
        logged_view_ = view;
        log_frames_ = kSettleFrames;
    }
    AdminRequest request;
    switch (was) {
        case Mode::Pad:
            request = draw_pad(c, now);
            break;
        case Mode::Panel:
            request = draw_panel(c, app, now);
            break;
        case Mode::Test:
            request = draw_test_strip(c, app);
            break;
        case Mode::Closed:
            break;
    }
    // Where the buttons are, once they have settled (for test automation and support calls).
    if (state_.mode() == was && state_.view() == view && log_frames_ > 0 && --log_frames_ == 0) {
        std::sort(drawn_.begin(), drawn_.end());  // by id, as always
        log_buttons(c.ui, was == Mode::Pad     ? "admin_pad"
                          : was == Mode::Panel ? "admin_panel"
                                               : "admin_strip");
    }
    return request;
}

// ---------------------------------------------------------------- [SECTION] the PIN pad

AdminRequest AdminPanel::draw_pad(DrawContext& c, double now) {
    const Metrics& m = c.m;
    const FontSet& fonts = c.fonts;
    dim(m);
    const float key = std::max(m.target * 1.1f, 22 * m.px_per_mm);
    const float inner = 3 * key + 2 * m.gap;
    begin_window("##admin-pad", m, std::min(m.width - 2 * m.pad, inner + 2 * m.pad));
    const float w = std::min(inner, m.width - 4 * m.pad);
    const float k = (w - 2 * m.gap) / 3;
    text_block("Staff PIN", fonts.heading, u32(staff::kText), w);

    // The PIN as dots, never as digits.
    const float dot = fonts.title->FontSize * 0.28f;
    const int typed = state_.entry_length();
    const int slots = std::max(static_cast<int>(kMinPinDigits), typed);  // a PIN has 8 or more
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float step = dot * 3.2f, row = fonts.title->FontSize;
    const float x0 = at.x + (w - step * (slots - 1)) / 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < slots; ++i) {
        const ImVec2 centre = {x0 + i * step, at.y + row / 2};
        if (i < typed)
            dl->AddCircleFilled(centre, dot, u32(staff::kText), 24);
        else
            dl->AddCircle(centre, dot, u32(staff::kMuted), 24, 2.0f);
    }
    ImGui::Dummy({w, row});

    const std::string status = status_line(state_.pad_status(now));
    text_block(status.empty() ? " " : status, fonts.body,
               u32(status.empty() ? staff::kMuted : staff::kWarn), w);

    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        if (i % 3) ImGui::SameLine(0, m.gap);
        if (button(c, drawn_, (std::string("##pad-") + keys[i]).c_str(), keys[i], k, k * 0.8f,
                   ButtonStyle::StaffKey))
            state_.type_digit(keys[i][0]);
    }
    if (button(c, drawn_, "##pad-clear", "Clear", k, k * 0.8f)) state_.clear_entry();
    ImGui::SameLine(0, m.gap);
    if (button(c, drawn_, "##pad-0", "0", k, k * 0.8f, ButtonStyle::StaffKey))
        state_.type_digit('0');
    ImGui::SameLine(0, m.gap);
    if (button(c, drawn_, "##pad-ok", "OK", k, k * 0.8f)) state_.submit(now);
    ImGui::Dummy({1, m.gap * 0.3f});
    if (button(c, drawn_, "##pad-cancel", "Cancel", w, m.target)) state_.close("cancel");
    end_window();
    return {};
}

// ---------------------------------------------------------------- [SECTION] the panel

AdminRequest AdminPanel::draw_panel(DrawContext& c, const KioskApp& app, double now) {
    const Metrics& m = c.m;
    const FontSet& fonts = c.fonts;
    const ImU32 text = u32(staff::kText), muted = u32(staff::kMuted), warn = u32(staff::kWarn);
    dim(m);
    const float w = begin_window("##admin-panel", m, std::min(m.width - 2 * m.pad, m.body * 40));
    text_block("Admin", fonts.heading, text, w);
    const float label_w =
        fonts.bold->CalcTextSizeA(fonts.bold->FontSize, FLT_MAX, 0, "Sessions started").x + m.gap;
    auto row = [&](const char* label, const std::string& value, ImU32 col) {
        const float x = ImGui::GetCursorPosX();
        text_block(label, fonts.bold, muted, label_w);
        ImGui::SameLine(x + label_w);
        text_block(value, fonts.body, col, w - label_w);
    };
    row("Version", std::string("wegwijzer ") + WEGWIJZER_VERSION, text);
    row("Profile", state_.profile(), text);
    row("Config", config_path_.empty() ? "(built-in defaults)" : config_path_, text);
    const Problems& problems = app.content_problems();
    if (problems.empty()) {
        row("Content", app.out_of_order() ? "no content loaded" : "ok", text);
    } else {
        row("Content",
            std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                (app.out_of_order() ? " (out of order)" : " (showing the last good content)"),
            warn);
        // The first few only (touch cannot scroll here); `wegwijzer --check` lists them all.
        const size_t shown = std::min<size_t>(problems.size(), 6);
        for (size_t i = 0; i < shown; ++i) text_block(problems[i].format(), fonts.small, warn, w);
        if (shown < problems.size())
            text_block("... and " + std::to_string(problems.size() - shown) +
                           " more: run `wegwijzer --check` or see the log",
                       fonts.small, muted, w);
    }
    if (const std::string updates = app.update_warning(); !updates.empty())
        row("Updates", updates, warn);
    row("Uptime", uptime(state_.uptime(now)), text);
    row("Sessions started", std::to_string(app.sessions_started()), text);
    if (app.content()) row("Screen", app.session().current().key(), text);
    if (state_.view() != figures_view_) {  // a cached copy, fetched once per opening
        figures_ = app.usage_figures();
        figures_view_ = state_.view();
    }
    draw_usage(c, w);
    ImGui::Dummy({1, m.gap * 0.5f});

    AdminRequest request;
    const float half = (w - m.gap) / 2, h = m.target;
    if (button(c, drawn_, "##panel-reload", "Reload content", half, h)) request = state_.reload();
    ImGui::SameLine(0, m.gap);
    if (app.content()) {
        if (button(c, drawn_, "##panel-test", "Test screens", half, h))
            request = state_.test_step(1, app.all_places());
    } else {
        ImGui::Dummy({half, h});
    }
    if (button(c, drawn_, "##panel-close", "Close panel", half, h)) state_.close("closed");
    ImGui::SameLine(0, m.gap);
    if (button(c, drawn_, "##panel-exit", "Exit kiosk", half, h, ButtonStyle::StaffDanger))
        request = state_.exit_kiosk();
    end_window();
    return request;
}

// Sessions per day of the last 14 days as bars, and the guide results under them.
void AdminPanel::draw_usage(DrawContext& c, float w) {
    const StatsFigures& f = figures_;
    if (f.per_day.empty()) return;  // no usage figures (stats.enabled = false)
    const Metrics& m = c.m;
    const FontSet& fonts = c.fonts;
    const long today = f.per_day.back().second;
    text_block("Sessions, last " + std::to_string(f.per_day.size()) + " days: " +
                   std::to_string(f.sessions) + " (today " + std::to_string(today) + ")",
               fonts.bold, u32(staff::kMuted), w);
    long most = 1;
    for (auto& d : f.per_day) most = std::max(most, d.second);
    const float label_h = fonts.small->FontSize;
    const float bars_h = m.body * 3;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float slot = w / static_cast<float>(f.per_day.size());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < f.per_day.size(); ++i) {
        const long n = f.per_day[i].second;
        const float x0 = at.x + i * slot + slot * 0.15f, x1 = at.x + (i + 1) * slot - slot * 0.15f;
        const float bottom = at.y + label_h + bars_h;
        const float top = bottom - bars_h * static_cast<float>(n) / static_cast<float>(most);
        dl->AddRectFilled({x0, n ? top : bottom - 2}, {x1, bottom}, u32(staff::kText));
        if (n) {
            const std::string v = std::to_string(n);
            const float tw =
                fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, 0, v.c_str()).x;
            dl->AddText(fonts.small, fonts.small->FontSize, {(x0 + x1 - tw) / 2, top - label_h},
                        u32(staff::kMuted), v.c_str());
        }
        if (i == 0 || i + 1 == f.per_day.size()) {  // the first and last day: MM-DD
            const std::string d = f.per_day[i].first.substr(5);
            dl->AddText(fonts.small, fonts.small->FontSize, {x0, bottom + 2}, u32(staff::kMuted),
                        d.c_str());
        }
    }
    ImGui::Dummy({w, label_h * 2 + bars_h + 4});
    std::string results;
    for (size_t i = 0; i < f.results.size() && i < 4; ++i)
        results += (i ? ", " : "") + f.results[i].first + " " + shown_count(f.results[i].second);
    if (!results.empty())
        text_block("Guide results: " + results, fonts.small, u32(staff::kMuted), w);
}

// ---------------------------------------------------------------- [SECTION] the test-screens strip

AdminRequest AdminPanel::draw_test_strip(DrawContext& c, const KioskApp& app) {
    const Metrics& m = c.m;
    const std::vector<Place> places = app.all_places();
    state_.check_test(places.size());
    if (state_.mode() != AdminPanelState::Mode::Test) return {};
    const float w = std::min(m.width - 2 * m.pad, m.body * 36);
    ImGui::SetNextWindowPos({m.width / 2, m.height - m.pad}, ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSize({w, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, u32(staff::kPanelBg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {m.gap, m.gap});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, m.body * 0.3f);
    ImGui::Begin("##admin-test", nullptr, kFlags | ImGuiWindowFlags_AlwaysAutoResize);
    on_top();
    const float inner = w - 2 * m.gap;
    const size_t index = static_cast<size_t>(state_.test_index());
    text_block("Test " + std::to_string(index + 1) + "/" + std::to_string(places.size()) + ": " +
                   places[index % places.size()].key(),
               c.fonts.small, u32(staff::kMuted), inner);
    AdminRequest request;
    const float q = (inner - 2 * m.gap) / 3;
    if (button(c, drawn_, "##test-prev", "Previous", q, m.target))
        request = state_.test_step(-1, places);
    ImGui::SameLine(0, m.gap);
    if (button(c, drawn_, "##test-next", "Next", q, m.target))
        request = state_.test_step(1, places);
    ImGui::SameLine(0, m.gap);
    if (button(c, drawn_, "##test-panel", "Panel", q, m.target)) state_.back_to_panel();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    return request;
}

}  // namespace ww
