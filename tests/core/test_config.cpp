#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>

#include "core/config/cli.h"
#include "core/config/config.h"

using namespace ww;

namespace {
std::string write_temp(const std::string& text) {
    static int n = 0;
    const std::string path =
        "/tmp/ww-config-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".toml";
    std::ofstream(path) << text;
    return path;
}
std::string all(const Problems& ps) {
    std::string s;
    for (auto& p : ps) s += p.format() + "\n";
    return s;
}
}  // namespace

TEST_CASE("defaults without a file") {
    const ConfigLoad c = load_config("", {});
    CHECK(c.ok());
    CHECK(c.config.session.idle_timeout == 90);
    CHECK(c.config.session.warning_seconds >= 20);  // WCAG 2.2.1
    CHECK(c.config.window.fullscreen);
}

TEST_CASE("every shipped profile is valid and ships no PIN hash") {
    int profiles = 0;
    for (auto& e : std::filesystem::directory_iterator("kiosk-config")) {
        if (e.path().extension() != ".toml") continue;
        ++profiles;
        const ConfigLoad c = load_config(e.path().string(), {});
        CHECK_MESSAGE(c.ok(), e.path() << "\n" << all(c.problems));
        // A shipped hash is a PIN every site shares: each site makes its own.
        CHECK_MESSAGE(c.config.admin.pin_hash.empty(), e.path() << " ships admin.pin_hash");
        CHECK(config_warnings(c.config).size() == 1);
    }
    CHECK(profiles >= 4);
}

TEST_CASE("no PIN hash: a warning, not a problem") {
    const ConfigLoad none = load_config("", {});
    CHECK(none.ok());
    REQUIRE(config_warnings(none.config).size() == 1);
    CHECK(config_warnings(none.config)[0].find("admin.pin_hash is empty") != std::string::npos);
    const ConfigLoad set =
        load_config("", {"admin.pin_hash=\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\""});
    CHECK_MESSAGE(set.ok(), all(set.problems));
    CHECK(config_warnings(set.config).empty());
}

TEST_CASE("a warning too short for WCAG 2.2.1 and a silent read-aloud: warnings, not problems") {
    const std::string pin = "admin.pin_hash=\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"";
    const ConfigLoad short_warning = load_config("", {pin, "session.warning_seconds=19"});
    CHECK(short_warning.ok());
    REQUIRE(config_warnings(short_warning.config).size() == 1);
    CHECK(config_warnings(short_warning.config)[0].find("session.warning_seconds is 19") == 0);
    CHECK(config_warnings(load_config("", {pin, "session.warning_seconds=20"}).config).empty());
    const ConfigLoad silent = load_config("", {pin, "accessibility.speech_volume=0"});
    REQUIRE(config_warnings(silent.config).size() == 1);
    CHECK(config_warnings(silent.config)[0].find("5.1.3.12") != std::string::npos);
}

TEST_CASE("a file sets keys; --set overrides them") {
    const std::string path = write_temp(
        "profile = \"test\"\n[session]\nidle_timeout = 60\n[window]\nfullscreen = false\n");
    ConfigLoad c =
        load_config(path, {"session.idle_timeout=5", "attract.fps=12", "languages.default=en",
                           "night.start=\"21:30\"", "accessibility.theme=high-contrast"});
    CHECK_MESSAGE(c.ok(), all(c.problems));
    CHECK(c.config.profile == "test");
    CHECK(c.config.session.idle_timeout == 5);
    CHECK(c.config.attract.fps == 12);
    CHECK(c.config.languages.default_language == "en");
    CHECK(c.config.night.start == "21:30");
    CHECK(c.config.accessibility.theme == "high-contrast");
    CHECK_FALSE(c.config.window.fullscreen);
}

