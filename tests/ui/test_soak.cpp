// Soak: thousands of random visitors on the shipped content through the headless kiosk. After
// every idle reset the session must be exactly a fresh one, and memory must not grow.
//
// WEGWIJZER_SOAK_SESSIONS overrides the number of sessions (default 10000; 300 under ASan, where
// the RSS check is skipped because the allocator quarantine holds freed memory on purpose).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../support/capture_stderr.h"
#include "../support/proc_stats.h"
#include "core/config/config.h"
#include "core/content/content.h"
#include "platform/assets/font_files.h"
#include "ui/headless.h"
#include "ui/widgets.h"

#if defined(__SANITIZE_ADDRESS__)
#define WW_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WW_SANITIZED 1
#endif
#endif
#ifndef WW_SANITIZED
#define WW_SANITIZED 0
#endif

using namespace ww;

namespace {

std::string describe(const Session& s) {
    std::string out = "history:";
    for (auto& p : s.history) out += " " + p.key();
    out += " answers:" + std::to_string(s.answers.size());
    out += " scroll:";
    for (auto& [k, v] : s.scroll) out += " " + k + "=" + std::to_string(v);
    out += " lang=" + s.lang + " size=" + name_of(s.text_size) + " theme=" + name_of(s.theme);
    out += std::string(" speech=") + (s.speech ? "on" : "off") +
           (s.speech_mode ? " speech_mode=on" : "") + " volume=" + std::to_string(s.speech_volume);
    out += std::string(" reach=") + (s.reach_mode ? "on" : "off");
    out += std::string(" panels=") + (s.access_panel ? "A" : "-") + (s.language_panel ? "L" : "-");
    out += " taps=" + std::to_string(s.taps);
    return out;
}

// Every field of a visitor's session equals the fresh one. Scroll: right after a reset no entry
// at all; once a place has been drawn, only offsets of 0 (the top).
bool is_fresh(const Session& s, const Session& fresh, bool drawn) {
    if (!drawn && !s.scroll.empty()) return false;
    for (auto& [k, v] : s.scroll)
        if (v != 0) return false;
    return s.history == fresh.history && s.answers == fresh.answers && s.lang == fresh.lang &&
           s.text_size == fresh.text_size && s.theme == fresh.theme && s.speech == fresh.speech &&
           s.speech_mode == fresh.speech_mode && s.speech_volume == fresh.speech_volume &&
           s.reach_mode == fresh.reach_mode && !s.access_panel && !s.language_panel &&
           s.taps == fresh.taps;
}

int soak_sessions() {
    if (const char* e = std::getenv("WEGWIJZER_SOAK_SESSIONS")) return std::max(1, std::atoi(e));
    return WW_SANITIZED ? 300 : 10000;
}

}  // namespace

