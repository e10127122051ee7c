#include "core/config/config.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

#include "core/base/toml_reader.h"

namespace ww {

namespace {

enum class Kind { Bool, Int, Double, String, StringList };

// One config key: where it lives, what it holds, its limits and its documentation.
struct Field {
    const char* section;  // "" = top level
    const char* key;
    Kind kind;
    const char* member_path;  // "touch.drag_threshold_mm": how code reads it from a KioskConfig
    std::function<void*(KioskConfig&)> member;
    double min = 0, max = 0;                // for numbers (min == max: no range)
    std::vector<std::string> choices = {};  // for strings with a fixed set of values
    const char* doc = "";
};

#define M(expr) #expr, [](KioskConfig & c) -> void* { return &c.expr; }

const std::vector<Field>& fields() {
    static const std::vector<Field> f = {
        {"", "profile", Kind::String, M(profile), 0, 0, {}, "name of this profile"},
        {"window",
         "fullscreen",
         Kind::Bool,
         M(window.fullscreen),
         0,
         0,
         {},
         "kiosk mode: fullscreen, keys and close requests are ignored"},
        {"window", "monitor", Kind::Int, M(window.monitor), 0, 16, {}, "monitor index"},
        {"window",
         "width",
         Kind::Int,
         M(window.width),
         320,
         8192,
         {},
         "window width when not fullscreen"},
        {"window",
         "height",
         Kind::Int,
         M(window.height),
         240,
         8192,
         {},
         "window height when not fullscreen"},
        {"window",
         "hide_cursor",
         Kind::Bool,
         M(window.hide_cursor),
         0,
         0,
         {},
         "hide the mouse pointer"},
        {"display",
         "px_per_mm",
         Kind::Double,
         M(display.px_per_mm),
         0,
         40,
         {},
         "pixels per millimetre; 0 = ask the monitor"},
        {"display",
         "viewing_distance_cm",
         Kind::Double,
         M(display.viewing_distance_cm),
         20,
         300,
         {},
         "typical distance between eyes and screen"},
        {"display",
         "min_target_mm",
         Kind::Double,
         M(display.min_target_mm),
         9,
         60,
         {},
         "minimum size of primary touch targets"},
        {"session",
         "idle_timeout",
         Kind::Int,
         M(session.idle_timeout),
         2,
         3600,
         {},
         "seconds without input before the warning"},
        {"session",
         "warning_seconds",
         Kind::Int,
         M(session.warning_seconds),
         1,
         600,
         {},
         "length of the countdown (WCAG 2.2.1: at least 20)"},
        {"attract",
         "enabled",
         Kind::Bool,
         M(attract.enabled),
         0,
         0,
         {},
         "show the attract loop between visitors"},
        {"attract",
         "seconds_per_message",
         Kind::Int,
         M(attract.seconds_per_message),
         2,
         120,
         {},
         "how long each attract message stays"},
        {"attract",
         "fps",
         Kind::Int,
         M(attract.fps),
         1,
         30,
         {},
         "frame cap while a message fades in or out"},
        {"night",
         "enabled",
         Kind::Bool,
         M(night.enabled),
         0,
         0,
         {},
         "dim the attract loop at night"},
        {"night",
         "start",
         Kind::String,
         M(night.start),
         0,
         0,
         {},
         "night starts (HH:MM, local time)"},
        {"night", "end", Kind::String, M(night.end), 0, 0, {}, "night ends (HH:MM)"},
        {"night", "dim", Kind::Double, M(night.dim), 0, 1, {}, "brightness at night (0..1)"},
        {"languages",
         "offered",
         Kind::StringList,
         M(languages.offered),
         0,
         0,
         {},
         "language codes offered; empty = all in layouts/kiosk.toml"},
        {"languages",
         "default",
         Kind::String,
         M(languages.default_language),
         0,
         0,
         {},
         "language of a new session; empty = the first offered"},
        {"accessibility",
         "text_size",
         Kind::String,
         M(accessibility.text_size),
         0,
         0,
         {"normal", "large", "larger"},
         "text size of a new session"},
        {"accessibility",
         "theme",
         Kind::String,
         M(accessibility.theme),
         0,
         0,
         {"normal", "high-contrast"},
         "theme of a new session"},
        {"accessibility",
         "speech_volume",
         Kind::Int,
         M(accessibility.speech_volume),
         0,
         100,
         {},
         "read-aloud volume, restored after each session"},
        {"accessibility",
         "speech_rate",
         Kind::Int,
         M(accessibility.speech_rate),
         80,
         400,
         {},
         "read-aloud speed in words per minute"},
        {"touch",
         "drag_threshold_mm",
         Kind::Double,
         M(touch.drag_threshold_mm),
         1,
         30,
         {},
         "a press that moves further scrolls instead of tapping"},
        {"touch",
         "inertia_decay",
         Kind::Double,
         M(touch.inertia_decay),
         0.5,
         50,
         {},
         "how fast a flick slows down (1/s)"},
        {"admin",
         "corner",
         Kind::String,
         M(admin.corner),
         0,
         0,
         {"top-left", "top-right", "bottom-left", "bottom-right"},
         "corner of the hidden admin gesture"},
        {"admin",
         "taps",
         Kind::Int,
         M(admin.taps),
         3,
         20,
         {},
         "taps in the corner that open the PIN pad"},
        {"admin",
         "seconds",
         Kind::Double,
         M(admin.seconds),
         1,
         20,
         {},
         "... within this many seconds"},
        {"admin",
         "corner_mm",
         Kind::Double,
         M(admin.corner_mm),
         5,
         100,
         {},
         "size of the corner area"},
        {"admin",
         "pin_hash",
         Kind::String,
         M(admin.pin_hash),
         0,
         0,
         {},
         "output of `wegwijzer --hash-pin`; empty disables the admin panel"},
        {"admin",
         "max_attempts",
         Kind::Int,
         M(admin.max_attempts),
         1,
         100,
         {},
         "wrong PINs before lockout"},
        {"admin",
         "lockout_seconds",
         Kind::Int,
         M(admin.lockout_seconds),
         10,
         86400,
         {},
         "length of the lockout"},
        {"state",
         "dir",
         Kind::String,
         M(state.dir),
         0,
         0,
         {},
         "folder for what survives a restart (the PIN lockout); empty = "
         "$XDG_STATE_HOME/wegwijzer, else ~/.local/state/wegwijzer"},
        {"fonts",
         "regular",
         Kind::String,
         M(fonts.regular),
         0,
         0,
         {},
         "fontconfig pattern or .ttf path"},
        {"fonts", "bold", Kind::String, M(fonts.bold), 0, 0, {}, "fontconfig pattern or .ttf path"},
    };
    return f;
}
#undef M

bool valid_hhmm(const std::string& s) {
    return s.size() == 5 && s[2] == ':' && isdigit(s[0]) && isdigit(s[1]) && isdigit(s[3]) &&
           isdigit(s[4]) && std::stoi(s.substr(0, 2)) < 24 && std::stoi(s.substr(3)) < 60;
}

void read_field(TomlReader& r, const toml::table& t, const Field& f, KioskConfig& c) {
    const toml::node* n = t.get(f.key);
    if (!n) return;
    const std::string name =
        std::string(*f.section ? f.section : "") + (*f.section ? "." : "") + f.key;
    auto range = [&](double v) {
        if (!std::isfinite(v) || (f.min != f.max && (v < f.min || v > f.max))) {  // nan passes both
            std::ostringstream m;
            m << "'" << name << "' is " << v << "; it must be between " << f.min << " and "
              << f.max;
            r.problem(*n, m.str());
            return false;
        }
        return true;
    };
    switch (f.kind) {
        case Kind::Bool:
            if (auto v = r.boolean(t, f.key)) *static_cast<bool*>(f.member(c)) = *v;
            break;
        case Kind::Int:
            if (auto v = r.integer(t, f.key); v && range(static_cast<double>(*v)))
                *static_cast<int*>(f.member(c)) = static_cast<int>(*v);
            break;
        case Kind::Double:
            if (auto v = r.number(t, f.key); v && range(*v))
                *static_cast<double*>(f.member(c)) = *v;
            break;
        case Kind::String:
            if (auto v = r.string(t, f.key, false)) {
                if (!f.choices.empty() &&
                    std::find(f.choices.begin(), f.choices.end(), *v) == f.choices.end()) {
                    std::string list;
                    for (auto& ch : f.choices) list += (list.empty() ? "" : ", ") + ch;
                    r.problem(*n, "'" + name + "' is '" + *v + "'; it must be one of " + list);
                    break;
                }
                if ((name == "night.start" || name == "night.end") && !valid_hhmm(*v)) {
                    r.problem(*n, "'" + name + "' must be a time like 22:00");
                    break;
                }
                if (name == "admin.pin_hash" && !v->empty() && v->rfind("$argon2id$", 0) != 0) {
                    r.problem(*n,
                              "'admin.pin_hash' is not a hash from `wegwijzer --hash-pin` "
                              "(a PIN itself never goes in the config)");
                    break;
                }
                *static_cast<std::string*>(f.member(c)) = *v;
            }
            break;
        case Kind::StringList:
            *static_cast<std::vector<std::string>*>(f.member(c)) = r.string_list(t, f.key, false);
            break;
    }
}

// Applies every known key of `root` to `c`; reports unknown sections and keys.
void apply(TomlReader& r, const toml::table& root, KioskConfig& c) {
    for (auto&& [k, v] : root) {
        const std::string key(k.str());
        if (key == "out_of_order") {
            auto t = v.as_table();
            if (!t) {
                r.problem(v, "'out_of_order' must be a table like { nl = \"...\", en = \"...\" }");
                continue;
            }
            for (auto&& [lang, s] : *t) {
                if (auto str = s.value<std::string>(); str && s.is_string())
                    c.out_of_order.by_lang[std::string(lang.str())] = *str;
                else
                    r.problem(s, "out_of_order." + std::string(lang.str()) + " must be text");
            }
            continue;
        }
        const bool top = std::any_of(fields().begin(), fields().end(),
                                     [&](const Field& f) { return !*f.section && key == f.key; });
        if (top) continue;
        const bool section = std::any_of(fields().begin(), fields().end(),
                                         [&](const Field& f) { return key == f.section; });
        if (!section) {
            r.problem(k.source(), "unknown key '" + key + "'");
            continue;
        }
        auto t = v.as_table();
        if (!t) {
            r.problem(v, "'" + key + "' must be a section ([" + key + "])");
            continue;
        }
        for (auto&& [sk, sv] : *t) {
            const std::string_view sub = sk.str();  // clang 14: lambdas cannot capture bindings
            const bool known = std::any_of(fields().begin(), fields().end(), [&](const Field& f) {
                return key == f.section && sub == f.key;
            });
            if (!known)
                r.problem(sk.source(), "unknown key '" + key + "." + std::string(sk.str()) + "'");
        }
    }
    for (auto& f : fields()) {
        if (!*f.section) {
            read_field(r, root, f, c);
        } else if (auto t = root.get(f.section); t && t->is_table()) {
            read_field(r, *t->as_table(), f, c);
        }
    }
}

}  // namespace

ConfigLoad load_config(const std::string& path, const std::vector<std::string>& overrides) {
    ConfigLoad out;
    if (!path.empty()) {
        if (auto doc = parse_toml_file(path, out.problems)) {
            TomlReader r(path, out.problems);
            apply(r, *doc, out.config);
        }
    }
    for (auto& o : overrides) {
        const std::string where = "--set " + o;
        const size_t eq = o.find('=');
        if (eq == std::string::npos || eq == 0) {
            out.problems.push_back(
                {where, 1, 1, "expected KEY=VALUE, e.g. session.idle_timeout=5"});
            continue;
        }
        // `section.key = value` is itself TOML (a dotted key). The value is TOML (5, true, "x",
        // [..]); a bare word is taken as text.
        const std::string key = o.substr(0, eq), value = o.substr(eq + 1);
        toml::table t;
        try {
            t = toml::parse(key + " = " + value, where);
        } catch (const toml::parse_error&) {
            try {
                std::string quoted = "\"";
                for (char ch : value)
                    quoted +=
                        (ch == '"' || ch == '\\') ? std::string("\\") + ch : std::string(1, ch);
                t = toml::parse(key + " = " + quoted + "\"", where);
            } catch (const toml::parse_error& e) {
                out.problems.push_back(
                    {where, 1, 1, "cannot read this value: " + std::string(e.description())});
                continue;
            }
        }
        TomlReader r(where, out.problems);
        apply(r, t, out.config);
    }
    return out;
}

std::vector<ConfigKey> config_keys() {
    std::vector<ConfigKey> out;
    for (auto& f : fields())
        out.push_back({std::string(f.section) + (*f.section ? "." : "") + f.key, f.member_path});
    return out;
}

std::string resolve_state_dir(const std::string& configured, const char* xdg_state_home,
                              const char* home) {
    if (!configured.empty()) return configured;
    if (xdg_state_home && xdg_state_home[0] == '/')
        return std::string(xdg_state_home) + "/wegwijzer";
    if (home && *home) return std::string(home) + "/.local/state/wegwijzer";
    return {};
}

std::vector<std::string> config_warnings(const KioskConfig& config) {
    std::vector<std::string> out;
    if (config.admin.pin_hash.empty())
        out.push_back(
            "admin.pin_hash is empty: the admin panel is disabled; set one with "
            "wegwijzer --hash-pin (see kiosk-config/README.md)");
    return out;
}

std::string describe_config_keys() {
    KioskConfig defaults;
    std::ostringstream out;
    std::string section = "-";
    for (auto& f : fields()) {
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
