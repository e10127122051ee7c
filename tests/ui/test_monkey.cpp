// The monkey: a careless visitor and a hurried admin at once. Random taps, drags, flicks, bursts
// of navigation keys (speech mode, focus), panel choices, read-aloud, idle timeouts, admin gesture
// attempts, screen rotations and content reloads (good ones, and a file cut in half, invalid
// UTF-8, a missing picture) through the same input layer as the real window. After every action
// the kiosk must still make sense.
//
// Bounded in actions and seconds. Replay a failure with the seed it printed:
//   WEGWIJZER_MONKEY_SEED=1234 build/ui_tests -tc='monkey*'
// WEGWIJZER_MONKEY_ACTIONS and WEGWIJZER_MONKEY_SECONDS change the bounds.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../support/capture_stderr.h"
#include "../support/content_copy.h"
#include "core/admin/admin.h"
#include "core/config/config.h"
#include "core/content/content.h"
#include "platform/assets/font_files.h"
#include "ui/headless.h"
#include "ui/widgets.h"

using namespace ww;
namespace fs = std::filesystem;

namespace {

long env_or(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atol(v) : fallback;
}

// Content variants on disk, each a layouts/ + assets/ pair, made once per run.
struct Variants {
    std::vector<std::unique_ptr<ContentCopy>> copies;
    std::vector<std::string> good, broken;  // layouts dirs
    ContentCopy& add(std::vector<std::string>& to) {
        copies.push_back(std::make_unique<ContentCopy>("monkey"));
        to.push_back(copies.back()->layouts());
        return *copies.back();
    }
    Variants() {
        add(good);  // as shipped
        // New words and a letter the shipped content never had: fonts must follow.
        add(good).edit("kiosk.toml", "nl = \"Start\"", "nl = \"Begin \xC5\x81\"");
        {
            // Cut inside a string half-way: a half that happens to end between two blocks would
            // be valid TOML and a valid (shorter) screen.
            ContentCopy& c = add(broken);
            const std::string text = c.read("screens/geld.toml");
            c.write("screens/geld.toml", text.substr(0, text.find("= \"", text.size() / 2) + 5));
        }
        add(broken).edit("screens/optie-2.toml", "a", "\xC3\x28");  // invalid UTF-8
        fs::remove(add(broken).root / "assets/tile-money.png");     // a missing picture
        add(broken).write("guide.toml", "");                        // an empty guide
    }
    const fs::path& root() const { return copies.front()->root; }
    static ContentLoad load(const std::string& layouts) {
        return load_content(layouts, (fs::path(layouts).parent_path() / "assets").string());
    }
};

// What must hold after every action, whatever the monkey did.
std::string broken_invariant(HeadlessKiosk& k, const std::shared_ptr<const Content>& expected) {
    KioskApp& app = k.app();
    if (app.out_of_order()) return "out of order after good content";
    if (app.snapshot() != expected) return "content is not the last good load";
    const Content& c = *app.content();
    const Session& s = app.session();
    if (s.history.empty()) return "empty history";
    for (auto& p : s.history) {
        const bool exists = p.kind == PlaceKind::Screen     ? c.screen(p.id) != nullptr
                            : p.kind == PlaceKind::Question ? c.guide.question(p.id) != nullptr
                                                            : c.guide.result(p.id) != nullptr;
        if (!exists) return "history holds a place the content lacks: " + p.key();
    }
    if (std::find(c.languages.begin(), c.languages.end(), s.lang) == c.languages.end())
        return "session language " + s.lang + " not in the content";
    if (k.fonts().content != app.snapshot()) return "fonts built for another content";
    if (k.fonts().size != s.text_size) return "fonts at the wrong text size";
    if (s.speech_volume < 0 || s.speech_volume > 100) return "speech volume out of range";
    if (const FocusTarget* f = app.focus().focused()) {
        const auto& items = app.focus().items();
        if (std::none_of(items.begin(), items.end(), [&](auto& i) { return i.id == f->id; }))
            return "the focus is on an item that is not there: " + f->id;
    }
    return {};
}

}  // namespace