TEST_CASE("unknown keys and bad values are reported as file:line:col, and keep the default") {
    const std::string path = write_temp(
        "[session]\nidle_timout = 5\nwarning_seconds = 9999\n[attrakt]\nfps = 2\n"
        "[accessibility]\ntheme = \"pink\"\n[night]\nstart = \"25:00\"\n");
    const ConfigLoad c = load_config(path, {});
    const std::string got = all(c.problems);
    CHECK(got.find(path + ":2:1: unknown key 'session.idle_timout'") != std::string::npos);
    CHECK(
        got.find(path + ":3:19: 'session.warning_seconds' is 9999; it must be between 1 and 600") !=
        std::string::npos);
    CHECK(got.find(path + ":4:2: unknown key 'attrakt'") != std::string::npos);
    CHECK(got.find("'accessibility.theme' is 'pink'; it must be one of normal, high-contrast") !=
          std::string::npos);
    CHECK(got.find("'night.start' must be a time like 22:00") != std::string::npos);
    CHECK(c.config.session.warning_seconds == 30);
    CHECK(c.config.accessibility.theme == "normal");
}

TEST_CASE("bad --set values are reported") {
    const ConfigLoad c = load_config(
        "", {"session.idle_timeout=abc", "nonsense", "session.nope=1", "window.fullscreen=7"});
    const std::string got = all(c.problems);
    CHECK(got.find("--set session.idle_timeout=abc:1:") != std::string::npos);
    CHECK(got.find("'idle_timeout' must be a whole number, not text") != std::string::npos);
    CHECK(got.find("--set nonsense:1:1: expected KEY=VALUE") != std::string::npos);
    CHECK(got.find("unknown key 'session.nope'") != std::string::npos);
    CHECK(got.find("'fullscreen' must be true or false") != std::string::npos);
    CHECK(c.config.session.idle_timeout == 90);
}

TEST_CASE("a PIN in place of its hash is refused") {
    const ConfigLoad c = load_config("", {"admin.pin_hash=\"1234\""});
    CHECK(all(c.problems).find("'admin.pin_hash' is not a hash") != std::string::npos);
    CHECK(c.config.admin.pin_hash.empty());
}

TEST_CASE("a PIN hash weaker than --hash-pin makes is refused: a copy is tried offline") {
    for (const char* weak : {"$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA",
                             "$argon2id$v=19$m=65536,t=1,p=1$c2FsdA$aGFzaA",
                             "$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA", "$argon2id$"}) {
        const ConfigLoad c = load_config("", {std::string("admin.pin_hash=\"") + weak + "\""});
        CHECK_MESSAGE(
            all(c.problems).find("weaker than `wegwijzer --hash-pin`") != std::string::npos, weak);
    }
    const ConfigLoad ok =
        load_config("", {"admin.pin_hash=\"$argon2id$v=19$m=262144,t=3,p=1$c2FsdA$aGFzaA\""});
    CHECK_MESSAGE(ok.ok(), all(ok.problems));
}

TEST_CASE("state.dir: empty unless set") {
    CHECK(load_config("", {}).config.state.dir.empty());
    const ConfigLoad c = load_config("", {"state.dir=/var/lib/wegwijzer"});
    CHECK(c.ok());
    CHECK(c.config.state.dir == "/var/lib/wegwijzer");
}

TEST_CASE("a config file with a syntax error is reported, defaults stay") {
    const std::string path = write_temp("[session\nidle_timeout = 5\n");
    const ConfigLoad c = load_config(path, {});
    CHECK(all(c.problems).find(path + ":1:") != std::string::npos);
    CHECK(c.config.session.idle_timeout == 90);
}

TEST_CASE("every key is documented with its default, in --help-config and the README") {
    const std::string doc = describe_config_keys();
    CHECK(doc.find("idle_timeout = 90") != std::string::npos);
    CHECK(doc.find("[admin]") != std::string::npos);
    CHECK(doc.find("[state]\ndir = \"\"") != std::string::npos);
    std::ifstream in("kiosk-config/README.md");
    const std::string readme{std::istreambuf_iterator<char>(in), {}};
    CHECK_MESSAGE(readme.find("```toml\n" + doc + "```") != std::string::npos,
                  "kiosk-config/README.md: paste `wegwijzer --help-config` into \"Every key\"");
}

