// Drawing of the three kinds of place: information screens, guide questions, guide results.
#pragma once
#include "core/guide/advice.h"
#include "ui/draw_context.h"

namespace ww {

void draw_screen(DrawContext& c, const Screen& s, float width);
void draw_question(DrawContext& c, const Question& q, float width);
void draw_result(DrawContext& c, const Advice& a, float width);

}  // namespace ww
