// Everything a GL window with ImGui needs, set up and torn down in one place: the GLFW window, an
// OpenGL 3.3 core context, ImGui's OpenGL3 renderer, the font atlas as a GL texture and the
// pictures as GL textures. The real window and --proof (an invisible window) both use it.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/access/text_size.h"
#include "core/config/config.h"
#include "platform/window/gl_textures.h"
#include "ui/fonts.h"

struct GLFWwindow;
struct ImGuiContext;

namespace ww {

class KioskApp;

struct GlWindow;

// What the real window does while it opens (run_window.cpp: the start thread).
struct GlWindowHooks {
    // The display is open and the window's size and px/mm are known; the window is not made yet.
    std::function<void(GlWindow&)> display_known;
    // Just before ImGui's context is made: from then on no other thread may use ImGui.
    std::function<void()> before_imgui;
};

struct GlWindow {
    GLFWwindow* window = nullptr;
    ImGuiContext* imgui = nullptr;
    ImFontAtlas atlas;  // the fonts of `fonts`, the context's io.Fonts
    FontSet fonts;
    FontFiles files;  // set before build_fonts_for (make_kiosk)
    std::unique_ptr<GlTextures> textures;
    float width = 0, height = 0, px_per_mm = kAssumedPxPerMm;
    double viewing_cm = 50;
    unsigned font_texture = 0;  // GL name; ours, not the OpenGL3 backend's (see gl_window.cpp)

    // Opens a `w` x `h` window (fullscreen on the profile's monitor when `fullscreen`); false
    // when there is no display or no OpenGL 3.3 (logged). Call close() either way.
    bool open(const KioskConfig& cfg, bool visible, bool fullscreen, int w, int h,
              const std::string& assets, const GlWindowHooks& hooks = {});
    // Builds the atlas for `size` and the glyphs of `content`, uploads it, drops the CPU copy.
    void build_fonts_for(TextSize size, std::shared_ptr<const Content> content);
    // Uploads the built atlas of the current context as the font texture (one channel), then
    // frees the atlas's pixels and its font files.
    void upload_font_texture();
    // One rendered frame of `app` into the back buffer. Returns what app.frame returned.
    bool render(KioskApp& app, double now);
    void close();
};

}  // namespace ww
