#include "ui/admin_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // BringWindowToDisplayFront

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/base/log.h"
#include "ui/app.h"
#include "ui/widgets.h"

namespace ww {

namespace {

constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;

// Staff colours: the same in every visitor theme, so staff always know where they are.
const ImU32 kPanelBg = IM_COL32(32, 36, 44, 255);
const ImU32 kText = IM_COL32(255, 255, 255, 255);
const ImU32 kMuted = IM_COL32(190, 198, 210, 255);
const ImU32 kButton = IM_COL32(70, 80, 98, 255);
const ImU32 kPressed = IM_COL32(20, 110, 200, 255);
const ImU32 kDanger = IM_COL32(170, 30, 30, 255);
const ImU32 kWarn = IM_COL32(255, 200, 80, 255);

// Unix time: the guard file outlives the caller's clock, which starts anew with the process.
double wall_clock() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

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
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanelBg);
    ImGui::PushStyleColor(ImGuiCol_Border, kPressed);
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

}  // namespace

AdminPanel::AdminPanel(const KioskConfig& config, double now)
    : cfg_(config.admin),
      profile_(config.profile),
      gesture_(config.admin, 4),
      guard_(config.admin.max_attempts, config.admin.lockout_seconds),
      guard_file_(
          resolve_state_dir(config.state.dir, std::getenv("XDG_STATE_HOME"), std::getenv("HOME"))),
      start_(now) {
    if (cfg_.pin_hash.empty()) {
        log_event("admin_disabled", {{"reason", "no_pin"}});  // nothing shipped: a site sets one
    } else if (cfg_.pin_hash.rfind("$argon2", 0) != 0) {
        log_event("admin_disabled", {{"reason", "bad_pin_hash"}});
    } else {
        enabled_ = true;
        guard_file_.load(guard_, now, wall_clock());
    }
}

bool AdminPanel::corner_tap(float x, float y, float width, float height, float px_per_mm,
                            double now) {
    if (!enabled_ || mode_ == Mode::Pad || mode_ == Mode::Panel) return false;
    gesture_.set_px_per_mm(px_per_mm);
    if (!gesture_.tap(x, y, width, height, now)) return false;
    mode_ = Mode::Pad;
    entry_.clear();
    message_.clear();
    log_frames_ = 3;
    log_event("admin_gesture", {{"corner", cfg_.corner}});
    return true;
}

void AdminPanel::close(const char* reason) {
    if (mode_ == Mode::Closed) return;
    mode_ = Mode::Closed;
    entry_.clear();
    message_.clear();
    test_index_ = -1;
    gesture_.reset();
    log_event("admin_close", {{"reason", reason}});
}

void AdminPanel::open_panel() {
    mode_ = Mode::Panel;
    log_frames_ = 3;
}

void AdminPanel::submit(double now) {
    if (entry_.empty()) return;
    const PinGuard::Result result = guard_.attempt(cfg_.pin_hash, entry_, now);
    guard_file_.save(guard_, now, wall_clock());
    switch (result) {
        case PinGuard::Result::Accepted:
            entry_.clear();
            message_.clear();
            log_event("admin_open", {{"profile", profile_}});
            open_panel();
            break;
        case PinGuard::Result::Wrong:
            entry_.clear();
            message_ = "Wrong PIN.";
            break;
        case PinGuard::Result::Wait:
            break;  // the pad shows the wait; the PIN was not checked
        case PinGuard::Result::Locked:
            entry_.clear();
            message_ = "Too many wrong PINs.";
            break;
    }
}

void AdminPanel::reload(KioskApp& app) {
    log_event("admin_reload");
    if (app.hooks_.reload_content)
        app.hooks_.reload_content();
    else
        log_line("admin: this runner cannot reload content");
}

void AdminPanel::test_next(KioskApp& app, int step) {
    const std::vector<Place> places = app.all_places();
    if (places.empty()) return;
    const int n = static_cast<int>(places.size());
    test_index_ = test_index_ < 0 ? (step > 0 ? 0 : n - 1) : ((test_index_ + step) % n + n) % n;
    mode_ = Mode::Test;
    log_frames_ = 3;
    app.show(places[test_index_]);
    log_event("admin_test", {{"place", places[test_index_].key()},
                             {"n", std::to_string(test_index_ + 1) + "/" + std::to_string(n)}});
}

void AdminPanel::exit_kiosk(KioskApp& app) {
    log_event("admin_exit");
    app.request_exit();
}

