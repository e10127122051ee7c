// Pictures from assets/ as OpenGL textures (decoded with stb_image), loaded once each.
#pragma once
#include <map>
#include <string>

#include "platform/assets/pictures.h"
#include "ui/textures.h"

namespace ww {

class GlTextures : public TextureSource {
  public:
    explicit GlTextures(std::string assets_dir) : dir_(std::move(assets_dir)) {}
    ~GlTextures() override;
    TextureInfo get(const std::string& file) override;
    // Pictures decoded ahead (app/start_load.h): uploaded, then freed, when first drawn.
    void adopt(std::map<std::string, DecodedPicture> decoded) { decoded_ = std::move(decoded); }
    void clear();  // after a content reload: pictures may have changed (decoded ones too)
    // Another assets/ folder (a content update): the cache is cleared when it differs.
    void set_dir(const std::string& dir) {
        if (dir == dir_) return;
        dir_ = dir;
        clear();
    }

  private:
    std::string dir_;
    std::map<std::string, TextureInfo> cache_;
    std::map<std::string, DecodedPicture> decoded_;
};

}  // namespace ww
