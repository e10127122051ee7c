#include "ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/access/text_size.h"
#include "core/base/log.h"

namespace ww {

namespace {
// ImGui 1.90 (Debian 13) cuts a font's size to whole pixels, 1.86 (Debian 12) keeps the fraction:
// 21.7 px became 21 on one and stayed 21.7 on the other, so lines wrapped at other words. Whole
// pixels, rounded up (never below the size rule, core/access/text_size.h), look the same on both.
float whole_px(float px) {
    return std::ceil(px);
}
}  // namespace

float body_text_px(float w, float h, float px_per_mm, TextSize size, double viewing_distance_cm) {
    // Normal text is sized from the short side of the screen (about 28 px at 1080p), never below
    // 18 px; with a known px/mm, never below 4 mm em (about 2.9 mm cap height).
    (void)w;
    const float shortest = std::min(w, h);
    float px = std::clamp(shortest / 38.0f, 18.0f, 64.0f);
    if (px_per_mm > 0) px = std::max(px, 4.0f * px_per_mm);  // ~2.9 mm cap height at least
    // Large: at least 1.35 x Normal and a capital H of 0.7 degrees at the viewing distance
    // (EN 301 549 5.1.4); Larger: 1.25 x Large, up to 1/18 of the short side (beyond that the
    // accessibility panel no longer fits a 1080-pixel screen).
    return whole_px(body_px_for(size, px, px_per_mm, viewing_distance_cm, shortest / 18.0f));
}

void build_fonts(ImFontAtlas& atlas, FontSet& set, const FontFiles& files,
                 std::shared_ptr<const Content> content, float w, float h, float px_per_mm,
                 TextSize size, double viewing_distance_cm) {
    atlas.Clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    if (content)
        for (auto* s : content->all_strings()) builder.AddText(s->c_str(), s->c_str() + s->size());
    builder.AddText("•–—’‘“”€…·×›");  // glyphs the interface itself draws
    set.ranges.clear();
    builder.BuildRanges(&set.ranges);

    auto readable = [](const std::string& path) {
        if (path.empty()) return false;
        FILE* f = fopen(path.c_str(), "rb");
        if (f) fclose(f);
        return f != nullptr;
    };
    const bool have_regular = readable(files.regular);
    const bool have_bold = readable(files.bold);
    if (!have_regular)
        log_line("font '" + files.regular + "' not readable; using the built-in font");

    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    auto add = [&](const std::string& path, bool ok, float px) {
        if (!ok) {
            ImFontConfig d;
            d.SizePixels = whole_px(px);
            return atlas.AddFontDefault(&d);
        }
        return atlas.AddFontFromFileTTF(path.c_str(), whole_px(px), &cfg, set.ranges.Data);
    };
    const float body = body_text_px(w, h, px_per_mm, size, viewing_distance_cm);
    const std::string& bold = have_bold ? files.bold : files.regular;
    set.size = size;
    set.content = std::move(content);
    set.body_px = body;
    set.body = add(files.regular, have_regular, body);
    set.bold = add(bold, have_bold || have_regular, body);
    set.small = add(files.regular, have_regular, body * 0.8f);
    set.heading = add(bold, have_bold || have_regular, body * 1.3f);
    set.title = add(bold, have_bold || have_regular, body * 1.7f);
    atlas.Build();
}

}  // namespace ww
