// The fonts of the kiosk: body, heading and title faces at the three text sizes, with glyphs for
// every character in the content (so é ë ü € – ’ never render as '?').
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

#include "core/content/content.h"
#include "core/session/session.h"

namespace ww {

struct FontFiles {
    std::string regular;  // path of a .ttf/.otf
    std::string bold;
};

// The faces at one text size. Only the visitor's current size is in the atlas (rebuilt when
// they change it): all three at once would cost tens of MB of texture at 1080p.
struct FontSet {
    TextSize size = TextSize::Normal;
    // The content snapshot whose text the atlas covers. Held, not pointed into: a reload frees the
    // old content only once the fonts have been rebuilt for the new one.
    std::shared_ptr<const Content> content;
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;
    float body_px = 0;
    ImVector<ImWchar> ranges;  // must outlive the atlas build
};

// Pixel size of body text for a display of `w` x `h` pixels at `px_per_mm`; Large and Larger
// meet EN 301 549 5.1.4 at `viewing_distance_cm` (see core/text_size.h).
float body_text_px(float w, float h, float px_per_mm, TextSize size,
                   double viewing_distance_cm = 50);

// Adds every face to `atlas` (cleared first) and builds it, with glyphs for every character of
// `content` (null: the interface's own characters only). Falls back to ImGui's built-in font when
// a file cannot be read (and says so in the log).
void build_fonts(ImFontAtlas& atlas, FontSet& set, const FontFiles& files,
                 std::shared_ptr<const Content> content, float w, float h, float px_per_mm,
                 TextSize size, double viewing_distance_cm = 50);

}  // namespace ww
