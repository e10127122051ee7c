// The kiosk in its real window: the frame loop and its pacing.
#include <glad/gl.h>
// glad must come before GLFW.
#include <GLFW/glfw3.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "app/kiosk_wiring.h"
#include "app/runner.h"
#include "app/update_wiring.h"
#include "core/base/log.h"
#include "core/touch/frame_pacer.h"
#include "platform/display/display_setup_run.h"
#include "platform/display/monitors.h"
#include "platform/display/screen_power.h"
#include "platform/service/signals.h"
#include "platform/service/watchdog.h"
#include "platform/window/gl_window.h"
#include "platform/window/window_input.h"
#include "ui/tour.h"

namespace ww {

namespace {

std::string format_ms(double seconds) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.1f", seconds * 1000);
    return buf;
}

}  // namespace

int run_window(const KioskConfig& cfg, const RunOptions& opts) {
    // One malloc arena for every thread. With glibc's default of one arena per thread, Mesa's
    // rasteriser threads and the speech thread each kept their own heap, and the kiosk's RSS
    // crept up by about 20 MB an hour under the soak's font and content reloads; with one arena
    // it stays flat (make soak). Set before any thread starts.
    mallopt(M_ARENA_MAX, 1);
    // A fixed threshold: every block of 256 KB or more (a decoded picture, the font atlas's
    // pixels and files) is its own mapping and goes back to the system when freed. glibc's
    // default raises the threshold to the largest block freed so far, and then such blocks stay
    // in the heap, which after a start and a tour of every screen held some 20 MB of holes.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    const bool kiosk = cfg.window.fullscreen;
    // A screen mounted in portrait: xrandr and xinput (display.rotation, touch.device), before
    // glfwInit so GLFW sees the turned screen's size. Before the signal watcher too: its wake-up
    // (glfwPostEmptyEvent) must not run before glfwInit, and these take up to 5 s each. A
    // SIGTERM (or SIGHUP) meanwhile ends the kiosk by its default action; the children start
    // with no signal blocked either way (display_setup_run.h).
    run_display_setup(cfg, kiosk);
    // First, before glfwInit and the GL context start threads: signals go to one watcher.
    SignalWatcher signals([] { glfwPostEmptyEvent(); });
    // Content updates (update.url): the folders to load, and the thread that fetches new ones.
    KioskUpdates updates(cfg, opts, [&signals] { signals.request_reload(); });
    RunOptions live = opts;
    live.paths.layouts = updates.dirs().layouts;
    live.paths.assets = updates.dirs().assets;
    // Content, font files, home's pictures and the font atlas load on a thread while GLFW opens
    // the display and the GL context (app/start_load.h). After the signal watcher: the
    // thread inherits its blocked signals. Before it ends, nothing else may use ImGui.
    GlWindow gui;
    StartLoader start({live.paths.layouts, live.paths.assets, cfg.fonts.regular, cfg.fonts.bold});
    std::optional<StartLoad> loaded;
    GlWindowHooks hooks;
    hooks.display_known = [&start,
                           size = parse_text_size(cfg.accessibility.text_size)](GlWindow& w) {
        start.build_fonts({&w.atlas, &w.fonts, w.width, w.height, w.px_per_mm, size, w.viewing_cm});
    };
    hooks.before_imgui = [&] { loaded = start.take(); };
    if (!gui.open(cfg, true, kiosk, cfg.window.width, cfg.window.height, live.paths.assets,
                  hooks)) {
        if (!loaded) start.take();  // it may be building into gui
        updates.stop();
        signals.stop();
        gui.close();
        return 1;
    }
    if (kiosk && cfg.window.hide_cursor)
        glfwSetInputMode(gui.window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    WindowedKiosk k = make_kiosk(gui, cfg, live, std::move(*loaded), glfwGetTime(),
                                 [&signals] { signals.request_reload(); });
    // The heartbeat's "sessions today" is the stats writer's (thread-safe) count, asked by the
    // updater's thread; the writer outlives it (updates.stop() comes first at the end).
    updates.start(
        [stats = k.stats.get()] { return stats ? static_cast<int>(stats->sessions_today()) : -1; });
    KioskApp* app = k.app.get();
    // Staff only (the admin panel): visitors keep seeing the last good content.
    app->set_update_warning([&updates]() -> std::string {
        if (!updates.stale()) return "";
        return "stale: the signature of content version " +
               std::to_string(updates.shown_version()) +
               " has expired and the update server sends none fresher (journalctl: "
               "status=stale)";
    });
    WindowInput st;
    st.app = app;
    st.kiosk = kiosk;
    connect_input(gui.window, st);
    follow_monitor_reconnects(gui.window, cfg);
    Watchdog watchdog;
    ScreenPower power;

    // Frame pacing: draw after input and while the app is busy (drag, flick, settling), at most
    // 60 times a second (core/touch/frame_pacer.h: the swap's vsync or our own clock);
    // otherwise sleep until the app's next timer (countdown tick, attract animation) or the next
    // event. A release or key, and the new place it asked for, are drawn at once: a visitor
    // waits for those (tap latency), while the cap is for streams of frames (a drag).
    FramePacer pacer;
    bool busy = true;
    bool first_frame = true;  // logged once, for the start-up benchmark (tests/bench.sh)
    std::optional<Tour> tour;
    if (opts.tour) tour.emplace(*app);
    // A release or key, the new place it asked for, and each step of --tour: drawn at once.
    const auto draw_now = [&] { return st.at_once || app->place_due() || (tour && !first_frame); };
    bool upgrade_logged = false;
    const auto restart_now = [&] { return signals.restart_requested() && !app->in_use(); };
    while (!signals.quit() && !glfwWindowShouldClose(gui.window) && !app->exit_requested() &&
           !restart_now()) {
        if (signals.restart_requested() && !upgrade_logged) {
            log_event("upgrade", {{"restart", "after_session"}});
            upgrade_logged = true;
        }
        const double now = glfwGetTime();
        // The loop wakes for the watchdog too, so an idle kiosk still proves it is alive.
        const double due = std::min(draw_now()         ? now
                                    : busy || st.dirty ? pacer.next()
                                                       : app->next_wakeup(now),
                                    watchdog.next_ping(now));
        if (due > now)
            glfwWaitEventsTimeout(std::min(due - now, 60.0));
        else
            glfwPollEvents();
        if (signals.take_reload()) {
            // Pictures may have changed with the content; a rejected load keeps the old ones.
            // After a content update the folders are the new version's.
            updates.reload([&](ContentLoad load) {
                if (!app->set_content(std::move(load))) return false;
                gui.textures->set_dir(updates.dirs().assets);
                gui.textures->clear();
                return true;
            });
            st.dirty = true;
        }
        const double t = glfwGetTime();
        if (!first_frame) watchdog.ping_if_due(t);
        const bool at_once = draw_now();
        if (!at_once && !(busy || st.dirty ? t >= pacer.next() : t >= due)) continue;
        // A frame of a stream (a drag, a flick) is shown on the stream's beat; one drawn at once
        // as soon as it is drawn.
        const bool stream = busy && !at_once;
        st.dirty = st.at_once = false;
        if (tour && !first_frame && !tour->next(*app)) {
            tour.reset();
            log_event("tour_done");
        }
        busy = gui.render(*app, t);
        power.set_dark(app->screen_dark());
        glFinish();  // drawn: what the swap waits for after this is the display (FramePacer)
        const double drawn = glfwGetTime();
        if (stream && pacer.show_at(t) > drawn)
            std::this_thread::sleep_for(std::chrono::duration<double>(pacer.show_at(t) - drawn));
        const double swapped = glfwGetTime();
        // The first frame is shown as soon as it is drawn, not at the next refresh.
        if (first_frame) glfwSwapInterval(0);
        glfwSwapBuffers(gui.window);
        if (first_frame) glfwSwapInterval(1);
        pacer.done(t, drawn, swapped, glfwGetTime());
        if (const std::string items = app->take_items_line(); !items.empty()) log_line(items);
        if (const std::optional<double> input = app->take_shown_input(); input && opts.log_latency)
            log_event("tap_latency", {{"ms", format_ms(glfwGetTime() - *input)}});
        if (first_frame) {
            log_event("first_frame");
            watchdog.ready();
            watchdog.ping_if_due(t);
        }
        first_frame = false;
    }
    log_event("exit", {{"reason", signals.quit()          ? "signal"
                                  : app->exit_requested() ? "admin"
                                  : restart_now()         ? "upgrade"
                                                          : "window"}});
    app->finish_session("exit");  // the visitor's session so far counts too
    k.app.reset();                // before the speaker and the stats writer its hooks use
    k.speaker.reset();
    updates.stop();
    k.stats.reset();  // writes what is queued
    signals.stop();
    gui.close();
    return 0;
}

}  // namespace ww
