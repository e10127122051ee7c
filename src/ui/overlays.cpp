#include "ui/overlays.h"

#include <algorithm>
#include <cmath>

#include "core/config/choices.h"
#include "ui/widgets.h"

namespace ww {

namespace {

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;

// A centred panel over a dimmed screen; returns its inner width.
float begin_panel(DrawContext& c, const char* id, float max_width) {
    ImDrawList* bg = ImGui::GetForegroundDrawList();
    (void)bg;
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({c.m.width, c.m.height});
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin((std::string(id) + "-dim").c_str(), nullptr, kOverlay);
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, {c.m.width, c.m.height},
                                              IM_COL32(0, 0, 0, 150));
    // A tap beside the panel lands here and does nothing.
    ImGui::InvisibleButton("##dim", {c.m.width, c.m.height});
    ImGui::End();
    begin_focus_layer(c);  // while the panel is open, only its items take the focus

    const float w = std::min(c.m.width - 2 * c.m.pad, max_width);
    const bool low = c.session.reach_mode;
    ImGui::SetNextWindowPos({(c.m.width - w) / 2, low ? c.m.height - c.m.pad : c.m.height / 2},
                            ImGuiCond_Always, {0, low ? 1.0f : 0.5f});
    ImGui::SetNextWindowSize({w, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, vec4(c.p.overlay_bg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {c.m.pad, c.m.pad});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, c.m.body * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, vec4(c.p.accent));
    ImGui::Begin(id, nullptr, kOverlay | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    return w - 2 * c.m.pad;
}

void end_panel() {
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

// A row of choices: the current one is marked with a tick and a thick border (not colour only).
bool choice(DrawContext& c, const char* id, const std::string& label, bool selected, float width) {
    if (selected) mark_next_item_selected(c);
    return big_button(c, id, label, width, c.m.target,
                      selected ? ButtonStyle::Primary : ButtonStyle::Secondary,
                      selected ? "check" : nullptr);
}

}  // namespace

void draw_idle_warning(DrawContext& c, int seconds_left) {
    const float w = begin_panel(c, "##idle", c.m.body * 30);
    text_block(c.word("idle_title"), c.fonts.title, u32(c.p.overlay_text), w);
    text_block(fill(c.word("idle_body"), "seconds", std::to_string(seconds_left)), c.fonts.body,
               u32(c.p.overlay_text), w);
    // The countdown as a number, large, and as a shrinking bar.
    const std::string n = std::to_string(seconds_left);
    ImGui::PushFont(c.fonts.title);
    const float nw = ImGui::CalcTextSize(n.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - nw) / 2);
    ImGui::TextColored(vec4(c.p.overlay_text), "%s", n.c_str());
    ImGui::PopFont();
    ImGui::Dummy({1, c.m.gap});
    if (big_button(c, "##continue", c.word("idle_continue"), w, c.m.target * 1.2f))
        c.request(Action::Continue);
    end_panel();
}

void draw_attract(DrawContext& c, double t, float dim, const AttractTiming& timing) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({c.m.width, c.m.height});
    ImGui::Begin("##attract", nullptr, kOverlay | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({0, 0}, {c.m.width, c.m.height}, u32(c.p.header_bg));
    const auto& msgs = c.content.attract;
    if (!msgs.empty()) {
        const float alpha = timing.alpha(t);  // each message fades in and out
        const auto& msg = msgs[timing.message(t, msgs.size())];
        const float img_h = c.m.height * (c.m.portrait ? 0.38f : 0.5f);
        const TextureInfo tex = c.textures.get(msg.image);
        if (tex.id && tex.height > 0) {
            const float w = img_h * tex.width / tex.height;
            const ImVec2 a = {(c.m.width - w) / 2, c.m.height * 0.1f};
            dl->AddImage(tex.id, a, {a.x + w, a.y + img_h}, {0, 0}, {1, 1},
                         IM_COL32(255, 255, 255, static_cast<int>(255 * alpha)));
        }
        ImGui::SetCursorPos({c.m.pad * 2, c.m.height * 0.1f + img_h + c.m.pad});
        text_block(c.tr(msg.text), c.fonts.title, u32(c.p.header_text, alpha),
                   c.m.width - 4 * c.m.pad);
    }
    // The invitation blinks gently, once a second.
    const float pulse = timing.blink_on(t) ? 1.0f : 0.8f;
    const std::string& touch = c.word("attract_touch");
    ImFont* f = c.fonts.title;
    const ImVec2 ts =
        f->CalcTextSizeA(f->FontSize, FLT_MAX, c.m.width - 4 * c.m.pad, touch.c_str());
    const ImVec2 at = {(c.m.width - ts.x) / 2, c.m.height * 0.86f - ts.y / 2};
    const float r = ts.y * 0.6f + c.m.pad * 0.5f;
    dl->AddRectFilled({at.x - r, at.y - c.m.pad * 0.5f},
                      {at.x + ts.x + r, at.y + ts.y + c.m.pad * 0.5f}, u32(c.p.accent, pulse), r);
    dl->AddText(f, f->FontSize, at, u32(c.p.header_bg), touch.c_str(), nullptr,
                c.m.width - 4 * c.m.pad);
    if (dim < 1.0f)
        dl->AddRectFilled({0, 0}, {c.m.width, c.m.height},
                          IM_COL32(0, 0, 0, static_cast<int>(255 * (1 - dim))));
    ImGui::End();
}

void draw_access_panel(DrawContext& c) {
    // One column when it fits the screen; on a wide screen with large text two columns (read
    // aloud and text size | contrast and reach), so "close" always stays on the screen.
    const float line = c.fonts.bold->FontSize * 1.3f, spacing = c.m.body * 0.3f;
    const float one_column = c.fonts.title->FontSize * 1.3f + 5 * c.m.target + 3 * line +
                             12 * spacing + 3 * c.m.gap + 2 * c.m.pad;
    const bool two = !c.m.portrait && one_column > c.m.height - 2 * c.m.pad;
    const float w = begin_panel(c, "##access", c.m.body * (two ? 44 : 34));
    const Session& s = c.session;
    // Less air between rows than on a screen, so the panel fits even at the largest text size.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {ImGui::GetStyle().ItemSpacing.x, spacing});
    text_block(c.word("accessibility"), c.fonts.title, u32(c.p.overlay_text), w);
    ImGui::Dummy({1, c.m.gap * 0.5f});
    const float col = two ? (w - 2 * c.m.gap) / 2 : w;
    ImGui::BeginGroup();
    // Read aloud: on (ticked) and off. Tapping "read aloud" again reads the place again.
    const float halfw = (col - c.m.gap) / 2;
    if (big_button(c, "##speech-on", c.word("read_aloud"), halfw, c.m.target,
                   s.speech ? ButtonStyle::Primary : ButtonStyle::Secondary,
                   s.speech ? "check" : "speaker"))
        c.request(Action::ReadAloud);
    ImGui::SameLine(0, c.m.gap);
    if (big_button(c, "##speech-off", c.word("stop_reading"), halfw, c.m.target,
                   ButtonStyle::Secondary))
        c.request(Action::StopReading);
    ImGui::Dummy({1, c.m.gap * 0.5f});
    text_block(c.word("text_size"), c.fonts.bold, u32(c.p.overlay_text), col);
    set_focus_group(c, c.word("text_size"));  // "Normal" is a text size and a contrast
    const float third = (col - 2 * c.m.gap) / 3;
    const char* sizes[] = {"text_normal", "text_large", "text_larger"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, c.m.gap);
        if (choice(c, (std::string("##size-") + kTextSizeNames[i]).c_str(), c.word(sizes[i]),
                   static_cast<int>(s.text_size) == i, third))
            c.request(Action::SetTextSize, kTextSizeNames[i]);
    }
    ImGui::EndGroup();
    set_focus_group(c, "");
    if (two)
        ImGui::SameLine(0, 2 * c.m.gap);
    else
        ImGui::Dummy({1, c.m.gap * 0.5f});
    ImGui::BeginGroup();
    text_block(c.word("contrast"), c.fonts.bold, u32(c.p.overlay_text), col);
    set_focus_group(c, c.word("contrast"));
    const float half = (col - c.m.gap) / 2;
    if (choice(c, "##theme-normal", c.word("contrast_normal"), s.theme == Theme::Normal, half))
        c.request(Action::SetTheme, name_of(Theme::Normal));
    ImGui::SameLine(0, c.m.gap);
    if (choice(c, "##theme-high", c.word("contrast_high"), s.theme == Theme::HighContrast, half))
        c.request(Action::SetTheme, name_of(Theme::HighContrast));
    ImGui::Dummy({1, c.m.gap * 0.5f});
    text_block(c.word("reach_mode"), c.fonts.bold, u32(c.p.overlay_text), col);
    set_focus_group(c, c.word("reach_mode"));
    if (choice(c, "##reach", c.word(s.reach_mode ? "reach_on" : "reach_off"), s.reach_mode, col))
        c.request(Action::ToggleReach);
    set_focus_group(c, "");
    ImGui::EndGroup();
    ImGui::Dummy({1, c.m.gap});
    if (big_button(c, "##close-access", c.word("close"), w, c.m.target))
        c.request(Action::ClosePanels);
    ImGui::PopStyleVar();
    end_panel();
}

void draw_language_panel(DrawContext& c, const std::vector<std::string>& offered) {
    const float w = begin_panel(c, "##language", c.m.body * 24);
    text_block(c.word("language"), c.fonts.title, u32(c.p.overlay_text), w);
    ImGui::Dummy({1, c.m.gap * 0.5f});
    for (auto& lang : offered) {
        auto it = c.content.language_names.find(lang);
        const std::string name = it == c.content.language_names.end() ? lang : it->second;
        if (choice(c, ("##lang-" + lang).c_str(), name, c.session.lang == lang, w))
            c.request(Action::SetLang, lang);
        ImGui::Dummy({1, c.m.gap - ImGui::GetStyle().ItemSpacing.y});
    }
    if (big_button(c, "##close-lang", c.word("close"), w, c.m.target, ButtonStyle::Secondary))
        c.request(Action::ClosePanels);
    end_panel();
}

void draw_out_of_order(const Metrics& m, const Palette& p, ImFont* font,
                       const std::string& message) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({m.width, m.height});
    ImGui::Begin("##out-of-order", nullptr, kOverlay);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({0, 0}, {m.width, m.height}, u32(p.background));
    const float s = std::min(m.width, m.height) * 0.25f;
    const ImVec2 c = {m.width / 2, m.height * 0.38f};
    // A "no entry" sign: understandable without words, even when no text could be loaded.
    dl->AddCircleFilled(c, s * 0.5f, u32(p.accent), 48);
    dl->AddRectFilled({c.x - s * 0.32f, c.y - s * 0.08f}, {c.x + s * 0.32f, c.y + s * 0.08f},
                      IM_COL32_WHITE);
    if (!message.empty()) {
        const float wrap = m.width - 4 * m.pad;
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, message.c_str());
        dl->AddText(font, font->FontSize, {(m.width - ts.x) / 2, c.y + s * 0.7f}, u32(p.text),
                    message.c_str(), nullptr, wrap);
    }
    ImGui::End();
}

}  // namespace ww
