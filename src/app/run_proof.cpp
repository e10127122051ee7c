// --proof: every place and overlay state rendered in an invisible window and written as PNG.
#include <glad/gl.h>
// glad must come before GLFW.
#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <filesystem>
#include <vector>

#include "app/kiosk_wiring.h"
#include "app/runner.h"
#include "core/base/log.h"
#include "platform/window/gl_window.h"

namespace ww {

int run_proof(const KioskConfig& cfg, const RunOptions& opts, const std::string& dir) {
    GlWindow gui;
    if (!gui.open(cfg, false, false, cfg.window.width, cfg.window.height, opts.paths.assets)) {
        gui.close();
        return 1;
    }
    std::filesystem::create_directories(dir);
    double now = 0;
    WindowedKiosk k = make_kiosk(
        gui, cfg, opts,
        load_start({opts.paths.layouts, opts.paths.assets, cfg.fonts.regular, cfg.fonts.bold}), now,
        nullptr);
    KioskApp* app = k.app.get();
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
            shoot(p.file_name());
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
    k.app.reset();  // before the speaker its hooks use
    k.speaker.reset();
    gui.close();
    return written > 0 ? 0 : 1;
}

}  // namespace ww
