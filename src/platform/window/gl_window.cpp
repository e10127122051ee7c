#include "platform/window/gl_window.h"

#include <glad/gl.h>
// glad must come before GLFW.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <malloc.h>

#include <cmath>

#include "core/base/log.h"
#include "platform/display/monitors.h"
#include "platform/window/lib_versions.h"
#include "ui/app.h"

namespace ww {

bool GlWindow::open(const KioskConfig& cfg, bool visible, bool fullscreen, int w, int h,
                    const std::string& assets, const GlWindowHooks& hooks) {
    glfwSetErrorCallback([](int code, const char* msg) {
        log_line("glfw error " + std::to_string(code) + ": " + msg);
    });
    glfw_ask_for_x11();
    if (!glfwInit()) {
        log_line("cannot open a window: no display (set DISPLAY, or use --proof under xvfb-run)");
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay up when focus moves
    // ImGui draws 2D with scissors only: no depth or stencil buffer (8 MB at 1080p on a
    // software renderer).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = pick_monitor(cfg.window.monitor);
    const GLFWvidmode* mode = fullscreen && monitor ? glfwGetVideoMode(monitor) : nullptr;
    width = static_cast<float>(mode ? mode->width : w);
    height = static_cast<float>(mode ? mode->height : h);
    px_per_mm = cfg.display.px_per_mm > 0 ? static_cast<float>(cfg.display.px_per_mm)
                                          : monitor_px_per_mm(monitor);
    if (px_per_mm <= 0) px_per_mm = kAssumedPxPerMm;
    viewing_cm = cfg.display.viewing_distance_cm;
    if (hooks.display_known) hooks.display_known(*this);
    window = glfwCreateWindow(static_cast<int>(width), static_cast<int>(height), "wegwijzer",
                              mode ? monitor : nullptr, nullptr);
    if (!window) return false;
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(glfwGetProcAddress)) {
        log_line("cannot load OpenGL 3.3");
        return false;
    }
    glfwSwapInterval(1);
    if (hooks.before_imgui) hooks.before_imgui();
    // The backend's shaders now. It also makes a font texture from the atlas it finds, so it
    // gets an empty one of its own (ImGui's small default font, dropped at once): our atlas may
    // not be built yet, and the backend would upload it as RGBA (upload_font_texture).
    ImFontAtlas backend_atlas;
    imgui = ImGui::CreateContext(&backend_atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts = &atlas;  // neither atlas belongs to the context: it frees neither
    textures = std::make_unique<GlTextures>(assets);
    // width and height stay the size the fonts are built for: should the window have come out
    // otherwise, the first frame sees the difference and builds them again (render).
    return true;
}

void GlWindow::build_fonts_for(TextSize size, std::shared_ptr<const Content> content) {
    ImGuiIO& io = ImGui::GetIO();
    build_fonts(*io.Fonts, fonts, files, std::move(content), width, height, px_per_mm, size,
                viewing_cm);
    upload_font_texture();
}

void GlWindow::upload_font_texture() {
    // ImGui 1.86's OpenGL3 backend uploads the atlas as RGBA: white with the glyphs in alpha,
    // four times the one channel that holds them. We upload that channel alone and let the
    // texture's swizzle read it as (1, 1, 1, a): what the backend's shader then sees is the same.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&px, &w, &h);
    if (!font_texture) glGenTextures(1, &font_texture);
    glBindTexture(GL_TEXTURE_2D, font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint white_alpha[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_alpha);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, px);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture)));
    // The GPU has the glyphs now, and a rebuild starts from the font files again (build_fonts):
    // the pixels and the fonts' file data are not needed here.
    atlas.ClearTexData();
    atlas.ClearInputData();
    malloc_trim(0);  // and what the rebuild left free in the heap goes back too
}

bool GlWindow::render(KioskApp& app, double now) {
    int fw, fh, ww, wh;
    glfwGetFramebufferSize(window, &fw, &fh);
    glfwGetWindowSize(window, &ww, &wh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {static_cast<float>(ww), static_cast<float>(wh)};
    io.DisplayFramebufferScale = {ww > 0 ? static_cast<float>(fw) / ww : 1.0f,
                                  wh > 0 ? static_cast<float>(fh) / wh : 1.0f};
    if (std::fabs(ww - width) > 1 || std::fabs(wh - height) > 1) {
        // A new size (monitor change, rotation): fonts follow the screen.
        width = static_cast<float>(ww);
        height = static_cast<float>(wh);
        build_fonts_for(fonts.size, fonts.content);
    }
    ImGui_ImplOpenGL3_NewFrame();
    bool more = app.frame(now);
    // The frame saw a tap (or key) that asked for a new place: build the new place's frame at
    // once and draw only that one. The software renderer takes most of a frame's time, so this
    // takes one drawn frame out of every tap's wait for the next screen.
    if (app.place_due()) more = app.frame(now);
    glViewport(0, 0, fw, fh);
    const Rgb bg = app.background();
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return more;
}

void GlWindow::close() {
    textures.reset();
    if (font_texture) glDeleteTextures(1, &font_texture);
    font_texture = 0;
    if (imgui) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(imgui);
    }
    if (window) glfwDestroyWindow(window);
    glfwTerminate();
}

}  // namespace ww