bool AdminPanel::key(KioskApp& app, int ch, double now) {
    if (mode_ == Mode::Pad) {
        if (ch >= '0' && ch <= '9') {
            if (entry_.size() < 12) entry_ += static_cast<char>(ch);
        } else if (ch == '\n') {
            submit(now);
        } else if (ch == '\b') {
            if (!entry_.empty()) entry_.pop_back();
        } else if (ch == 27) {
            close("cancel");
        } else {
            return false;
        }
        return true;
    }
    if (mode_ == Mode::Panel) {
        if (ch == 'x')
            exit_kiosk(app);
        else if (ch == 'r')
            reload(app);
        else if (ch == 't')
            test_next(app, 1);
        else if (ch == 27)
            close("closed");
        else
            return false;
        return true;
    }
    return false;
}

bool AdminPanel::button(const char* id, const std::string& label, float w, float h, ImFont* font,
                        bool danger) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, {w, h});
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    buttons_[id] = {pos.x + w / 2, pos.y + h / 2};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = std::min(h * 0.2f, font->FontSize * 0.4f);
    dl->AddRectFilled(pos, {pos.x + w, pos.y + h},
                      pressed  ? kPressed
                      : danger ? kDanger
                               : kButton,
                      r);
    dl->AddRect(pos, {pos.x + w, pos.y + h}, pressed ? kText : kMuted, r, 0, 2.0f);
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, w, label.c_str());
    dl->AddText(font, font->FontSize,
                {pos.x + std::max(4.0f, (w - ts.x) / 2), pos.y + (h - ts.y) / 2}, kText,
                label.c_str(), nullptr, w - 8);
    return clicked;
}

void AdminPanel::log_buttons(const char* event) {
    std::string line = std::string("event=") + event;
    for (auto& [id, c] : buttons_)
        line += " " + id.substr(id.rfind('-') + 1) + "=" + std::to_string(static_cast<int>(c.x)) +
                "," + std::to_string(static_cast<int>(c.y));
    log_line(line);
}

void AdminPanel::draw(KioskApp& app, const Metrics& m, const FontSet& fonts, double now) {
    if (mode_ == Mode::Closed) return;
    buttons_.clear();
    const Mode was = mode_;
    switch (mode_) {
        case Mode::Pad:
            draw_pad(m, fonts, now);
            break;
        case Mode::Panel:
            draw_panel(app, m, fonts, now);
            break;
        case Mode::Test:
            draw_test_strip(app, m, fonts);
            break;
        case Mode::Closed:
            break;
    }
    // Where the buttons are, once they have settled (for test automation and support calls).
    if (mode_ == was && log_frames_ > 0 && --log_frames_ == 0)
        log_buttons(was == Mode::Pad     ? "admin_pad"
                    : was == Mode::Panel ? "admin_panel"
                                         : "admin_strip");
}

void AdminPanel::draw_pad(const Metrics& m, const FontSet& fonts, double now) {
    dim(m);
    const float key = std::max(m.target * 1.1f, 22 * m.px_per_mm);
    const float inner = 3 * key + 2 * m.gap;
    begin_window("##admin-pad", m, std::min(m.width - 2 * m.pad, inner + 2 * m.pad));
    const float w = std::min(inner, m.width - 4 * m.pad);
    const float k = (w - 2 * m.gap) / 3;
    text_block("Staff PIN", fonts.heading, kText, w);

    // The PIN as dots, never as digits.
    const float dot = fonts.title->FontSize * 0.28f;
    const int slots = std::max(6, static_cast<int>(entry_.size()));  // a PIN has 6 or more
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float step = dot * 3.2f, row = fonts.title->FontSize;
    const float x0 = at.x + (w - step * (slots - 1)) / 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < slots; ++i) {
        const ImVec2 c = {x0 + i * step, at.y + row / 2};
        if (i < static_cast<int>(entry_.size()))
            dl->AddCircleFilled(c, dot, kText, 24);
        else
            dl->AddCircle(c, dot, kMuted, 24, 2.0f);
    }
    ImGui::Dummy({w, row});

    // Why the pad does not take a PIN right now, counting down.
    std::string status = message_;
    const double wait = guard_.wait_left(now);
    if (guard_.locked(now)) {
        const int s = static_cast<int>(wait + 0.999);
        char buf[96];
        snprintf(buf, sizeof buf, "Locked: try again in %d:%02d", s / 60, s % 60);
        status = buf;
    } else if (wait > 0) {
        status = message_ + " Wait " + std::to_string(static_cast<int>(wait + 0.999)) + " s.";
    } else if (!message_.empty()) {
        status = message_ + " Try again.";
    }
    text_block(status.empty() ? " " : status, fonts.body, status.empty() ? kMuted : kWarn, w);

    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        if (i % 3) ImGui::SameLine(0, m.gap);
        if (button((std::string("##pad-") + keys[i]).c_str(), keys[i], k, k * 0.8f, fonts.title) &&
            entry_.size() < 12)
            entry_ += keys[i];
    }
    if (button("##pad-clear", "Clear", k, k * 0.8f, fonts.bold)) entry_.clear();
    ImGui::SameLine(0, m.gap);
    if (button("##pad-0", "0", k, k * 0.8f, fonts.title) && entry_.size() < 12) entry_ += "0";
    ImGui::SameLine(0, m.gap);
    if (button("##pad-ok", "OK", k, k * 0.8f, fonts.bold)) submit(now);
    ImGui::Dummy({1, m.gap * 0.3f});
    if (button("##pad-cancel", "Cancel", w, m.target, fonts.bold)) close("cancel");
    end_window();
}

