// Drawing of the three kinds of place: information screens, guide questions, guide results.
#pragma once
#include "ui/draw_context.h"

namespace ww {

void draw_screen(DrawContext& c, const Screen& s, float width);
void draw_question(DrawContext& c, const Question& q, float width);
void draw_result(DrawContext& c, const GuideResult& r, float width);

}  // namespace ww
