// The kiosk's widgets: big buttons, tiles, cards, wrapped text, QR codes. ImGui only.
#pragma once
#include <imgui.h>

#include <string>

#include "ui/draw_context.h"

namespace ww {

// Staff styles (admin pad and panel) have the staff colours of ui/theme.h in every visitor theme,
// and tight padding: their size comes from the pad's grid. StaffKey has the big digits of a pad
// key, StaffDanger the red of "Exit kiosk".
enum class ButtonStyle { Primary, Secondary, Header, Staff, StaffKey, StaffDanger };

// Wrapped text in `font` and `color`, `width` wide, at the cursor.
void text_block(const std::string& text, ImFont* font, ImU32 color, float width);

// A big touch button: at least `min_height` tall, label wrapped inside. Pressed feedback while a
// finger is down; no hover effect. Returns true on a tap.
bool big_button(DrawContext& c, const char* id, const std::string& label, float width,
                float min_height, ButtonStyle style = ButtonStyle::Primary,
                const char* icon = nullptr);

// A home tile: picture above, label below. Returns true on a tap.
bool tile(DrawContext& c, const char* id, const std::string& image, const std::string& label,
          float width, float height);

// A framed box around what is drawn between begin_card and end_card. end_card returns true when
// the card was tapped and `clickable`.
void begin_card(DrawContext& c, float width);
// `label`: what speech mode says for a clickable card (its title).
bool end_card(DrawContext& c, const char* id, Rgb bg, Rgb border, bool clickable,
              const std::string& label = "");

// The QR code of `data` with a 4-module quiet zone, `side` pixels square, `caption` (the address
// of a web page; empty = none) under it.
void qr_code(DrawContext& c, const std::string& data, float side, const std::string& caption);
// How wide qr_code(data, side) draws: `side`, or more for a long text.
float qr_code_side(DrawContext& c, const std::string& data, float side);

// A small pictogram drawn with shapes (no font glyph needed): "home", "back", "access", "lang",
// "warn", "info", "speaker", "arrow", "check".
void icon(ImDrawList* dl, const char* name, ImVec2 center, float size, ImU32 color);

// Keyboard and speech-mode focus (UiState::focusables): every tappable item of the frame, whole
// (also when scrolled out of sight), with its label, in the order drawn; a panel or the idle
// warning starts a new layer so only its items are focusable while it is open.
void begin_focus_layer(DrawContext& c);
// Labels spoken for the items drawn from now on start with `group` ("Text size: Normal"), so
// two choices that read the same on screen sound different; "" ends the group.
void set_focus_group(DrawContext& c, const std::string& group);
// The next item drawn is the current choice of its group: speech mode says so (state_selected).
void mark_next_item_selected(DrawContext& c);
// The last item drawn (a text: the question) takes the focus too, and says `label`.
void focusable(DrawContext& c, const char* id, const std::string& label);

}  // namespace ww
