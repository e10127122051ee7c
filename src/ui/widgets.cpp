// The kiosk's widgets, drawn with ImGui; each tappable one records where it is (UiState::items).
//
// [SECTION] item registry (for tests and --log-items)
// [SECTION] text and pictograms
// [SECTION] buttons and tiles
// [SECTION] cards
// [SECTION] QR codes
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace ww {

// ---------------------------------------------------------------- [SECTION] item registry (for
// tests and --log-items)

namespace {

// The focus ring: thick, in the theme's text colour with a band of its background inside, so one
// of the two stands out on every surface, in both themes (tests/core/test_contrast.cpp).
void focus_ring(const DrawContext& c, ImVec2 a, ImVec2 b) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float t = std::max(5.0f, c.fonts.body->FontSize * 0.25f);
    const float r = c.fonts.body->FontSize * 0.4f;
    dl->AddRect({a.x - t * 0.5f, a.y - t * 0.5f}, {b.x + t * 0.5f, b.y + t * 0.5f},
                u32(c.p.background), r, 0, t);
    dl->AddRect({a.x - t * 1.5f, a.y - t * 1.5f}, {b.x + t * 1.5f, b.y + t * 1.5f}, u32(c.p.text),
                r + t, 0, t);
}

// Records the last item: its visible rectangle under `id`, and the whole item as a focusable.
// Draws the focus ring on it and scrolls it into view when asked.
// Staff buttons (`focusable` false) are no visitor's: never focused, never spoken.
void register_item(const DrawContext& c, const char* id, const std::string& label,
                   bool focusable = true) {
    UiState& ui = c.ui;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (focusable) {
        // In its page (scroll added), so the focus order does not change as the page scrolls.
        const float scroll = ImGui::GetScrollY();
        const bool scrolls = scroll > 0 || ImGui::GetScrollMaxY() > 0;
        ui.focusables.push_back({id, ui.group.empty() ? label : ui.group + ": " + label,
                                 role_of(id), a.x, a.y + scroll, b.x, b.y + scroll,
                                 scrolls ? ImGui::GetWindowPos().y : a.y, ui.next_selected});
    }
    ui.next_selected = false;
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip =
        dl->_ClipRectStack.empty() ? ImVec4(a.x, a.y, b.x, b.y) : dl->_ClipRectStack.back();
    if (focusable && ui.focused == id) {
        if (ui.scroll_to_focus && (a.y < clip.y || b.y > clip.w)) {
            ImGui::SetScrollFromPosY((a.y + b.y) * 0.5f - ImGui::GetWindowPos().y, 0.5f);
            ui.scroll_to_focus = false;
        }
        focus_ring(c, a, b);
    }
    if (!ImGui::IsItemVisible()) return;
    a = {std::max(a.x, clip.x), std::max(a.y, clip.y)};
    b = {std::min(b.x, clip.z), std::min(b.y, clip.w)};
    if (b.x > a.x && b.y > a.y) ui.items[id] = {a.x, a.y, b.x, b.y};
}

// True once when `id` was asked to report a tap.
bool take_activation(UiState& ui, const char* id) {
    if (ui.activate.empty() || ui.activate != id) return false;
    ui.activate.clear();
    return true;
}
}  // namespace

void begin_focus_layer(DrawContext& c) {
    c.ui.focusables.clear();
}
void set_focus_group(DrawContext& c, const std::string& group) {
    c.ui.group = group;
}
void mark_next_item_selected(DrawContext& c) {
    c.ui.next_selected = true;
}
void focusable(DrawContext& c, const char* id, const std::string& label) {
    register_item(c, id, label);
}

// ---------------------------------------------------------------- [SECTION] text and pictograms

