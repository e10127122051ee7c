#include "platform/assets/pictures.h"

#include <stb_image.h>

namespace ww {

DecodedPicture decode_picture(const std::string& path) {
    DecodedPicture p;
    int n = 0;
    // stbi_image_free is free() with stb's default allocator, which Debian's libstb uses.
    p.rgba.reset(stbi_load(path.c_str(), &p.width, &p.height, &n, 4));
    return p;
}

}  // namespace ww