TEST_CASE("monkey: random visitors, admins and content reloads never break the kiosk") {
    const unsigned seed =
        static_cast<unsigned>(env_or("WEGWIJZER_MONKEY_SEED", std::random_device{}()));
    const long max_actions = env_or("WEGWIJZER_MONKEY_ACTIONS", 1500);
    const long max_seconds = env_or("WEGWIJZER_MONKEY_SECONDS", 40);
    std::printf("monkey seed=%u (replay: WEGWIJZER_MONKEY_SEED=%u)\n", seed, seed);
    std::fflush(stdout);

    Variants variants;
    const std::string pin = "13579024";
    ConfigLoad cfg = load_config(
        "kiosk-config/default.toml",
        {"session.idle_timeout=20", "session.warning_seconds=20", "admin.pin_hash=" + hash_pin(pin),
         "admin.lockout_seconds=10", "state.dir=" + (variants.root() / "state").string()});
    REQUIRE(cfg.ok());
    ContentLoad first = Variants::load(variants.good[0]);
    REQUIRE(first.ok());
    std::shared_ptr<const Content> expected = first.content;

    std::optional<CaptureStderr> log(std::in_place);  // thousands of lines: shown on failure
    Paths paths;                                      // the PIN guard across the kiosk's restarts
    paths.state_dir = cfg.config.state.dir;
    HeadlessKiosk k(cfg.config, std::move(first), find_fonts("Noto Sans", "Noto Sans:bold"), 1920,
                    1080, 0, paths);
    int spoken = 0;
    AppHooks hooks;
    hooks.speak = [&](const std::string&, const std::string&, int) { ++spoken; };
    hooks.stop_speech = [] {};
    k.set_hooks(hooks);
    k.settle();

    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    float W = 1920, H = 1080;
    const auto started = std::chrono::steady_clock::now();
    int counts[12] = {};
    std::string failure;
    long n = 0;
    for (; n < max_actions && failure.empty(); ++n) {
        if (std::chrono::steady_clock::now() - started > std::chrono::seconds(max_seconds)) break;
        KioskApp& app = k.app();
        const int what = pick(100);
        std::string did;
        if (what < 8) {  // a burst of keys (a keypad, a keyboard): speech mode, focus, choose
            const int presses = 1 + pick(6);
            did = "keys";
            for (int i = 0; i < presses; ++i) {
                const auto key = static_cast<NavKey>(pick(9));
                did += " " + std::to_string(static_cast<int>(key));
                app.nav_key(key, k.now());
                k.step();
            }
            k.settle();
            ++counts[10];
        } else if (what < 50) {  // a tap on something visible (panels, answers, tiles, Back, Home)
            const auto& items = k.items();
            if (items.empty()) {
                k.tap(W / 2, H / 2);
                did = "tap middle (no items)";
            } else {
                auto it = items.begin();
                std::advance(it, pick(static_cast<int>(items.size())));
                did = "tap " + it->first;
                k.tap((it->second.x0 + it->second.x1) / 2, (it->second.y0 + it->second.y1) / 2);
            }
            ++counts[0];
        } else if (what < 58) {  // a tap anywhere
            const float x = static_cast<float>(pick(static_cast<int>(W))),
                        y = static_cast<float>(pick(static_cast<int>(H)));
            did = "tap " + std::to_string(x) + "," + std::to_string(y);
            k.tap(x, y);
            ++counts[1];
        } else if (what < 66) {  // a drag or a flick
            const float x = 100.0f + pick(static_cast<int>(W) - 200),
                        y = 100.0f + pick(static_cast<int>(H) - 200);
            const float dy = static_cast<float>(pick(800) - 400);
            const int steps = 1 + pick(12);
            did = "drag " + std::to_string(dy) + " in " + std::to_string(steps);
            k.drag(x, y, static_cast<float>(pick(60) - 30), dy, steps);
            ++counts[2];
        } else if (what < 72) {  // language, text size, contrast, reach mode
            const Action choices[] = {
                {Action::SetLang, "en"},         {Action::SetLang, "nl"},
                {Action::SetTextSize, "large"},  {Action::SetTextSize, "larger"},
                {Action::SetTextSize, "normal"}, {Action::SetTheme, "high-contrast"},
                {Action::SetTheme, "normal"},    {Action::ToggleReach}};
            const Action& a = choices[pick(8)];
            did = "apply " + std::to_string(a.kind) + " " + a.arg;
            app.apply(a);
            k.settle();
            ++counts[3];
        } else if (what < 76) {  // read aloud on or off
            const bool on = pick(2);
            did = on ? "read aloud" : "stop reading";
            app.apply({on ? Action::ReadAloud : Action::StopReading});
            k.settle();
            ++counts[4];
        } else if (what < 80) {  // the visitor walks away: warning, maybe a reset
            const double wait = pick(2) ? 21 : 41;
            did = "idle " + std::to_string(wait) + " s";
            k.step(wait);
            k.settle();
            ++counts[5];
        } else if (what < 85) {  // the admin corner, then a PIN (right or wrong), then maybe keys
            did = "admin gesture";
            for (int i = 0; i < 5; ++i) k.tap(5, 5);
            if (app.admin_visible()) {
                const std::string typed = pick(3) ? std::to_string(100000 + pick(900000)) : pin;
                for (char ch : typed) app.key(ch, k.now());
                app.key('\n', k.now());
                k.settle();
                if (pick(2)) app.key(27, k.now());  // cancel / close
                k.settle();
                did += " + PIN";
            }
            ++counts[6];
        } else if (what < 88) {  // the screen turns (a rotated mount, another monitor)
            const std::pair<float, float> sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 800}};
            const auto [w, h] = sizes[pick(3)];
            W = w;
            H = h;
            did = "resize " + std::to_string(static_cast<int>(w)) + "x" +
                  std::to_string(static_cast<int>(h));
            k.resize(w, h);
            k.settle();
            ++counts[7];
        } else if (what < 94) {  // a good reload (SIGHUP, the admin panel, an update)
            const std::string& dir = variants.good[pick(static_cast<int>(variants.good.size()))];
            ContentLoad load = Variants::load(dir);
            if (!load.ok()) {
                failure = "good variant does not load: " + dir;
                break;
            }
            expected = load.content;
            did = "reload good " + dir;
            CHECK(app.set_content(std::move(load)));
            k.settle();
            ++counts[8];
        } else {  // a broken reload: the last good content stays
            const std::string& dir =
                variants.broken[pick(static_cast<int>(variants.broken.size()))];
            ContentLoad load = Variants::load(dir);
            did = "reload broken " + dir;
            if (load.ok()) {
                failure = "broken variant loads without problems: " + dir;
                break;
            }
            CHECK_FALSE(app.set_content(std::move(load)));
            k.settle();
            ++counts[9];
        }
        k.step();
        if (const std::string why = broken_invariant(k, expected); !why.empty())
            failure = "action " + std::to_string(n) + " (" + did + "): " + why;
    }
    const std::string tail = failure.empty() ? "" : log->tail(30);
    log.reset();
    std::printf(
        "monkey seed=%u: %ld actions: %d item taps, %d random taps, %d drags, %d settings, %d "
        "speech, %d idle, %d admin, %d rotations, %d good reloads, %d broken reloads, %d key "
        "bursts; %d sentences spoken\n",
        seed, n, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
        counts[7], counts[8], counts[9], counts[10], spoken);
    if (!failure.empty()) FAIL("seed " << seed << ": " << failure << "\n" << tail);
    CHECK(n > 50);
    CHECK(counts[8] + counts[9] > 0);
}