TEST_CASE("command line") {
    auto ok = parse_cli({"--config", "x.toml", "--set", "a.b=1", "--set", "c.d=2", "--windowed",
                         "--size", "1080x1920", "--lang", "en", "--check", "--proof", "out",
                         "--text-size", "large", "--theme", "high-contrast"});
    CHECK(ok.error.empty());
    CHECK(ok.options.config == "x.toml");
    CHECK(ok.options.sets == std::vector<std::string>{"a.b=1", "c.d=2"});
    CHECK(ok.options.windowed);
    CHECK(ok.options.width == 1080);
    CHECK(ok.options.height == 1920);
    CHECK(ok.options.lang == "en");
    CHECK(ok.options.check);
    CHECK(ok.options.proof_dir == "out");
    CHECK(ok.options.text_size == "large");
    CHECK(parse_cli({"--bogus"}).error.find("unknown option '--bogus'") != std::string::npos);
    CHECK(!parse_cli({"--size", "big"}).error.empty());
    CHECK(!parse_cli({"--size", "10x10"}).error.empty());
    CHECK(!parse_cli({"--config"}).error.empty());
    CHECK(!parse_cli({"--theme", "pink"}).error.empty());
    CHECK(!parse_cli({"--speak", "home"}).error.empty());  // needs --wav
    CHECK(parse_cli({"--help"}).options.help);
    const CliOptions bench = parse_cli({"--log-latency", "--tour"}).options;
    CHECK(bench.log_latency);
    CHECK(bench.tour);
    CHECK_FALSE(parse_cli({}).options.log_latency);
    CHECK_FALSE(parse_cli({}).options.tour);
}

// A key that is parsed, validated and documented but read by nothing is a lie to the site
// (touch.drag_threshold_mm did nothing for a whole release). Every declared key's member must be
// read somewhere in src/ outside the config parser itself (src/core/config/config*): as
// `c.night.start` (or `c->night.start`) on a KioskConfig c, or as `n.start` on a
// KioskConfig::Night n, declared in that file or a header it includes. Comments, string
// literals, calls of a namesake (`.end()`), another struct's member (`c.fonts.bold` on a
// DrawContext) and assignments (`c.night.start = ...`) are no reads.
namespace {

// The tokens of C++ source: identifiers, numbers and operators, without comments and string or
// character literals.
std::vector<std::string> code_tokens(const std::string& s) {
    static const std::vector<std::string> two = {"->", "::", "==", "!=", "<=", ">=", "+=", "-=",
                                                 "*=", "/=", "|=", "&=", "&&", "||", "<<", ">>"};
    std::vector<std::string> out;
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (s.compare(i, 2, "//") == 0) {
            i = s.find('\n', i);
        } else if (s.compare(i, 2, "/*") == 0) {
            i = s.find("*/", i + 2);
            if (i != std::string::npos) i += 2;
        } else if (s.compare(i, 2, "R\"") == 0) {  // R"delim( ... )delim"
            const size_t open = s.find('(', i);
            const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
            i = s.find(close, open);
            if (i != std::string::npos) i += close.size();
        } else if (c == '"' || c == '\'') {
            for (++i; i < s.size() && s[i] != c; ++i)
                if (s[i] == '\\') ++i;
            ++i;
        } else if (ident(c)) {
            const size_t b = i;
            while (i < s.size() &&
                   (ident(s[i]) || (std::isdigit(static_cast<unsigned char>(s[b])) &&
                                    (s[i] == '.' || s[i] == '\''))))
                ++i;
            out.push_back(s.substr(b, i - b));
        } else {
            const std::string op = s.substr(i, 2);
            const bool pair = std::find(two.begin(), two.end(), op) != two.end();
            out.push_back(pair ? op : std::string(1, c));
            i += pair ? 2 : 1;
        }
        if (i == std::string::npos) break;
    }
    return out;
}

