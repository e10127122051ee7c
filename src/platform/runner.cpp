#include "platform/runner.h"

#include <glad/gl.h>
// glad must come before GLFW.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "core/log.h"
#include "core/speech.h"
#include "platform/font_files.h"
#include "platform/gl_textures.h"
#include "platform/signals.h"
#include "ui/app.h"

namespace ww {

namespace {

// Pixels per millimetre of `monitor`, from its reported physical size; 0 when it reports nonsense.
float monitor_px_per_mm(GLFWmonitor* monitor) {
    if (!monitor) return 0;
    int mm_w = 0, mm_h = 0;
    glfwGetMonitorPhysicalSize(monitor, &mm_w, &mm_h);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode || mm_w < 50 || mm_w > 5000) return 0;  // projectors and Xvfb report odd sizes
    const float v = static_cast<float>(mode->width) / static_cast<float>(mm_w);
    return v >= 1.0f && v <= 40.0f ? v : 0;
}

GLFWmonitor* pick_monitor(int index) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count == 0) return nullptr;
    return monitors[index < count ? index : 0];
}

// Everything a GL window with ImGui needs, set up and torn down in one place.
struct Gui {
    GLFWwindow* window = nullptr;
    ImGuiContext* imgui = nullptr;
    FontSet fonts;
    FontFiles files;
    std::unique_ptr<GlTextures> textures;
    float width = 0, height = 0, px_per_mm = 4;
    double viewing_cm = 50;
    std::unique_ptr<Speaker> speaker;  // read aloud; silent (logged once) without audio device

    bool open(const KioskConfig& cfg, bool visible, bool fullscreen, int w, int h,
              const std::string& assets) {
        glfwSetErrorCallback([](int code, const char* msg) {
            log_line("glfw error " + std::to_string(code) + ": " + msg);
        });
        if (!glfwInit()) {
            log_line(
                "cannot open a window: no display (set DISPLAY, or use --proof under xvfb-run)");
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
        if (fullscreen && monitor) {
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            w = mode->width;
            h = mode->height;
            window = glfwCreateWindow(w, h, "wegwijzer", monitor, nullptr);
        } else {
            window = glfwCreateWindow(w, h, "wegwijzer", nullptr, nullptr);
        }
        if (!window) return false;
        glfwMakeContextCurrent(window);
        if (!gladLoadGL(glfwGetProcAddress)) {
            log_line("cannot load OpenGL 3.3");
            return false;
        }
        glfwSwapInterval(1);
        px_per_mm = cfg.display.px_per_mm > 0 ? static_cast<float>(cfg.display.px_per_mm)
                                              : monitor_px_per_mm(monitor);
        if (px_per_mm <= 0) px_per_mm = 3.8f;  // a 24" 1080p screen; set display.px_per_mm
        viewing_cm = cfg.display.viewing_distance_cm;
        imgui = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui_ImplOpenGL3_Init("#version 330 core");
        files = find_fonts(cfg.fonts.regular, cfg.fonts.bold);
        textures = std::make_unique<GlTextures>(assets);
        int fw, fh;
        glfwGetWindowSize(window, &fw, &fh);
        width = static_cast<float>(fw);
        height = static_cast<float>(fh);
        return true;
    }

    void build_fonts_for(TextSize size, std::shared_ptr<const Content> content) {
        ImGuiIO& io = ImGui::GetIO();
        build_fonts(*io.Fonts, fonts, files, std::move(content), width, height, px_per_mm, size,
                    viewing_cm);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        io.Fonts->ClearTexData();  // the GPU has the atlas now: drop both CPU copies of it
    }

    // One rendered frame of `app` into the back buffer. Returns what app.frame returned.
    bool render(KioskApp& app, double now) {
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
        const bool more = app.frame(now);
        glViewport(0, 0, fw, fh);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        return more;
    }

    void close() {
        speaker.reset();
        textures.reset();
        if (imgui) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui::DestroyContext(imgui);
        }
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
    }
};

