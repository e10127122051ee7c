// Finds font files through fontconfig (Debian: fonts-noto-core, fonts-dejavu-core).
#pragma once
#include <string>

#include "ui/fonts.h"

namespace ww {

// A pattern such as "Noto Sans:bold" or a path to a .ttf; returns a file path, empty if none.
std::string find_font(const std::string& pattern_or_path);

FontFiles find_fonts(const std::string& regular, const std::string& bold);

}  // namespace ww