// Every member path read in `code`: "night.start" for `c.night.start` on a `KioskConfig c` and
// for `n.start` on a `KioskConfig::Night n`, "profile" for `c.profile`. The variables come from
// `declarations` (the file and the headers it includes): a parameter, member or local of type
// KioskConfig or KioskConfig::<Section>, by value, reference or pointer.
std::set<std::string> config_reads(const std::string& code, const std::string& declarations) {
    std::map<std::string, std::string> section_of;  // variable -> "" (all of it) or "night"
    const std::vector<std::string> d = code_tokens(declarations);
    for (size_t i = 0; i < d.size(); ++i) {
        if (d[i] != "KioskConfig") continue;
        std::string section;
        size_t j = i + 1;
        if (j + 1 < d.size() && d[j] == "::") {
            section = d[j + 1];
            section[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(section[0])));
            j += 2;
        }
        while (j < d.size() && (d[j] == "const" || d[j] == "&" || d[j] == "*")) ++j;
        if (j < d.size() && (std::isalpha(static_cast<unsigned char>(d[j][0])) || d[j][0] == '_'))
            section_of[d[j]] = section;
    }
    const std::vector<std::string> t = code_tokens(code);
    auto at = [&](size_t i) { return i < t.size() ? t[i] : std::string(); };
    auto access = [&](size_t i) { return at(i) == "." || at(i) == "->"; };
    // What follows a member that is read: not `=` (a write) nor `(` (a call of a namesake).
    auto read_at = [&](size_t i) { return at(i) != "=" && at(i) != "("; };
    std::set<std::string> out;
    for (size_t i = 0; i < t.size(); ++i) {
        const auto var = section_of.find(t[i]);
        if (var == section_of.end() || (i > 0 && access(i - 1)) || !access(i + 1)) continue;
        if (!var->second.empty() && read_at(i + 3)) out.insert(var->second + "." + at(i + 2));
        if (var->second.empty() && access(i + 3) && read_at(i + 5))
            out.insert(at(i + 2) + "." + at(i + 4));
        if (var->second.empty() && !access(i + 3) && read_at(i + 3)) out.insert(at(i + 2));
    }
    return out;
}

// src/ as the kiosk is built from it, without the config parser (src/core/config/config*):
// path -> text.
std::map<std::string, std::string> kiosk_sources() {
    std::map<std::string, std::string> out;
    for (auto& e : std::filesystem::recursive_directory_iterator("src")) {
        const auto ext = e.path().extension();
        if ((ext != ".cpp" && ext != ".h") || e.path().filename().string().rfind("config", 0) == 0)
            continue;
        std::ifstream f(e.path());
        out[e.path().string()].assign(std::istreambuf_iterator<char>(f),
                                      std::istreambuf_iterator<char>());
    }
    return out;
}

// The file and the src/ headers it includes ("ui/app.h"), where its variables are declared.
std::string with_includes(const std::string& text, const std::map<std::string, std::string>& src) {
    std::string out = text;
    const std::regex include(R"re(#include "([^"]+)")re");
    for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m) {
        const auto h = src.find("src/" + (*m)[1].str());
        if (h != src.end()) out += "\n" + h->second;
    }
    return out;
}

}  // namespace

TEST_CASE("the config read scan tells a read from a mention") {
    auto reads = [](const std::string& code, const std::string& decl = "") {
        return config_reads(code, code + "\n" + decl);
    };
    CHECK(reads("int a = cfg.night.dim * 2;", "const KioskConfig& cfg;").count("night.dim"));
    CHECK(reads("f(c->admin.taps);", "KioskConfig* c;").count("admin.taps"));
    CHECK(reads("int x = n.start.size();", "bool f(const KioskConfig::Night& n);")
              .count("night.start"));
    CHECK(
        reads("if (site_->name.empty()) {}", "const KioskConfig::Site* site_;").count("site.name"));
    CHECK(reads("log(config_.profile);", "KioskConfig config_;").count("profile"));
    const std::string decl = "KioskConfig cfg; KioskConfig::Night n; Fonts fonts; DrawContext c;";
    for (const char* no :
         {"// cfg.night.start is read by schedule.cpp", "/* n.end */", "s = \"cfg.night.end\";",
          "cfg.night.start = \"22:00\";", "n.end = x; v.end(); r.end();", "n.start();",
          "w.start + other.night.start + x.n.end", "font(c.fonts.bold, fonts.bold);"}) {
        const std::set<std::string> r = reads(no, decl);
        CHECK_MESSAGE(r.count("night.start") + r.count("night.end") + r.count("fonts.bold") == 0,
                      no);
    }
}

