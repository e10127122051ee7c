#include "platform/assets/font_files.h"

#include <fontconfig/fontconfig.h>

#include "core/base/log.h"

namespace ww {

std::string find_font(const std::string& pattern_or_path) {
    if (pattern_or_path.find('/') != std::string::npos) return pattern_or_path;
    std::string out;
    if (!FcInit()) return out;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern_or_path.c_str()));
    if (!pat) return out;
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    if (FcPattern* match = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
            out = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return out;
}

FontFiles find_fonts(const std::string& regular, const std::string& bold) {
    FontFiles f{find_font(regular), find_font(bold)};
    // Nothing else in the kiosk asks fontconfig: its configuration and font caches (about 1 MB
    // of heap and mappings) are not kept for the rest of the day.
    FcFini();
    log_event("fonts", {{"regular", f.regular}, {"bold", f.bold}});
    return f;
}

}  // namespace ww
