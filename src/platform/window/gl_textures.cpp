#include "platform/window/gl_textures.h"

#include <glad/gl.h>

#include "core/base/log.h"

namespace ww {

GlTextures::~GlTextures() {
    clear();
}

void GlTextures::clear() {
    for (auto& [file, t] : cache_) {
        GLuint id = static_cast<GLuint>(reinterpret_cast<intptr_t>(t.id));
        if (id) glDeleteTextures(1, &id);
    }
    cache_.clear();
    decoded_.clear();
}

TextureInfo GlTextures::get(const std::string& file) {
    auto it = cache_.find(file);
    if (it != cache_.end()) return it->second;
    TextureInfo info;
    const std::string path = dir_ + "/" + file;
    DecodedPicture px;
    if (auto d = decoded_.find(file); d != decoded_.end()) {
        px = std::move(d->second);
        decoded_.erase(d);
    } else {
        px = decode_picture(path);
    }
    if (px.rgba) {
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, px.width, px.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     px.rgba.get());
        info = {reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id)),
                static_cast<float>(px.width), static_cast<float>(px.height)};
    } else if (!file.empty()) {
        log_line("cannot load picture " + path);
    }
    cache_[file] = info;
    return info;
}

}  // namespace ww