// `reload` asks the frame loop for a content reload (the admin panel's button); null = none.
std::unique_ptr<KioskApp> make_app(Gui& gui, const KioskConfig& cfg, const RunOptions& opts,
                                   double now, std::function<void()> reload) {
    ContentLoad load = load_content(opts.layouts_dir, opts.assets_dir);
    gui.build_fonts_for(parse_text_size(cfg.accessibility.text_size), load.content);
    auto app = std::make_unique<KioskApp>(cfg, std::move(load), *gui.textures, gui.fonts, now);
    app->set_px_per_mm(gui.px_per_mm);
    app->set_log_items(opts.log_items);
    if (!gui.speaker) gui.speaker = std::make_unique<Speaker>(cfg.accessibility.speech_rate);
    Speaker* speaker = gui.speaker.get();
    AppHooks hooks;
    hooks.rebuild_fonts = [&gui](TextSize s, std::shared_ptr<const Content> content) {
        gui.build_fonts_for(s, std::move(content));
    };
    hooks.speak = [speaker](const std::string& text, const std::string& lang, int volume) {
        speaker->speak(text, lang, volume);
    };
    hooks.stop_speech = [speaker] { speaker->stop(); };
    hooks.reload_content = std::move(reload);
    hooks.speaking = [speaker] { return speaker->busy(); };
    app->set_hooks(std::move(hooks));
    app->set_config_path(opts.config_path);
    return app;
}

struct LoopState {
    KioskApp* app = nullptr;
    bool kiosk = true;
    bool dirty = true;
    double x = 0, y = 0;
};

void install_callbacks(GLFWwindow* w, LoopState& st) {
    glfwSetWindowUserPointer(w, &st);
    glfwSetCursorPosCallback(w, [](GLFWwindow* w, double x, double y) {
        auto* st = static_cast<LoopState*>(glfwGetWindowUserPointer(w));
        st->x = x;
        st->y = y;
        st->app->move(static_cast<float>(x), static_cast<float>(y), glfwGetTime());
        st->dirty = true;
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int button, int action, int) {
        auto* st = static_cast<LoopState*>(glfwGetWindowUserPointer(w));
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;  // a palm or second finger: ignored
        glfwGetCursorPos(w, &st->x, &st->y);
        const float x = static_cast<float>(st->x), y = static_cast<float>(st->y);
        if (action == GLFW_PRESS)
            st->app->press(x, y, glfwGetTime());
        else
            st->app->release(x, y, glfwGetTime());
        st->dirty = true;
    });
    // Keys do nothing in the kiosk: no Esc, F11, Alt+F4 or shortcut leaves it.
    glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int, int action, int) {
        auto* st = static_cast<LoopState*>(glfwGetWindowUserPointer(w));
        if (action != GLFW_PRESS) return;
        // ... except in the staff PIN pad and panel (digits, Enter, Backspace, Esc, x).
        int ch = 0;
        if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9)
            ch = '0' + (key - GLFW_KEY_0);
        else if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9)
            ch = '0' + (key - GLFW_KEY_KP_0);
        else if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)
            ch = '\n';
        else if (key == GLFW_KEY_BACKSPACE)
            ch = '\b';
        else if (key == GLFW_KEY_ESCAPE)
            ch = 27;
        else if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z)
            ch = 'a' + (key - GLFW_KEY_A);
        if (ch && st->app->key(ch, glfwGetTime()))
            st->dirty = true;
        else
            log_event("key_ignored", {{"key", std::to_string(key)}});
    });
    glfwSetWindowCloseCallback(w, [](GLFWwindow* w) {
        auto* st = static_cast<LoopState*>(glfwGetWindowUserPointer(w));
        if (st->kiosk) {
            glfwSetWindowShouldClose(w, GLFW_FALSE);
            log_event("close_ignored");
        }
    });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* w) {
        static_cast<LoopState*>(glfwGetWindowUserPointer(w))->dirty = true;
    });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* w, int, int) {
        static_cast<LoopState*>(glfwGetWindowUserPointer(w))->dirty = true;
    });
}

}  // namespace

