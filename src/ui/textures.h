// Where the UI gets pictures from: GL textures in the real window, placeholders when headless.
#pragma once
#include <imgui.h>

#include <string>

namespace ww {

struct TextureInfo {
    ImTextureID id = nullptr;
    float width = 0, height = 0;  // pixels of the source image
};

class TextureSource {
  public:
    virtual ~TextureSource() = default;
    // The picture `file` from the assets folder; id == nullptr when it cannot be loaded.
    virtual TextureInfo get(const std::string& file) = 0;
};

// For headless runs: every picture is a 4:3 placeholder that draws nothing.
class NullTextures : public TextureSource {
  public:
    TextureInfo get(const std::string&) override { return {nullptr, 512, 384}; }
};

}  // namespace ww
