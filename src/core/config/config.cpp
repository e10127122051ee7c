#include "core/config/config.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

#include "core/base/toml_reader.h"
#include "core/config/config_schema.h"

namespace ww {

namespace {

void read_field(TomlReader& r, const toml::table& t, const ConfigField& f, KioskConfig& c) {
    const toml::node* n = t.get(f.key);
    if (!n) return;
    const std::string name = f.name();
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
                if (const std::string why = f.check ? f.check(*v) : ""; !why.empty()) {
                    r.problem(*n, "'" + name + "' " + why);
                    break;
                }
                *static_cast<std::string*>(f.member(c)) = *v;
            }
            break;
        case Kind::StringList: {
            std::vector<std::string> list = r.string_list(t, f.key, false);
            bool ok = true;
            for (size_t i = 0; f.check && i < list.size(); ++i)
                if (const std::string why = f.check(list[i]); !why.empty()) {
                    r.problem(*n, "'" + name + "' entry " + std::to_string(i + 1) + " " + why);
                    ok = false;
                }
            if (ok) *static_cast<std::vector<std::string>*>(f.member(c)) = std::move(list);
            break;
        }
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
        const bool top =
            std::any_of(config_fields().begin(), config_fields().end(),
                        [&](const ConfigField& f) { return !*f.section && key == f.key; });
        if (top) continue;
        const bool section = std::any_of(config_fields().begin(), config_fields().end(),
                                         [&](const ConfigField& f) { return key == f.section; });
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
            const bool known =
                std::any_of(config_fields().begin(), config_fields().end(),
                            [&](const ConfigField& f) { return key == f.section && sub == f.key; });
            if (!known)
                r.problem(sk.source(), "unknown key '" + key + "." + std::string(sk.str()) + "'");
        }
    }
    for (auto& f : config_fields()) {
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
    Problem site_at{path.empty() ? "--set" : path, 1, 1, ""};  // where [site] is written
    if (!path.empty()) {
        if (auto doc = parse_toml_file(path, out.problems)) {
            TomlReader r(path, out.problems);
            apply(r, *doc, out.config);
            if (const toml::node* site = doc->get("site")) {
                site_at.line = static_cast<int>(site->source().begin.line);
                site_at.col = static_cast<int>(site->source().begin.column);
            }
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
    check_site(out.config.site, site_at, out.problems);
    return out;
}

void check_site(const KioskConfig::Site& s, const Problem& where, Problems& out) {
    auto problem = [&](const std::string& message) {
        out.push_back({where.file, where.line, where.col, message});
    };
    const bool any = !s.kind.empty() || !s.address.empty() || !s.opening_hours.empty() ||
                     !s.opening_hours_en.empty() || !s.phone.empty() || !s.web.empty() ||
                     !s.counter.empty() || !s.counter_en.empty();
    if (s.name.empty() && any)
        problem("[site] has details but no site.name: visitors would not know which desk");
    if (!s.name.empty() && s.kind.empty())
        problem(
            "site.name is set but site.kind is empty: say which desk this is (uwv, "
            "gemeente or werkgevers)");
    if (!s.name.empty() && s.address.empty()) problem("site.name is set but site.address is empty");
}

std::vector<std::string> config_warnings(const KioskConfig& config) {
    std::vector<std::string> out;
    if (config.admin.pin_hash.empty())
        out.push_back(
            "admin.pin_hash is empty: the admin panel is disabled; set one with "
            "wegwijzer --hash-pin (see kiosk-config/README.md)");
    if (!config.update.url.empty() && config.update.public_keys.empty() &&
        config.update.public_key.empty())
        out.push_back(
            "update.url is set but update.public_keys is empty: every bundle is rejected");
    if (!config.update.public_key.empty())
        out.push_back(
            "update.public_key is the old name of one key: move it into update.public_keys = "
            "[\"" +
            config.update.public_key +
            "\"] (it still works; a list lets a new key roll out before the old one is retired)");
    for (const std::string* url : {&config.update.url, &config.update.status_url})
        if (url->rfind("http://", 0) == 0)
            out.push_back(*url +
                          " is plain http://: anyone on the way can read the heartbeat "
                          "and hold back updates (the signature still guards the content); "
                          "use https://");
    // Allowed for tests and demonstrations, but a kiosk for the public must not do this.
    if (config.session.warning_seconds < 20)
        out.push_back("session.warning_seconds is " +
                      std::to_string(config.session.warning_seconds) +
                      ": a visitor gets less than the 20 s to say \"I'm still here\" that WCAG "
                      "2.2.1 and EN 301 549 11.2.2.1 ask for");
    if (config.accessibility.speech_volume == 0)
        out.push_back(
            "accessibility.speech_volume is 0: read-aloud starts silent for every visitor "
            "(EN 301 549 5.1.3.12)");
    return out;
}

}  // namespace ww
