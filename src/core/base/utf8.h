#pragma once
#include <string_view>

namespace ww {

// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid.
size_t first_invalid_utf8(std::string_view s);

// Calls `f(codepoint)` for every code point of valid UTF-8 `s`.
template <class F>
void for_each_codepoint(std::string_view s, F&& f);

}  // namespace ww

#include "core/base/utf8_inl.h"
