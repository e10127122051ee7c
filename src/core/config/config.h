// The kiosk profile (kiosk-config/*.toml): everything a site sets. Plain data with documented
// defaults; a missing key keeps its default. Every key is listed in kiosk-config/README.md.
#pragma once
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/base/text.h"
#include "core/config/choices.h"

namespace ww {

struct KioskConfig {
    std::string profile = "default";  // name shown in the admin panel and the log

    struct Window {
        bool fullscreen = true;  // kiosk mode: fullscreen, keys and close requests ignored
        int monitor = 0;         // index into the connected monitors
        int width = 1920;        // window size when not fullscreen
        int height = 1080;
        bool hide_cursor = true;  // touch screens show no pointer
    } window;

    struct Display {
        double px_per_mm = 0;             // 0 = from the monitor (glfwGetMonitorPhysicalSize)
        double viewing_distance_cm = 50;  // for the text-size rule (EN 301 549 5.1.4)
        double min_target_mm = 20;        // primary touch targets
        std::string rotation = "normal";  // normal | left | right | inverted (xrandr at start)
    } display;

    struct Session {
        int idle_timeout = 90;     // seconds without input before "are you still there?"
        int warning_seconds = 30;  // countdown length (WCAG 2.2.1 asks for at least 20 s)
    } session;

    struct Attract {
        bool enabled = true;
        int seconds_per_message = 8;
        int fps = 10;  // frame cap while a message fades (software renderer: keep it low)
    } attract;

    struct Night {
        bool enabled = false;
        std::string start = "22:00";  // local time, HH:MM
        std::string end = "07:00";
        double dim = 0.35;  // brightness of the attract loop at night (0..1)
    } night;

    struct Languages {
        std::vector<std::string> offered;  // empty = every language in layouts/kiosk.toml
        std::string default_language;      // empty = the first offered
    } languages;

    struct Accessibility {
        std::string text_size = kTextSizeNames[0];  // normal | large | larger
        std::string theme = kThemeNames[0];         // normal | high-contrast
        int speech_volume = 80;                     // 0..100, restored after every session
        int speech_rate = 150;                      // words per minute
        int key_bounce_ms = 0;  // a repeat of the same key within this is ignored; 0 = off
    } accessibility;

    struct Touch {
        double drag_threshold_mm = 4;  // a press that moves further becomes a scroll
        double inertia_decay = 4.0;    // 1/s: how fast a flick slows down
        std::string device;  // `xinput list --name-only` name; empty = leave its mapping alone
    } touch;

    struct Admin {
        std::string corner = "top-left";  // top-left | top-right | bottom-left | bottom-right
        int taps = 5;                     // taps in that corner ...
        double seconds = 3;               // ... within this many seconds open the PIN pad
        double corner_mm = 25;            // size of the corner area
        std::string pin_hash;             // from `wegwijzer --hash-pin`; empty = admin disabled
        int max_attempts = 5;             // wrong PINs before a lockout
        int lockout_seconds = 300;
    } admin;

    struct State {
        // Kept across restarts (PIN lockout, usage figures, content updates); empty = the
        // default folder of resolve_paths (core/config/paths.h).
        std::string dir;
    } state;

    struct Stats {
        bool enabled = true;  // anonymous usage figures in <state.dir>/stats.sqlite
        int keep_days = 0;    // per-session rows (opt-in, at most 14); 0 = daily totals only
    } stats;

    struct Fonts {
        std::string regular = "Noto Sans";  // fontconfig family or a path to a .ttf
        std::string bold = "Noto Sans:bold";
    } fonts;

    struct Kiosk {
        std::string name;  // this kiosk's name in the heartbeat (update.status_url)
    } kiosk;

    // The desk where this kiosk stands. Shown under "Waar gaat u heen?" (on screen, read aloud,
    // in the take-away text) when the advice points at a desk of this kind; empty name = none.
    struct Site {
        std::string name;  // "UWV Utrecht", "Gemeente Zwolle, Werkplein", "Werkcentrum Rijnmond"
        std::string kind;  // uwv | gemeente | werkgevers (Werkgeversservicepunt or Werkcentrum)
        std::string address, opening_hours, opening_hours_en, phone, web, counter, counter_en;
    } site;

    struct ContentRules {
        int sources_max_age_days = 0;  // 0 = --check warns after a year; > 0 = it fails after this
    } content;

    struct Update {
        std::string url;  // a signed content bundle (.tar.gz); empty = no updates
        std::vector<std::string> public_keys;  // trusted minisign public keys (.pub base64 lines)
        std::string public_key;       // the old name of one key, still read (and added to the list)
        int max_version_step = 1000;  // a bundle more versions ahead than this is refused
        int max_bundle_mb = 16;       // the .tar.gz download's cap
        double interval_minutes = 60;  // between checks
        std::string status_url;        // heartbeat POSTed after each check; empty = none
    } update;

    Text out_of_order;  // shown to visitors when the content is broken
};

struct ConfigLoad {
    KioskConfig config;
    Problems problems;
    bool ok() const { return problems.empty(); }
};

// Reads `path` (empty = defaults only) and applies `overrides` ("session.idle_timeout=5") on top.
ConfigLoad load_config(const std::string& path, const std::vector<std::string>& overrides);

// The [site] keys together: a name and a kind and an address, or nothing at all (load_config
// reports these where [site] is written).
void check_site(const KioskConfig::Site& s, const Problem& where, Problems& out);

// Every declared key: its name in a profile and the KioskConfig member that holds it.
struct ConfigKey {
    std::string name;         // "touch.drag_threshold_mm"
    std::string member_path;  // "touch.drag_threshold_mm" (languages.default: default_language)
};
std::vector<ConfigKey> config_keys();

// What a valid profile may still want changed (`--check` prints these; they are no problems).
std::vector<std::string> config_warnings(const KioskConfig& config);

// Every key as "section.key = default  # doc", for the README and `--help-config`.
std::string describe_config_keys();

}  // namespace ww
