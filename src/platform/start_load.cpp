#include "platform/start_load.h"

#include "core/content/pictures.h"
#include "platform/font_files.h"

namespace ww {

StartLoad load_start(const StartPaths& paths) {
    StartLoad s;
    s.content = load_content(paths.layouts, paths.assets);
    s.fonts = find_fonts(paths.font_regular, paths.font_bold);
    if (s.content.ok())
        for (const std::string& file : pictures_on(*s.content.content, s.content.content->home))
            if (DecodedPicture p = decode_picture(paths.assets + "/" + file); p.rgba)
                s.pictures.emplace(file, std::move(p));
    return s;
}

}  // namespace ww
