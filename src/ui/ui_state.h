// What the widgets keep from one call to the next: the items drawn, the focus, a pending
// activation, the open cards, the encoded QR codes. One per kiosk, owned by its KioskApp and
// handed to every drawing function in the DrawContext (as Dear ImGui keeps its state in its
// context), so two kiosks in one process never see each other's items.
#pragma once
#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "core/access/focus.h"
#include "core/content/qr.h"

namespace ww {

// Where a tappable item was: its visible part, in window pixels.
struct ItemRect {
    float x0, y0, x1, y1;
};

struct UiState {
    // Each tappable item of the last frame by id ("##home", "##tile-guide"): visible part only.
    // For tests and --log-items, not for drawing.
    std::map<std::string, ItemRect> items;
    // Every focusable item of the frame, whole, in the order drawn; a panel starts a new layer.
    std::vector<FocusTarget> focusables;
    std::string focused;           // the item that wears the focus ring ("" = none)
    bool scroll_to_focus = false;  // bring `focused` into view once when it is drawn
    std::string activate;          // the item that reports a tap in the next frame ("" = none)
    std::string group;             // spoken before the labels of the items drawn now ("" = none)
    bool next_selected = false;    // the next item drawn is the current choice of its group
    struct CardStart {
        ImVec2 pos;
        float width;
    };
    std::vector<CardStart> cards;  // begin_card's corner and width until its end_card
    // Encoding is slow, so each text is encoded once; emptied now and then so that content
    // updates and many visitors' summaries cannot grow it without bound.
    std::map<std::string, QrMatrix> qr_codes;

    // A new frame: no item drawn yet.
    void begin_frame() {
        items.clear();
        focusables.clear();
    }
    // The item with this id wears the focus ring; `scroll` brings it into view once.
    void set_focused(const std::string& id, bool scroll) {
        focused = id;
        scroll_to_focus = scroll && !id.empty();
    }
};

}  // namespace ww
