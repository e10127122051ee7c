// Drawing of the three kinds of place: information screens, guide questions, guide results.
#pragma once
#include "core/access/place_texts.h"
#include "ui/draw_context.h"

namespace ww {

// `texts` is what the app derived for the place shown (core/access/place_texts.h).
void draw_screen(DrawContext& c, const Screen& s, const PlaceTexts& texts, float width);
void draw_question(DrawContext& c, const Question& q, float width);
void draw_result(DrawContext& c, const PlaceTexts& texts, float width);

}  // namespace ww
