// A headless kiosk on the shipped content, for UI tests.
#pragma once
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/config.h"
#include "core/content.h"
#include "platform/font_files.h"
#include "ui/headless.h"
#include "ui/widgets.h"

struct Kiosk {
    std::unique_ptr<ww::HeadlessKiosk> k;
    explicit Kiosk(float w = 1920, float h = 1080, std::vector<std::string> sets = {}) {
        ww::ConfigLoad cfg = ww::load_config("kiosk-config/default.toml", sets);
        REQUIRE(cfg.ok());
        k = std::make_unique<ww::HeadlessKiosk>(cfg.config, ww::load_content("layouts", "assets"),
                                                ww::find_fonts("Noto Sans", "Noto Sans:bold"), w,
                                                h);
        k->settle();
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
    // Scrolls down (drag up from the middle of the screen) until `id` is visible.
    void reveal(const std::string& id) {
        for (int i = 0; i < 30 && !visible(id); ++i) k->drag(900, 800, 0, -300, 6);
    }
};