void text_block(const std::string& text, ImFont* font, ImU32 color, float width) {
    if (text.empty()) return;
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void icon(ImDrawList* dl, const char* name, ImVec2 c, float s, ImU32 col) {
    const std::string n = name;
    const float t = std::max(2.0f, s * 0.11f);  // stroke
    if (n == "home") {
        dl->AddTriangleFilled({c.x - s * 0.5f, c.y - s * 0.02f}, {c.x, c.y - s * 0.48f},
                              {c.x + s * 0.5f, c.y - s * 0.02f}, col);
        dl->AddRectFilled({c.x - s * 0.34f, c.y - s * 0.05f}, {c.x + s * 0.34f, c.y + s * 0.42f},
                          col);
    } else if (n == "back" || n == "arrow") {
        const float dir = n == "back" ? -1.0f : 1.0f;
        dl->AddLine({c.x - s * 0.4f * dir, c.y}, {c.x + s * 0.35f * dir, c.y}, col, t);
        dl->AddTriangleFilled({c.x + s * 0.45f * dir, c.y}, {c.x + s * 0.1f * dir, c.y - s * 0.3f},
                              {c.x + s * 0.1f * dir, c.y + s * 0.3f}, col);
    } else if (n == "access") {
        dl->AddCircle(c, s * 0.48f, col, 32, t * 0.8f);
        dl->AddCircleFilled({c.x, c.y - s * 0.26f}, s * 0.08f, col);
        dl->AddLine({c.x - s * 0.28f, c.y - s * 0.12f}, {c.x + s * 0.28f, c.y - s * 0.12f}, col, t);
        dl->AddLine({c.x, c.y - s * 0.12f}, {c.x, c.y + s * 0.08f}, col, t);
        dl->AddLine({c.x, c.y + s * 0.08f}, {c.x - s * 0.16f, c.y + s * 0.32f}, col, t);
        dl->AddLine({c.x, c.y + s * 0.08f}, {c.x + s * 0.16f, c.y + s * 0.32f}, col, t);
    } else if (n == "lang") {
        dl->AddCircle(c, s * 0.45f, col, 32, t * 0.8f);
        dl->AddLine({c.x - s * 0.45f, c.y}, {c.x + s * 0.45f, c.y}, col, t * 0.7f);
        dl->AddBezierCubic({c.x, c.y - s * 0.45f}, {c.x - s * 0.3f, c.y - s * 0.2f},
                           {c.x - s * 0.3f, c.y + s * 0.2f}, {c.x, c.y + s * 0.45f}, col, t * 0.7f);
        dl->AddBezierCubic({c.x, c.y - s * 0.45f}, {c.x + s * 0.3f, c.y - s * 0.2f},
                           {c.x + s * 0.3f, c.y + s * 0.2f}, {c.x, c.y + s * 0.45f}, col, t * 0.7f);
    } else if (n == "check") {
        dl->AddLine({c.x - s * 0.4f, c.y}, {c.x - s * 0.1f, c.y + s * 0.3f}, col, t * 1.4f);
        dl->AddLine({c.x - s * 0.1f, c.y + s * 0.3f}, {c.x + s * 0.45f, c.y - s * 0.35f}, col,
                    t * 1.4f);
    } else if (n == "warn") {
        dl->AddTriangleFilled({c.x, c.y - s * 0.45f}, {c.x + s * 0.5f, c.y + s * 0.42f},
                              {c.x - s * 0.5f, c.y + s * 0.42f}, col);
    } else if (n == "info") {
        dl->AddCircleFilled(c, s * 0.45f, col);
    } else if (n == "speaker") {
        dl->AddRectFilled({c.x - s * 0.42f, c.y - s * 0.14f}, {c.x - s * 0.2f, c.y + s * 0.14f},
                          col);
        dl->AddTriangleFilled({c.x - s * 0.2f, c.y - s * 0.14f}, {c.x + s * 0.08f, c.y - s * 0.4f},
                              {c.x + s * 0.08f, c.y + s * 0.4f}, col);
        dl->AddTriangleFilled({c.x - s * 0.2f, c.y + s * 0.14f}, {c.x - s * 0.2f, c.y - s * 0.14f},
                              {c.x + s * 0.08f, c.y + s * 0.4f}, col);
        dl->PathArcTo(c, s * 0.28f, -0.8f, 0.8f);
        dl->PathStroke(col, 0, t * 0.8f);
        dl->PathArcTo(c, s * 0.44f, -0.8f, 0.8f);
        dl->PathStroke(col, 0, t * 0.8f);
    }
}

// ---------------------------------------------------------------- [SECTION] buttons and tiles

bool big_button(DrawContext& c, const char* id, const std::string& label, float width,
                float min_height, ButtonStyle style, const char* icon_name) {
    const bool is_staff = style == ButtonStyle::Staff || style == ButtonStyle::StaffKey ||
                          style == ButtonStyle::StaffDanger;
    ImFont* font = style == ButtonStyle::StaffKey ? c.fonts.title : c.fonts.bold;
    const float fs = font->FontSize;
    const float padx = fs * (is_staff ? 0.15f : 0.7f), pady = fs * (is_staff ? 0.1f : 0.45f);
    const float icon_w = icon_name ? fs * 1.6f : 0;
    const float wrap = std::max(fs * 3, width - 2 * padx - icon_w);
    const ImVec2 ts =
        font->CalcTextSizeA(fs, FLT_MAX, wrap, label.c_str(), label.c_str() + label.size());
    const float height = std::max(min_height, ts.y + 2 * pady);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, {width, height}) || take_activation(c.ui, id);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    register_item(c, id, label, !is_staff);

    Rgb bg = c.p.button_bg, fg = c.p.button_text, border = c.p.button_bg;
    if (style == ButtonStyle::Secondary) {
        bg = c.p.card_bg;
        fg = c.p.card_text;
        border = c.p.accent;
    }
    if (style == ButtonStyle::Header) {
        bg = c.p.header_bg;
        fg = c.p.header_text;
        border = c.p.header_text;
    }
    if (is_staff) {
        bg = style == ButtonStyle::StaffDanger ? staff::kDanger : staff::kButton;
        fg = staff::kText;
        border = staff::kMuted;
    }
    if (pressed) {
        bg = is_staff ? staff::kPressed : c.p.button_pressed;
        fg = is_staff ? staff::kText : c.p.button_text;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = {pos.x + width, pos.y + height};
    const float r =
        is_staff ? std::min(height * 0.2f, fs * 0.4f) : std::min(fs * 0.35f, height * 0.3f);
    dl->AddRectFilled(pos, max, u32(bg), r);
    if (style != ButtonStyle::Primary || pressed)
        dl->AddRect(pos, max,
                    u32(!pressed   ? border
                        : is_staff ? staff::kText
                                   : c.p.accent),
                    r, 0, is_staff ? 2.0f : std::max(2.0f, fs * 0.1f));
    float x = pos.x + padx;
    if (icon_name) {
        icon(dl, icon_name, {x + fs * 0.55f, pos.y + height * 0.5f}, fs * 1.1f, u32(fg));
        x += icon_w;
    }
    const float text_x = icon_name ? x : pos.x + std::max(padx, (width - ts.x) * 0.5f);
    dl->AddText(font, fs, {text_x, pos.y + (height - ts.y) * 0.5f}, u32(fg), label.c_str(),
                label.c_str() + label.size(), wrap);
    return clicked;
}

bool tile(DrawContext& c, const char* id, const std::string& image, const std::string& label,
          float width, float height) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, {width, height}) || take_activation(c.ui, id);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    register_item(c, id, label);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = c.fonts.heading;
    const float fs = font->FontSize, pad = fs * 0.5f;
    const float wrap = width - 2 * pad;
    const ImVec2 ts =
        font->CalcTextSizeA(fs, FLT_MAX, wrap, label.c_str(), label.c_str() + label.size());
    const float band = ts.y + 2 * pad;
    const ImVec2 max = {pos.x + width, pos.y + height};
    const float r = fs * 0.4f;
    dl->AddRectFilled(pos, max, u32(c.p.card_bg), r);
    dl->AddRectFilled({pos.x, max.y - band}, max, u32(pressed ? c.p.button_pressed : c.p.button_bg),
                      r, ImDrawFlags_RoundCornersBottom);
    dl->AddRect(pos, max, u32(pressed ? c.p.accent : c.p.card_border), r, 0,
                pressed ? fs * 0.2f : 2.0f);
    dl->AddText(font, fs, {pos.x + pad, max.y - band + pad}, u32(c.p.button_text), label.c_str(),
                label.c_str() + label.size(), wrap);
    const TextureInfo tex = c.textures.get(image);
    const float avail_h = height - band - 2 * pad, avail_w = width - 2 * pad;
    if (tex.id && avail_h > fs && tex.width > 0 && tex.height > 0) {
        const float scale = std::min(avail_w / tex.width, avail_h / tex.height);
        const float w = tex.width * scale, h = tex.height * scale;
        const ImVec2 a = {pos.x + (width - w) * 0.5f, pos.y + pad + (avail_h - h) * 0.5f};
        dl->AddImage(tex.id, a, {a.x + w, a.y + h});
    }
    return clicked;
}

