// CPU cost of the kiosk's frames without a window (tests/bench.sh): every place rendered N times
// through HeadlessKiosk, a drag-scroll on the longest screen, and RSS after 1000 sessions.
// This is ImGui's CPU side (layout, text, draw lists); the GL driver's rasterising is on top.
// Prints `name=value unit` lines. Usage: frame_bench [frames per place] (run from the source dir)
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "../support/proc_stats.h"
#include "core/config/config.h"
#include "core/content/content.h"
#include "platform/assets/font_files.h"
#include "ui/headless.h"
#include "ui/widgets.h"

using namespace ww;

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i =
        std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

std::string name_of(const Place& p) {
    return (p.kind == PlaceKind::Screen     ? "screen-"
            : p.kind == PlaceKind::Question ? "question-"
                                            : "result-") +
           p.id;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::max(5, std::atoi(argv[1])) : 200;
    ContentLoad content = load_content("layouts", "assets");
    if (!content.ok()) {
        std::fprintf(stderr,
                     "frame_bench: the shipped content has problems (run from the source dir)\n");
        return 1;
    }
    // Long timeouts: the measured places must not turn into the idle warning or the attract loop.
    ConfigLoad cfg = load_config("", {"session.idle_timeout=3600", "session.warning_seconds=600"});
    const FontFiles fonts = find_fonts(cfg.config.fonts.regular, cfg.config.fonts.bold);
    HeadlessKiosk k(cfg.config, content, fonts, 1920, 1080);
    KioskApp& app = k.app();
    k.settle();

    std::printf("%-34s %9s %9s %9s\n", "frame_cpu_ms (headless, 1920x1080)", "p50", "p99",
                "vertices");
    std::vector<double> all;
    std::string lines;  // name=value lines, printed after the table
    std::string longest;
    float longest_h = -1;
    for (const Place& p : app.all_places()) {
        app.show(p);
        k.settle();
        std::vector<double> ms;
        for (int i = 0; i < n; ++i) {
            const double t0 = cpu_ms();
            k.step(1.0 / 60);
            ms.push_back(cpu_ms() - t0);
        }
        all.insert(all.end(), ms.begin(), ms.end());
        const ImDrawData* dd = ImGui::GetDrawData();
        const int vtx = dd ? dd->TotalVtxCount : 0;
        const std::string name = name_of(p);
        std::printf("%-34s %9.3f %9.3f %9d\n", name.c_str(), percentile(ms, 0.5),
                    percentile(ms, 0.99), vtx);
        char line[256];
        std::snprintf(line, sizeof line,
                      "frame_cpu_ms_p50.%s=%.3f ms\nframe_cpu_ms_p99.%s=%.3f ms\n", name.c_str(),
                      percentile(ms, 0.5), name.c_str(), percentile(ms, 0.99));
        lines += line;
        // The longest screen: how far a drag to the very bottom gets.
        if (p.kind == PlaceKind::Screen) {
            // Drag far up and rest before the release (no flick): the offset is the extra height.
            app.press(960, 900, k.now());
            k.step();
            app.move(960, -100000, k.now());
            k.step();
            k.step(0.2);
            app.release(960, -100000, k.now());
            k.settle();
            const auto it = app.session().scroll.find(p.key());
            const float h = it == app.session().scroll.end() ? 0 : it->second;
            if (h > longest_h) {
                longest_h = h;
                longest = p.id;
            }
        }
    }

    // A slow drag down and up the longest screen: one frame per finger move.
    app.show({PlaceKind::Screen, longest});
    k.settle();
    std::vector<double> drag;
    for (int rep = 0; rep < 5; ++rep) {
        const double t0 = cpu_ms();
        app.press(960, 900, k.now());
        k.step(1.0 / 60);
        drag.push_back(cpu_ms() - t0);
        for (int i = 1; i <= 60; ++i) {
            const double t1 = cpu_ms();
            app.move(960, 900 - 12.0f * static_cast<float>(i) * (rep % 2 ? -1.0f : 1.0f), k.now());
            k.step(1.0 / 60);
            drag.push_back(cpu_ms() - t1);
        }
        k.step(0.2);
        app.release(960, 900, k.now());
        k.settle();
    }
    std::printf("%-34s %9.3f %9.3f\n", ("drag-scroll " + longest).c_str(), percentile(drag, 0.5),
                percentile(drag, 0.99));
    std::printf("%s", lines.c_str());
    std::printf("frame_cpu_ms_p50.all=%.3f ms\nframe_cpu_ms_p99.all=%.3f ms\n",
                percentile(all, 0.5), percentile(all, 0.99));
    std::printf(
        "drag_cpu_ms_p50=%.3f ms\ndrag_cpu_ms_p99=%.3f ms\nlongest_screen=%s (%.0f px of scroll)\n",
        percentile(drag, 0.5), percentile(drag, 0.99), longest.c_str(), longest_h);

    // 1000 visitor sessions of random taps, then idle out (like tests/ui/test_soak.cpp).
    app.show({PlaceKind::Screen, content.content->home});
    const double rss0 = rss_mb();
    std::mt19937 rng(7);
    for (int s = 0; s < 1000; ++s) {
        if (app.phase() == Phase::Attract) k.tap(960, 540);
        for (int a = 0; a < 5; ++a) {
            const auto& items = k.items();
            if (items.empty()) break;
            auto it = items.begin();
            std::advance(it, static_cast<long>(rng() % items.size()));
            if (it->first.rfind("##size-", 0) == 0) continue;
            k.tap((it->second.x0 + it->second.x1) / 2, (it->second.y0 + it->second.y1) / 2);
        }
        k.step(3600.5);
        k.step(600.5);
    }
    std::printf("rss_mb_start=%.1f MB\nrss_mb_after_1000_sessions=%.1f MB\n", rss0, rss_mb());
    return 0;
}
