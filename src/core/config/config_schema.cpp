#include "core/config/config_schema.h"

#include <cstdio>
#include <sstream>

#include "core/config/choices.h"
#include "core/update/minisign.h"

namespace ww {

namespace {

std::string check_hhmm(const std::string& v) {
    const bool ok = v.size() == 5 && v[2] == ':' && isdigit(v[0]) && isdigit(v[1]) &&
                    isdigit(v[3]) && isdigit(v[4]) && std::stoi(v.substr(0, 2)) < 24 &&
                    std::stoi(v.substr(3)) < 60;
    return ok ? "" : "must be a time like 22:00";
}

std::string check_pin_hash(const std::string& v) {
    if (v.empty()) return "";
    if (v.rfind("$argon2id$", 0) != 0)
        return "is not a hash from `wegwijzer --hash-pin` (a PIN itself never goes in the config)";
    // A copy of the hash can be tried offline: at least the cost --hash-pin uses (Argon2id,
    // 64 MiB, 2 passes).
    unsigned long m = 0, t = 0;
    const size_t at = v.find("$m=");
    if (at == std::string::npos || sscanf(v.c_str() + at, "$m=%lu,t=%lu", &m, &t) != 2 ||
        m < 65536 || t < 2)
        return "is weaker than `wegwijzer --hash-pin` makes (m=65536 and t=2 or more): "
               "make a new one";
    return "";
}

std::string check_minisign_key(const std::string& v) {
    MinisignKey key;
    std::string why;
    return v.empty() || decode_minisign_key(v, key, why) ? "" : why;
}

std::string check_https_url(const std::string& v) {
    if (v.empty() || (v.rfind("https://", 0) == 0 && v.find_first_of(" @?") == std::string::npos))
        return "";
    return "must be a plain https:// address, without '?' or '@'";
}

// One line a visitor reads: no line breaks, at most 120 characters.
std::string check_line(const std::string& v) {
    if (v.find_first_of("\n\r\t") != std::string::npos) return "must be one line";
    return v.size() <= 120 ? "" : "is longer than 120 characters";
}

std::string check_phone(const std::string& v) {
    if (v.find_first_not_of("0123456789 +-()") != std::string::npos)
        return "may only hold digits, spaces, + - ( )";
    return v.size() <= 30 ? "" : "is longer than 30 characters";
}

std::string check_http_url(const std::string& v) {
    if (v.empty() || v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0) return "";
    return "must start with http:// or https://";
}

#define M(expr) #expr, [](KioskConfig & c) -> void* { return &c.expr; }

}  // namespace

// clang-format off
const std::vector<ConfigField>& config_fields() {
    static const std::vector<ConfigField> f = {
    {"", "profile", Kind::String, M(profile), 0, 0, {},
     "name of this profile"},
    {"window", "fullscreen", Kind::Bool, M(window.fullscreen), 0, 0, {},
     "kiosk mode: fullscreen, keys and close requests are ignored"},
    {"window", "monitor", Kind::Int, M(window.monitor), 0, 16, {},
     "monitor index"},
    {"window", "width", Kind::Int, M(window.width), 320, 8192, {},
     "window width when not fullscreen"},
    {"window", "height", Kind::Int, M(window.height), 240, 8192, {},
     "window height when not fullscreen"},
    {"window", "hide_cursor", Kind::Bool, M(window.hide_cursor), 0, 0, {},
     "hide the mouse pointer"},
    {"display", "px_per_mm", Kind::Double, M(display.px_per_mm), 0, 40, {},
     "pixels per millimetre; 0 = ask the monitor"},
    {"display", "viewing_distance_cm", Kind::Double, M(display.viewing_distance_cm), 20, 300, {},
     "typical distance between eyes and screen"},
    {"display", "min_target_mm", Kind::Double, M(display.min_target_mm), 9, 60, {},
     "minimum size of primary touch targets"},
    {"display", "rotation", Kind::String, M(display.rotation), 0, 0, {"normal", "left", "right", "inverted"},
     "turn the picture at start for a screen mounted in portrait (xrandr --orientation; kiosk mode under X11)"},
    {"session", "idle_timeout", Kind::Int, M(session.idle_timeout), 2, 3600, {},
     "seconds without input before the warning"},
    {"session", "warning_seconds", Kind::Int, M(session.warning_seconds), 1, 600, {},
     "length of the countdown (WCAG 2.2.1: at least 20)"},
    {"attract", "enabled", Kind::Bool, M(attract.enabled), 0, 0, {},
     "show the attract loop between visitors"},
    {"attract", "seconds_per_message", Kind::Int, M(attract.seconds_per_message), 2, 120, {},
     "how long each attract message stays"},
    {"attract", "fps", Kind::Int, M(attract.fps), 1, 30, {},
     "frame cap while a message fades in or out"},
    {"night", "enabled", Kind::Bool, M(night.enabled), 0, 0, {},
     "at night between visitors: screen off (DPMS), or a dimmed attract loop without DPMS"},
    {"night", "start", Kind::String, M(night.start), 0, 0, {},
     "night starts (HH:MM, local time)", check_hhmm},
    {"night", "end", Kind::String, M(night.end), 0, 0, {},
     "night ends (HH:MM)", check_hhmm},
    {"night", "dim", Kind::Double, M(night.dim), 0, 1, {},
     "brightness at night (0..1)"},
    {"languages", "offered", Kind::StringList, M(languages.offered), 0, 0, {},
     "language codes offered; empty = all in layouts/kiosk.toml"},
    {"languages", "default", Kind::String, M(languages.default_language), 0, 0, {},
     "language of a new session; empty = the first offered"},
    {"accessibility", "text_size", Kind::String, M(accessibility.text_size), 0, 0, {kTextSizeNames.begin(), kTextSizeNames.end()},
     "text size of a new session"},
    {"accessibility", "theme", Kind::String, M(accessibility.theme), 0, 0, {kThemeNames.begin(), kThemeNames.end()},
     "theme of a new session"},
    {"accessibility", "speech_volume", Kind::Int, M(accessibility.speech_volume), 0, 100, {},
     "read-aloud volume, restored after each session"},
    {"accessibility", "speech_rate", Kind::Int, M(accessibility.speech_rate), 80, 400, {},
     "read-aloud speed in words per minute"},
    {"accessibility", "key_bounce_ms", Kind::Int, M(accessibility.key_bounce_ms), 0, 2000, {},
     "a second press of the same key within this many ms is ignored (EN 301 549 5.8, for hands that tremble); 0 = off"},
    {"touch", "drag_threshold_mm", Kind::Double, M(touch.drag_threshold_mm), 1, 30, {},
     "a press that moves further scrolls instead of tapping"},
    {"touch", "inertia_decay", Kind::Double, M(touch.inertia_decay), 0.5, 50, {},
     "how fast a flick slows down (1/s)"},
    {"touch", "device", Kind::String, M(touch.device), 0, 0, {},
     "touchscreen name from `xinput list --name-only`: at start its touches are turned with display.rotation; empty = as the driver set them"},
    {"admin", "corner", Kind::String, M(admin.corner), 0, 0, {"top-left", "top-right", "bottom-left", "bottom-right"},
     "corner of the hidden admin gesture"},
    {"admin", "taps", Kind::Int, M(admin.taps), 3, 20, {},
     "taps in the corner that open the PIN pad"},
    {"admin", "seconds", Kind::Double, M(admin.seconds), 1, 20, {},
     "... within this many seconds"},
    {"admin", "corner_mm", Kind::Double, M(admin.corner_mm), 5, 100, {},
     "size of the corner area"},
    {"admin", "pin_hash", Kind::String, M(admin.pin_hash), 0, 0, {},
     "output of `wegwijzer --hash-pin`; empty disables the admin panel", check_pin_hash},
    {"admin", "max_attempts", Kind::Int, M(admin.max_attempts), 1, 100, {},
     "wrong PINs before lockout"},
    {"admin", "lockout_seconds", Kind::Int, M(admin.lockout_seconds), 10, 86400, {},
     "length of the lockout"},
    {"state", "dir", Kind::String, M(state.dir), 0, 0, {},
     "folder for what survives a restart (PIN lockout, usage figures); empty = $XDG_STATE_HOME/wegwijzer, else ~/.local/state/wegwijzer"},
    {"stats", "enabled", Kind::Bool, M(stats.enabled), 0, 0, {},
     "record anonymous usage figures per session in <state.dir>/stats.sqlite (`wegwijzer --stats`)"},
    {"stats", "keep_days", Kind::Int, M(stats.keep_days), 0, 14, {},
     "days to keep a row per session (opt-in: rows can single a visitor out); 0 = daily "
     "totals only, which every figure comes from"},
    {"fonts", "regular", Kind::String, M(fonts.regular), 0, 0, {},
     "fontconfig pattern or .ttf path"},
    {"fonts", "bold", Kind::String, M(fonts.bold), 0, 0, {},
     "fontconfig pattern or .ttf path"},
    {"kiosk", "name", Kind::String, M(kiosk.name), 0, 0, {},
     "this kiosk's name in the heartbeat (update.status_url)"},
    {"site", "name", Kind::String, M(site.name), 0, 0, {},
     "name of the desk where this kiosk stands, e.g. \"UWV Utrecht\" or \"Werkcentrum Rijnmond\"; empty = results give the general text only", check_line},
    {"site", "kind", Kind::String, M(site.kind), 0, 0, {"uwv", "gemeente", "werkgevers"},
     "which desk this is; a result pointing at this kind of desk shows the site (werkgevers = Werkgeversservicepunt or Werkcentrum)"},
    {"site", "address", Kind::String, M(site.address), 0, 0, {},
     "street, number and town of the desk", check_line},
    {"site", "opening_hours", Kind::String, M(site.opening_hours), 0, 0, {},
     "opening hours in Dutch, e.g. \"ma t/m vr 8.30 tot 17.00 uur\"", check_line},
    {"site", "opening_hours_en", Kind::String, M(site.opening_hours_en), 0, 0, {},
     "opening hours in English; empty = the Dutch text", check_line},
    {"site", "phone", Kind::String, M(site.phone), 0, 0, {},
     "the desk's phone number", check_phone},
    {"site", "web", Kind::String, M(site.web), 0, 0, {},
     "the desk's web page (https://)", check_https_url},
    {"site", "counter", Kind::String, M(site.counter), 0, 0, {},
     "where in the building the desk is, in Dutch, e.g. \"Balie 3, begane grond\"", check_line},
    {"site", "counter_en", Kind::String, M(site.counter_en), 0, 0, {},
     "the same in English; empty = the Dutch text", check_line},
    {"content", "sources_max_age_days", Kind::Int, M(content.sources_max_age_days), 0, 3650, {},
     "--check fails when a source in layouts/urls.toml was checked longer ago than this many days; 0 = it only warns after 365 days"},
    {"update", "url", Kind::String, M(update.url), 0, 0, {},
     "signed content bundle (.tar.gz, signature at <url>.minisig); empty = no updates", check_http_url},
    {"update", "public_keys", Kind::StringList, M(update.public_keys), 0, 0, {},
     "minisign public keys trusted to sign bundles, each the base64 line of a .pub file; each key has its own version sequence (README: key rotation)", check_minisign_key},
    {"update", "public_key", Kind::String, M(update.public_key), 0, 0, {},
     "the old name of one trusted key: still read, and added to public_keys (--check says to move it)", check_minisign_key},
    {"update", "max_version_step", Kind::Int, M(update.max_version_step), 1, 1000000, {},
     "a bundle whose version lies more than this above the key's last version is refused (a typo or a stolen key cannot lock the kiosk out)"},
    {"update", "max_bundle_mb", Kind::Int, M(update.max_bundle_mb), 1, 1024, {},
     "largest bundle (.tar.gz) downloaded, in MiB"},
    {"update", "interval_minutes", Kind::Double, M(update.interval_minutes), 0.05, 10080, {},
     "minutes between update checks (the first one at start)"},
    {"update", "status_url", Kind::String, M(update.status_url), 0, 0, {},
     "heartbeat: a JSON POST after each check, every interval_minutes also without update.url (no personal data); empty = none", check_http_url},
    };
    return f;
}
// clang-format on
#undef M

std::string ConfigField::name() const {
    return std::string(section) + (*section ? "." : "") + key;
}

std::vector<ConfigKey> config_keys() {
    std::vector<ConfigKey> out;
    for (auto& f : config_fields()) out.push_back({f.name(), f.member_path});
    return out;
}

std::string describe_config_keys() {
    KioskConfig defaults;
    std::ostringstream out;
    std::string section = "-";
    for (auto& f : config_fields()) {
        if (section != f.section) {
            section = f.section;
            if (!section.empty()) out << "\n[" << section << "]\n";
        }
        out << f.key << " = ";
        void* m = f.member(defaults);
        switch (f.kind) {
            case Kind::Bool:
                out << (*static_cast<bool*>(m) ? "true" : "false");
                break;
            case Kind::Int:
                out << *static_cast<int*>(m);
                break;
            case Kind::Double:
                out << *static_cast<double*>(m);
                break;
            case Kind::String:
                out << '"' << *static_cast<std::string*>(m) << '"';
                break;
            case Kind::StringList:
                out << "[]";
                break;
        }
        out << "  # " << f.doc;
        if (f.min != f.max) out << " (" << f.min << ".." << f.max << ")";
        if (!f.choices.empty()) {
            out << " (";
            for (size_t i = 0; i < f.choices.size(); ++i) out << (i ? " | " : "") << f.choices[i];
            out << ")";
        }
        out << "\n";
    }
    return out.str();
}

}  // namespace ww