// ---------------------------------------------------------------- [SECTION] cards

void begin_card(DrawContext& c, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    c.ui.cards.push_back({pos, width});
    const float pad = c.fonts.body->FontSize * 0.8f;
    ImGui::SetCursorScreenPos({pos.x + pad, pos.y + pad});
    ImGui::BeginGroup();
}

bool end_card(DrawContext& c, const char* id, Rgb bg, Rgb border, bool clickable,
              const std::string& label) {
    ImGui::EndGroup();
    const UiState::CardStart start = c.ui.cards.back();
    c.ui.cards.pop_back();
    const float pad = c.fonts.body->FontSize * 0.8f;
    const ImVec2 max = {start.pos.x + start.width, ImGui::GetItemRectMax().y + pad};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    const float r = c.fonts.body->FontSize * 0.4f;
    dl->AddRectFilled(start.pos, max, u32(bg), r);
    dl->AddRect(start.pos, max, u32(border), r, 0, 2.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start.pos);
    bool clicked = false;
    const ImVec2 size = {start.width, max.y - start.pos.y};
    if (clickable) {
        clicked = ImGui::InvisibleButton(id, size) || take_activation(c.ui, id);
        register_item(c, id, label);
        if (ImGui::IsItemActive() && ImGui::IsItemHovered())
            dl->AddRect(start.pos, max, u32(c.p.accent), r, 0, c.fonts.body->FontSize * 0.2f);
        // The arrow says "this opens a screen" without relying on colour.
        icon(dl, "arrow", {max.x - pad * 1.5f, start.pos.y + pad * 1.6f}, pad * 1.6f,
             u32(c.p.accent));
    } else {
        ImGui::Dummy(size);
    }
    return clicked;
}

