// Drawing of the three kinds of place: information screens, guide questions, guide results.
#pragma once
#include "ui/draw_context.h"

namespace ww {

void draw_screen(DrawContext& c, const Screen& s, float width);
void draw_question(DrawContext& c, const Question& q, float width);
void draw_result(DrawContext& c, const GuideResult& r, float width);

// The title of a place in the visitor's language (for the header's "you are here").
std::string place_title(const Content& content, const Place& p, const std::string& lang);

}  // namespace ww