TEST_CASE("every declared config key is read by the kiosk") {
    const std::map<std::string, std::string> src = kiosk_sources();
    REQUIRE(src.size() > 100);
    std::set<std::string> read;
    for (auto& [path, text] : src)
        for (auto& r : config_reads(text, with_includes(text, src))) read.insert(r);
    const auto keys = config_keys();
    CHECK(keys.size() > 30);
    for (auto& k : keys) {
        const size_t dot = k.member_path.find('.');
        std::string section = k.member_path.substr(0, dot);
        section[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(section[0])));
        CHECK_MESSAGE(
            read.count(k.member_path),
            k.name << " is declared but never read: no `c." << k.member_path
                   << "` on a KioskConfig c"
                   << (dot == std::string::npos ? std::string()
                                                : ", nor `." + k.member_path.substr(dot + 1) +
                                                      "` on a KioskConfig::" + section));
    }
}

TEST_CASE("update keys: a public key must be minisign's, URLs http(s)") {
    const std::string path = write_temp(
        "[kiosk]\nname = \"hal-2\"\n[update]\nurl = \"http://127.0.0.1/b.tar.gz\"\n"
        "public_key = \"RWS/yH8CT/Ooc1Rw94NG7XTnPcFFl3dTaGjTg6gR9RKUzgLMbejxV0T3\"\n"
        "interval_minutes = 0.5\n");
    const ConfigLoad good = load_config(path, {});
    CHECK_MESSAGE(good.ok(), all(good.problems));
    CHECK(good.config.kiosk.name == "hal-2");
    CHECK(good.config.update.interval_minutes == 0.5);
    CHECK(load_config("", {}).config.update.url.empty());
    CHECK(load_config("", {}).config.update.interval_minutes == 60);
    const std::string bad = write_temp(
        "[update]\nurl = \"ftp://x\"\npublic_key = \"RWS/yH8CT/Ooc1Rw94NG7XTnPcFF\"\n"
        "status_url = \"file:///etc/passwd\"\n");
    const std::string got = all(load_config(bad, {}).problems);
    CHECK(got.find(bad + ":3:14: 'update.public_key' is not a minisign public key") !=
          std::string::npos);
    CHECK(got.find(bad + ":2:7: 'update.url' must start with http:// or https://") !=
          std::string::npos);
    CHECK(got.find("'update.status_url' must start with http") != std::string::npos);
    const ConfigLoad no_key = load_config("", {"update.url=\"http://x/b.tar.gz\""});
    CHECK(no_key.ok());
    const std::vector<std::string> w = config_warnings(no_key.config);
    CHECK(w.size() == 3);  // no PIN, no key, plain http
    CHECK(std::any_of(w.begin(), w.end(), [](const std::string& s) {
        return s.find("http://x/b.tar.gz is plain http://") == 0;
    }));
}

TEST_CASE("update keys: a list of trusted keys; the old single key still works, with a warning") {
    const std::string a = "RWS/yH8CT/Ooc1Rw94NG7XTnPcFFl3dTaGjTg6gR9RKUzgLMbejxV0T3";
    const std::string path = write_temp(
        "[update]\nurl = \"https://x/b.tar.gz\"\npublic_keys = [\"" + a + "\", \"RWS\"]\n");
    const std::string got = all(load_config(path, {}).problems);
    CHECK(got.find(path + ":3:15: 'update.public_keys' entry 2 is not a minisign public key") !=
          std::string::npos);
    const ConfigLoad list = load_config("", {"update.public_keys=[\"" + a + "\"]"});
    CHECK_MESSAGE(list.ok(), all(list.problems));
    CHECK(list.config.update.public_keys == std::vector<std::string>{a});
    const ConfigLoad old = load_config("", {"update.public_key=\"" + a + "\""});
    CHECK(old.config.update.public_key == a);  // app/update_wiring.cpp adds it to the list
    const std::vector<std::string> w = config_warnings(old.config);
    CHECK(std::any_of(w.begin(), w.end(), [](const std::string& s) {
        return s.find(
                   "update.public_key is the old name of one key: move it into "
                   "update.public_keys") == 0;
    }));
    CHECK(load_config("", {"update.max_version_step=0"}).problems.size() == 1);
    CHECK(load_config("", {}).config.update.max_bundle_mb == 16);
}