// ---------------------------------------------------------------- [SECTION] QR codes

namespace {
const QrMatrix& qr_matrix(UiState& ui, const std::string& data) {
    std::map<std::string, QrMatrix>& cache = ui.qr_codes;
    if (cache.size() > 64) cache.clear();
    auto it = cache.find(data);
    if (it == cache.end()) it = cache.emplace(data, make_qr(data)).first;
    return it->second;
}

// At least 4 px a module: a long text (a visitor's advice) makes the code larger than `side`
// rather than too fine for a phone camera. 4 modules of quiet zone on each side.
float module_px(const QrMatrix& q, float side) {
    return std::max(4.0f, std::floor(side / static_cast<float>(q.size + 8)));
}
}  // namespace

float qr_code_side(DrawContext& c, const std::string& data, float side) {
    const QrMatrix& q = qr_matrix(c.ui, data);
    return q.size == 0 ? 0 : module_px(q, side) * static_cast<float>(q.size + 8);
}

void qr_code(DrawContext& c, const std::string& data, float side, const std::string& caption) {
    const QrMatrix& q = qr_matrix(c.ui, data);
    if (q.size == 0) return;
    const int modules = q.size + 8;
    const float px = module_px(q, side);
    const float total = px * static_cast<float>(modules);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, {pos.x + total, pos.y + total}, IM_COL32_WHITE);
    for (int y = 0; y < q.size; ++y)
        for (int x = 0; x < q.size; ++x)
            if (q.at(x, y)) {
                const ImVec2 a = {pos.x + (x + 4) * px, pos.y + (y + 4) * px};
                dl->AddRectFilled(a, {a.x + px, a.y + px}, IM_COL32_BLACK);
            }
    ImGui::Dummy({total, total});
    if (!caption.empty()) text_block(caption, c.fonts.small, u32(c.p.text), total);
}

}  // namespace ww