TEST_CASE("soak: random visitors always leave a fresh session behind, memory stays flat") {
    ContentLoad content = load_content("layouts", "assets");
    REQUIRE(content.ok());
    const int idle = 4, warning = 2;
    ConfigLoad cfg = load_config("", {"session.idle_timeout=" + std::to_string(idle),
                                      "session.warning_seconds=" + std::to_string(warning)});
    REQUIRE(cfg.ok());
    const FontFiles fonts = find_fonts(cfg.config.fonts.regular, cfg.config.fonts.bold);

    const int sessions = soak_sessions();
    const int warmup = std::min(500, sessions / 2);
    // The kiosk logs every event on stderr; 10 000 sessions would be ~100 000 lines.
    std::optional<CaptureStderr> quiet;
    if (!WW_SANITIZED && std::getenv("WEGWIJZER_SOAK_VERBOSE") == nullptr) quiet.emplace();
    HeadlessKiosk k(cfg.config, content, fonts);
    KioskApp& app = k.app();
    const Session fresh = app.session();
    REQUIRE(fresh.history.size() == 1);
    REQUIRE(fresh.history[0].id == content.content->home);
    k.settle();

    std::mt19937 rng(20261123);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto chance = [&](int percent) { return pick(100) < percent; };
    const float W = 1920, H = 1080;

    // A drag that rests before the release: scrolls, no flick, few frames.
    auto slow_drag = [&](float x, float y, float dy) {
        app.press(x, y, k.now());
        k.step(1.0 / 30);
        for (int i = 1; i <= 3; ++i) {
            app.move(x, y + dy * i / 3, k.now());
            k.step(1.0 / 30);
        }
        k.step(0.15);
        app.release(x, y + dy, k.now());
        k.settle();
    };

    double rss_warm = 0;
    int answers_given = 0, results_seen = 0, drags = 0, taps = 0, continues = 0, size_changes = 0;
    int dirty_starts = 0, dirty_resets = 0;
    std::vector<std::string> failures;
    for (int n = 0; n < sessions; ++n) {
        if (n == warmup) rss_warm = rss_mb();
        // A visitor walks up: the first touch ends the attract loop and is not a click.
        if (app.phase() == Phase::Attract) k.tap(pick(1900) + 10, pick(1060) + 10);
        if (app.phase() != Phase::Active) {
            failures.push_back("session " + std::to_string(n) + ": touch did not start a session");
            break;
        }
        if (!is_fresh(app.session(), fresh, true) && ++dirty_starts <= 3)
            failures.push_back("session " + std::to_string(n) +
                               " starts dirty: " + describe(app.session()));
        const int actions = 1 + pick(8);
        for (int a = 0; a < actions; ++a) {
            const int what = pick(100);
            if (what < 12) {
                slow_drag(300 + pick(1300), 400 + pick(500),
                          -(100.0f + pick(600)) * (chance(80) ? 1 : -1));
                ++drags;
                continue;
            }
            if (what < 14) {  // a flick: inertia runs out by itself
                k.drag(300 + pick(1300), 800, 0, -300, 4);
                ++drags;
                continue;
            }
            if (what < 16) {  // a tap on nothing
                k.tap(pick(1920), pick(1080));
                continue;
            }
            const auto& items = k.items();
            if (items.empty()) break;
            // Prefer guide answers a little, so many sessions reach results.
            std::vector<const std::pair<const std::string, ItemRect>*> choice;
            for (auto& it : items)
                if (it.first.rfind("##answer-", 0) == 0) choice.push_back(&it);
            if (choice.empty() || chance(40))
                for (auto& it : items) choice.push_back(&it);
            const auto& [id, r] = *choice[pick(static_cast<int>(choice.size()))];
            // Font rebuilds are slow: only a few visitors change the text size.
            if (id.rfind("##size-", 0) == 0 && !chance(25)) continue;
            const float x = std::clamp((r.x0 + r.x1) / 2 + (pick(21) - 10), 0.0f, W - 1);
            const float y = std::clamp((r.y0 + r.y1) / 2 + (pick(21) - 10), 0.0f, H - 1);
            const size_t answers_before = app.session().answers.size();
            const TextSize size_before = app.session().text_size;
            k.tap(x, y);
            ++taps;
            if (app.session().answers.size() > answers_before) ++answers_given;
            if (app.session().current().kind == PlaceKind::Result) ++results_seen;
            if (app.session().text_size != size_before) ++size_changes;
        }
        // The visitor leaves. Sometimes they come back during the warning and continue.
        k.step(idle + 0.5);
        if (app.phase() == Phase::Warning && chance(5)) {
            float cx, cy;
            k.settle();
            if (k.find("##continue", cx, cy)) {
                k.tap(cx, cy);
                ++continues;
                CHECK(app.phase() == Phase::Active);
                k.step(idle + 0.5);
            }
        }
        k.step(warning + 0.5);
        if (app.phase() != Phase::Attract) {
            failures.push_back("session " + std::to_string(n) +
                               ": no reset after the idle time (phase " +
                               std::to_string(static_cast<int>(app.phase())) + ")");
            break;
        }
        if (!is_fresh(app.session(), fresh, false) && ++dirty_resets <= 3)
            failures.push_back("after reset " + std::to_string(n) + ": " + describe(app.session()));
        k.step(0.5);  // a frame of the attract loop
    }
    // The next visitor after the last reset sees a fresh home screen too.
    if (app.phase() == Phase::Attract) k.tap(960, 540);
    if (!is_fresh(app.session(), fresh, true))
        failures.push_back("last visitor starts dirty: " + describe(app.session()));
    const double rss_end = rss_mb();

    MESSAGE("soak: " << sessions << " sessions, " << taps << " taps, " << drags << " drags, "
                     << answers_given << " guide answers, " << results_seen << " results, "
                     << continues << " continues, " << size_changes << " text size changes; RSS "
                     << rss_warm << " MB after " << warmup << " sessions, " << rss_end
                     << " MB at the end");
    for (auto& f : failures) FAIL_CHECK(f);
    CHECK_MESSAGE(dirty_resets == 0, dirty_resets << " resets left state behind");
    CHECK_MESSAGE(dirty_starts == 0,
                  dirty_starts << " visitors found the previous visitor's state");
    CHECK(answers_given > 0);
    CHECK(results_seen > 0);
    if (!WW_SANITIZED && sessions >= 1000) CHECK(rss_end - rss_warm < 5.0);
}