int run_window(const KioskConfig& cfg, const RunOptions& opts) {
    // First, before glfwInit and the GL context start threads: signals go to one watcher.
    SignalWatcher signals([] { glfwPostEmptyEvent(); });
    Gui gui;
    const bool kiosk = cfg.window.fullscreen;
    if (!gui.open(cfg, true, kiosk, cfg.window.width, cfg.window.height, opts.assets_dir)) {
        signals.stop();
        gui.close();
        return 1;
    }
    if (kiosk && cfg.window.hide_cursor)
        glfwSetInputMode(gui.window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    auto app = make_app(gui, cfg, opts, glfwGetTime(), [&signals] { signals.request_reload(); });
    LoopState st;
    st.app = app.get();
    st.kiosk = kiosk;
    install_callbacks(gui.window, st);
    static GLFWwindow* s_window = gui.window;
    static const KioskConfig* s_cfg = &cfg;
    s_window = gui.window;
    s_cfg = &cfg;
    // A monitor that comes back gets the kiosk back, fullscreen.
    glfwSetMonitorCallback([](GLFWmonitor*, int event) {
        if (event != GLFW_CONNECTED || !s_cfg->window.fullscreen) return;
        GLFWmonitor* m = pick_monitor(s_cfg->window.monitor);
        if (!m) return;
        const GLFWvidmode* mode = glfwGetVideoMode(m);
        glfwSetWindowMonitor(s_window, m, 0, 0, mode->width, mode->height, mode->refreshRate);
        log_event("monitor_connected", {{"width", std::to_string(mode->width)},
                                        {"height", std::to_string(mode->height)}});
    });
    // Frame pacing: draw after input and while the app is busy (drag, flick, settling), at most
    // 60 times a second (vsync does not block under Xvfb or on some drivers); otherwise sleep
    // until the app's next timer (countdown tick, attract animation) or the next event.
    constexpr double kMinFrameTime = 1.0 / 60;
    double last_frame = -1;
    bool busy = true;
    bool first_frame = true;  // logged once, for the start-up benchmark (tests/bench.sh)
    while (!signals.quit() && !glfwWindowShouldClose(gui.window) && !app->exit_requested()) {
        const double now = glfwGetTime();
        const double due = busy || st.dirty ? last_frame + kMinFrameTime : app->next_wakeup(now);
        if (due > now)
            glfwWaitEventsTimeout(std::min(due - now, 60.0));
        else
            glfwPollEvents();
        if (signals.take_reload()) {
            // Pictures may have changed with the content; a rejected load keeps the old ones.
            if (app->set_content(load_content(opts.layouts_dir, opts.assets_dir)))
                gui.textures->clear();
            st.dirty = true;
        }
        const double t = glfwGetTime();
        const bool wanted = busy || st.dirty ? t >= last_frame + kMinFrameTime : t >= due;
        if (!wanted) continue;
        st.dirty = false;
        last_frame = t;
        busy = gui.render(*app, t);
        glfwSwapBuffers(gui.window);
        if (first_frame) log_event("first_frame");
        first_frame = false;
    }
    log_event("exit", {{"reason", signals.quit()          ? "signal"
                                  : app->exit_requested() ? "admin"
                                                          : "window"}});
    app.reset();
    signals.stop();
    gui.close();
    return 0;
}

int run_proof(const KioskConfig& cfg, const RunOptions& opts, const std::string& dir) {
    Gui gui;
    if (!gui.open(cfg, false, false, cfg.window.width, cfg.window.height, opts.assets_dir)) {
        gui.close();
        return 1;
    }
    std::filesystem::create_directories(dir);
    double now = 0;
    auto app = make_app(gui, cfg, opts, now, nullptr);
    int fw, fh;
    glfwGetFramebufferSize(gui.window, &fw, &fh);
    std::vector<unsigned char> px(static_cast<size_t>(fw) * fh * 4);
    int written = 0;
    auto shoot = [&](const std::string& name) {
        for (int i = 0; i < 6; ++i) gui.render(*app, now += 1.0 / 30);  // let layout settle
        glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        stbi_flip_vertically_on_write(1);
        const std::string path = dir + "/" + name + ".png";
        if (stbi_write_png(path.c_str(), fw, fh, 4, px.data(), fw * 4))
            ++written;
        else
            log_line("cannot write " + path);
        glfwSwapBuffers(gui.window);
    };
    if (app->out_of_order()) {
        for (auto& p : app->content_problems()) fprintf(stderr, "%s\n", p.format().c_str());
        shoot("state-out-of-order");
    } else {
        for (auto& p : app->all_places()) {
            app->show(p);
            shoot((p.kind == PlaceKind::Screen     ? ""
                   : p.kind == PlaceKind::Question ? "guide-"
                                                   : "result-") +
                  p.id);
        }
        app->show({PlaceKind::Screen, app->content()->home});
        for (auto& [name, action] : app->proof_states()) {
            app->show({PlaceKind::Screen, app->content()->home});
            app->apply(action);
            shoot("state-" + name);
            app->apply({Action::ClosePanels});
            if (app->session().reach_mode) app->apply({Action::ToggleReach});
        }
        // The lifecycle: idle warning, then the attract loop.
        now += cfg.session.idle_timeout + 0.5;
        shoot("state-idle-warning");
        now += cfg.session.warning_seconds + 0.5;
        gui.render(*app, now);                         // the reset
        now += cfg.attract.seconds_per_message / 2.0;  // mid-message, fully faded in
        shoot("state-attract");
    }
    log_event("proof", {{"dir", dir}, {"files", std::to_string(written)}});
    app.reset();
    gui.close();
    return written > 0 ? 0 : 1;
}

}  // namespace ww
