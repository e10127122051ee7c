#include "ui/theme.h"

#include <algorithm>

namespace ww {

void apply_theme(const Palette& p, float body_px) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameRounding = body_px * 0.35f;
    s.ScrollbarSize = std::max(8.0f, body_px * 0.3f);
    s.ScrollbarRounding = s.ScrollbarSize;
    s.ItemSpacing = ImVec2(body_px * 0.5f, body_px * 0.5f);
    s.CellPadding = ImVec2(body_px * 0.4f, body_px * 0.35f);
    s.AntiAliasedFill = true;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = vec4(p.background);
    c[ImGuiCol_ChildBg] = vec4(p.background, 0);
    c[ImGuiCol_PopupBg] = vec4(p.overlay_bg);
    c[ImGuiCol_Text] = vec4(p.text);
    c[ImGuiCol_TextDisabled] = vec4(p.muted);
    c[ImGuiCol_Border] = vec4(p.card_border);
    c[ImGuiCol_ScrollbarBg] = vec4(p.background, 0);
    c[ImGuiCol_ScrollbarGrab] = vec4(p.muted, 0.5f);
    c[ImGuiCol_ScrollbarGrabHovered] = vec4(p.muted, 0.5f);
    c[ImGuiCol_ScrollbarGrabActive] = vec4(p.muted, 0.8f);
    c[ImGuiCol_TableHeaderBg] = vec4(p.header_bg);
    c[ImGuiCol_TableBorderStrong] = vec4(p.card_border);
    c[ImGuiCol_TableBorderLight] = vec4(p.card_border);
    c[ImGuiCol_TableRowBg] = vec4(p.card_bg);
    c[ImGuiCol_TableRowBgAlt] = vec4(p.card_bg);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
}

Metrics compute_metrics(float w, float h, float px_per_mm, float min_target_mm, float body_px) {
    Metrics m;
    m.width = w;
    m.height = h;
    m.px_per_mm = px_per_mm;
    m.body = body_px;
    m.portrait = h > w;
    m.target = std::max({44.0f, min_target_mm * px_per_mm, body_px * 2.6f});
    m.gap = std::max(12.0f, 3.0f * px_per_mm);
    m.pad = std::max(16.0f, std::min(w, h) * 0.025f);
    m.content_width = std::min(w - 2 * m.pad, body_px * 52);
    m.narrow = m.content_width < body_px * 40;
    return m;
}

}  // namespace ww