void AdminPanel::draw_panel(KioskApp& app, const Metrics& m, const FontSet& fonts, double now) {
    dim(m);
    const float w = begin_window("##admin-panel", m, std::min(m.width - 2 * m.pad, m.body * 40));
    text_block("Admin", fonts.heading, kText, w);
    const float label_w =
        fonts.bold->CalcTextSizeA(fonts.bold->FontSize, FLT_MAX, 0, "Sessions started").x + m.gap;
    auto row = [&](const char* label, const std::string& value, ImU32 col = kText) {
        const float x0 = ImGui::GetCursorPosX();
        text_block(label, fonts.bold, kMuted, label_w);
        ImGui::SameLine(x0 + label_w);
        text_block(value, fonts.body, col, w - label_w);
    };
    row("Version", std::string("wegwijzer ") + WEGWIJZER_VERSION);
    row("Profile", profile_);
    row("Config", config_path_.empty() ? "(built-in defaults)" : config_path_);
    const Problems& problems = app.content_problems();
    if (problems.empty()) {
        row("Content", app.out_of_order() ? "no content loaded" : "ok");
    } else {
        row("Content",
            std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                (app.out_of_order() ? " (out of order)" : " (showing the last good content)"),
            kWarn);
        // The first few only (touch cannot scroll here); `wegwijzer --check` lists them all.
        const size_t shown = std::min<size_t>(problems.size(), 6);
        for (size_t i = 0; i < shown; ++i) text_block(problems[i].format(), fonts.small, kWarn, w);
        if (shown < problems.size())
            text_block("... and " + std::to_string(problems.size() - shown) +
                           " more: run `wegwijzer --check` or see the log",
                       fonts.small, kMuted, w);
    }
    row("Uptime", uptime(now - start_));
    row("Sessions started", std::to_string(app.sessions_started()));
    if (app.content()) row("Screen", app.session().current().key());
    ImGui::Dummy({1, m.gap * 0.5f});

    const float half = (w - m.gap) / 2, h = m.target;
    if (button("##panel-reload", "Reload content", half, h, fonts.bold)) reload(app);
    ImGui::SameLine(0, m.gap);
    if (app.content()) {
        if (button("##panel-test", "Test screens", half, h, fonts.bold)) test_next(app, 1);
    } else {
        ImGui::Dummy({half, h});
    }
    if (button("##panel-close", "Close panel", half, h, fonts.bold)) close("closed");
    ImGui::SameLine(0, m.gap);
    if (button("##panel-exit", "Exit kiosk", half, h, fonts.bold, true)) exit_kiosk(app);
    end_window();
}

void AdminPanel::draw_test_strip(KioskApp& app, const Metrics& m, const FontSet& fonts) {
    const std::vector<Place> places = app.all_places();
    if (places.empty() || test_index_ < 0) {
        close("test-done");
        return;
    }
    const float w = std::min(m.width - 2 * m.pad, m.body * 36);
    ImGui::SetNextWindowPos({m.width / 2, m.height - m.pad}, ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSize({w, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanelBg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {m.gap, m.gap});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, m.body * 0.3f);
    ImGui::Begin("##admin-test", nullptr, kFlags | ImGuiWindowFlags_AlwaysAutoResize);
    on_top();
    const float inner = w - 2 * m.gap;
    text_block("Test " + std::to_string(test_index_ + 1) + "/" + std::to_string(places.size()) +
                   ": " + places[test_index_ % places.size()].key(),
               fonts.small, kMuted, inner);
    const float q = (inner - 2 * m.gap) / 3;
    if (button("##test-prev", "Previous", q, m.target, fonts.bold)) test_next(app, -1);
    ImGui::SameLine(0, m.gap);
    if (button("##test-next", "Next", q, m.target, fonts.bold)) test_next(app, 1);
    ImGui::SameLine(0, m.gap);
    if (button("##test-panel", "Panel", q, m.target, fonts.bold)) {
        test_index_ = -1;
        open_panel();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace ww
