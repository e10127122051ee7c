// What the kiosk's first frame needs and no window does: the content (read and checked), the font
// files (fontconfig) and home's pictures, decoded. The real window loads them on a thread of its
// own while the main thread opens the display and the GL context, which on a software renderer
// is most of a start (tests/bench.sh: first_frame_ms).
#pragma once
#include <future>
#include <map>
#include <string>

#include "core/content/content.h"
#include "platform/pictures.h"
#include "ui/fonts.h"

namespace ww {

struct StartLoad {
    ContentLoad content;
    FontFiles fonts;
    std::map<std::string, DecodedPicture> pictures;  // home's, by file name (none if broken)
};

struct StartPaths {
    std::string layouts, assets;
    std::string font_regular, font_bold;  // fontconfig patterns or paths (fonts.* in the profile)
};

StartLoad load_start(const StartPaths& paths);

// load_start on a thread; signals stay blocked there as in the thread that calls this.
inline std::future<StartLoad> load_start_async(StartPaths paths) {
    return std::async(std::launch::async, [p = std::move(paths)] { return load_start(p); });
}

}  // namespace ww
