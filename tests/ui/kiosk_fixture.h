// A headless kiosk on the shipped content, for UI tests.
#pragma once
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/base/clock.h"
#include "core/config/config.h"
#include "core/config/paths.h"
#include "core/content/content.h"
#include "platform/assets/font_files.h"
#include "ui/headless.h"
#include "ui/widgets.h"

// A state.dir (the admin PIN guard) of its own for each kiosk: no test writes to
// ~/.local/state or meets the wrong PINs of another test.
inline std::string fresh_state_dir() {
    static int n = 0;
    return (std::filesystem::temp_directory_path() /
            ("ww-ui-state-" + std::to_string(::getpid()) + "-" + std::to_string(n++)))
        .string();
}

struct Kiosk {
    std::string state_dir = fresh_state_dir();
    std::unique_ptr<ww::HeadlessKiosk> k;
    // `sets` come after the fixture's own state.dir, so a test may share one between kiosks.
    // The folders follow from the profile as in the kiosk (core/config/paths.h), without the
    // environment's; `clock`: a fake wall clock, else the system's.
    explicit Kiosk(float w = 1920, float h = 1080, std::vector<std::string> sets = {},
                   ww::Clock clock = {}) {
        sets.insert(sets.begin(), "state.dir=\"" + state_dir + "\"");
        ww::PathInputs where;
        where.layouts_arg = "layouts";
        where.config_arg = "kiosk-config/default.toml";
        ww::ConfigLoad cfg = ww::load_config(ww::profile_path(where), sets);
        REQUIRE(cfg.ok());
        where.state_dir_set = cfg.config.state.dir;
        const ww::Paths paths = ww::resolve_paths(where);
        k = std::make_unique<ww::HeadlessKiosk>(
            cfg.config, ww::load_content(paths.layouts, paths.assets),
            ww::find_fonts("Noto Sans", "Noto Sans:bold"), w, h, 0, paths, std::move(clock));
        k->settle();
    }
    ~Kiosk() {
        std::error_code ec;
        std::filesystem::remove_all(state_dir, ec);
    }
    ww::KioskApp& app() { return k->app(); }
    const ww::Place& place() { return app().session().current(); }
    // Taps the item with this id ("##tile-guide"); fails the test when it is not visible.
    void tap(const std::string& id) {
        float x = 0, y = 0;
        REQUIRE_MESSAGE(k->find(id.c_str(), x, y),
                        "not visible: " << id << " on " << place().key());
        k->tap(x, y);
    }
    bool visible(const std::string& id) {
        float x, y;
        return k->find(id.c_str(), x, y);
    }
    // Scrolls down (drag up from the lower part of the screen) until `id` is visible.
    void reveal(const std::string& id) {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        for (int i = 0; i < 30 && !visible(id); ++i)
            k->drag(size.x / 2, size.y * 0.75f, 0, -size.y * 0.3f, 6);
    }
};
