// A picture from assets/ decoded to RGBA (stb_image), with no GL: decoded on any thread, uploaded
// on the GL thread (gl_textures).
#pragma once
#include <cstdlib>
#include <memory>
#include <string>

namespace ww {

struct DecodedPicture {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> rgba{nullptr, std::free};  // null: failed
};

DecodedPicture decode_picture(const std::string& path);

}  // namespace ww
