// How the visitor's text sizes and themes are spelled: in profiles (accessibility.text_size,
// accessibility.theme), on the command line (--text-size, --theme), in the accessibility panel's
// actions and in the usage figures. One list each, in the order of TextSize and Theme
// (core/session/session.h: parse_text_size, parse_theme, name_of), so a new size or theme is one
// word here and one enum value there.
#pragma once
#include <algorithm>
#include <array>
#include <string>

namespace ww {

inline constexpr std::array<const char*, 3> kTextSizeNames = {"normal", "large", "larger"};
inline constexpr std::array<const char*, 2> kThemeNames = {"normal", "high-contrast"};

// Whether `s` is one of `names`.
template <size_t N>
bool is_one_of(const std::array<const char*, N>& names, const std::string& s) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

}  // namespace ww
