// wegwijzer: parse the command line, load config and content, then check, prove or run.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/access/speech.h"
#include "core/base/clock.h"
#include "core/base/guard.h"
#include "core/base/log.h"
#include "core/config/cli.h"
#include "core/config/config.h"
#include "core/config/default_paths.h"
#include "core/config/paths.h"
#include "core/content/content.h"
#include "core/content/place.h"
#include "core/content/sources.h"
#include "core/guide/advice.h"
#include "core/guide/review.h"
#include "core/kiosk/admin.h"
#include "core/kiosk/languages.h"
#include "core/kiosk/stats_report.h"
#include "platform/pin_prompt.h"
#include "platform/runner.h"
#include "platform/speech_synth.h"
#include "platform/stats_store.h"

namespace fs = std::filesystem;
using namespace ww;

namespace {

// The package's folders for the installed binary, else the source tree's
// (core/config/default_paths.h).
DefaultPaths shipped_paths() {
    std::error_code ec;
    const std::string exe = fs::read_symlink("/proc/self/exe", ec).string();
    const std::string cwd = fs::current_path(ec).string();
    return default_paths(
        exe, cwd, WEGWIJZER_SOURCE_DIR,
        {WEGWIJZER_BINDIR, WEGWIJZER_DATADIR, WEGWIJZER_SYSCONFDIR, WEGWIJZER_LOCALSTATEDIR});
}

void print_problems(const Problems& problems) {
    for (auto& p : problems) printf("%s\n", p.format().c_str());
}

// --speak SCREEN --wav FILE: what read-aloud says on that place, as a WAV file.
int speak_to_wav(const KioskConfig& config, const RunOptions& run, const std::string& name,
                 const std::string& wav) {
    const ContentLoad content = load_content(run.paths.layouts, run.paths.assets);
    if (!content.ok()) {
        print_problems(content.problems);
        return 1;
    }
    const Content& c = *content.content;
    std::string lang = config.languages.default_language.empty()
                           ? c.languages.front()
                           : config.languages.default_language;
    if (std::find(c.languages.begin(), c.languages.end(), lang) == c.languages.end()) {
        fprintf(stderr, "wegwijzer: --lang: language '%s' is not in layouts/kiosk.toml\n",
                lang.c_str());
        return 1;
    }
    Place place;
    if (!place_from_name(c, name, place)) {
        fprintf(stderr,
                "wegwijzer: --speak: no screen, guide-<question> or result-<result> named '%s'\n",
                name.c_str());
        return 1;
    }
    if (!synth_to_wav(spoken_text(c, place, lang, {}, &config.site), lang,
                      config.accessibility.speech_rate, config.accessibility.speech_volume, wav)) {
        fprintf(stderr, "wegwijzer: --speak: cannot synthesise speech into '%s'\n", wav.c_str());
        return 1;
    }
    log_event("speak", {{"place", place.key()}, {"lang", lang}, {"wav", wav}});
    return 0;
}

// --guide ANSWERS, --list-urls and --review FILE: the content for editors, site admins and the
// content owner.
int content_report(const KioskConfig& config, const RunOptions& run, const CliOptions& o,
                   const Clock& clock) {
    const ContentLoad content = load_content(run.paths.layouts, run.paths.assets);
    if (!content.ok()) {
        print_problems(content.problems);
        return 1;
    }
    const Content& c = *content.content;
    if (o.list_urls) {
        printf("%s", url_list(c).c_str());
        return 0;
    }
    if (!o.review.empty()) {
        const std::string today = clock.local_now().day;
        const std::string html = review_html(c, today, &config.site);
        FILE* out = fopen(o.review.c_str(), "w");
        const bool ok = out && fwrite(html.data(), 1, html.size(), out) == html.size();
        if (!out || fclose(out) != 0 || !ok) {
            fprintf(stderr, "wegwijzer: --review: cannot write '%s'\n", o.review.c_str());
            return 1;
        }
        printf("wrote %s: %zu screens, %zu results, %zu addresses\n", o.review.c_str(),
               c.screens.size(), c.guide.results.size(), c.links.size());
        return 0;
    }
    const std::string lang = start_language(c, config.languages);
    std::string error;
    const std::string report = guide_report(c, o.guide, lang, error, &config.site);
    if (report.empty()) {
        fprintf(stderr, "wegwijzer: --guide: %s\n", error.c_str());
        return 2;
    }
    printf("%s", report.c_str());
    return 0;
}

// --stats and --stats-csv FILE: the usage figures of the last --days days from the state dir.
int stats_report(const Paths& paths, const CliOptions& o, const Clock& clock) {
    const std::string& dir = paths.state_dir;
    std::string why;
    const std::string today = clock.local_now().day;
    StatsData data;
    std::unique_ptr<StatsStore> store =
        StatsStore::open(dir.empty() ? "" : stats_path(dir), StatsStore::Mode::Read, why);
    if (!store || !store->read(day_string(day_number(today) - o.stats_days + 1), data, why)) {
        fprintf(stderr, "wegwijzer: --stats: %s\n", why.c_str());
        return 1;
    }
    const StatsFigures f = stats_figures(data, today, o.stats_days);
    if (o.stats) printf("%s", stats_text(f).c_str());
    if (o.stats_csv.empty()) return 0;
    const std::string csv = stats_csv(f);
    if (o.stats_csv == "-") {
        printf("%s", csv.c_str());
        return 0;
    }
    FILE* out = fopen(o.stats_csv.c_str(), "w");
    const bool ok = out && fwrite(csv.data(), 1, csv.size(), out) == csv.size();
    if (!out || fclose(out) != 0 || !ok) {
        fprintf(stderr, "wegwijzer: --stats-csv: cannot write '%s'\n", o.stats_csv.c_str());
        return 1;
    }
    return 0;
}

int kiosk_main(int argc, char** argv) {
    const CliParse cli = parse_cli(std::vector<std::string>(argv + 1, argv + argc));
    if (!cli.error.empty()) {
        fprintf(stderr, "wegwijzer: %s\n\n%s", cli.error.c_str(), usage().c_str());
        return 2;
    }
    const CliOptions& o = cli.options;
    if (o.help) {
        printf("%s", usage().c_str());
        return 0;
    }
    if (o.help_config) {
        printf("%s", describe_config_keys().c_str());
        return 0;
    }
    if (o.version) {
        printf("wegwijzer %s\n", WEGWIJZER_VERSION);
        return 0;
    }
    if (o.hash_pin) {
        // The PIN from a terminal (not echoed) or a pipe -> the value for admin.pin_hash.
        std::string pin, why;
        if (!read_new_pin(pin, why)) {
            fprintf(stderr, "wegwijzer --hash-pin: %s\n", why.c_str());
            return 1;
        }
        const std::string hash = hash_pin(pin);
        if (hash.empty()) {
            fprintf(stderr, "wegwijzer --hash-pin: hashing failed (out of memory?)\n");
            return 1;
        }
        printf("%s\n", hash.c_str());
        return 0;
    }

    PathInputs where;
    where.shipped = shipped_paths();
    where.layouts_arg = o.layouts;
    where.config_arg = o.config;
    where.xdg_state_home = std::getenv("XDG_STATE_HOME");
    where.home = std::getenv("HOME");
    ConfigLoad cfg = load_config(profile_path(where), o.sets);
    KioskConfig& config = cfg.config;
    where.state_dir_set = config.state.dir;
    const Clock clock;  // the system clock, for the whole run
    RunOptions run;
    run.paths = resolve_paths(where);
    run.clock = clock;
    run.log_items = o.log_items;
    run.log_visits = o.log_visits;
    run.log_latency = o.log_latency;
    run.tour = o.tour;
    // Command-line choices become this run's profile defaults, so a reset returns to them.
    if (o.windowed) config.window.fullscreen = false;
    if (o.width) {
        config.window.width = o.width;
        config.window.height = o.height;
    }
    if (!o.lang.empty()) config.languages.default_language = o.lang;
    if (!o.theme.empty()) config.accessibility.theme = o.theme;
    if (!o.text_size.empty()) config.accessibility.text_size = o.text_size;

    if (o.check) {
        const ContentLoad content = load_content(run.paths.layouts, run.paths.assets);
        print_problems(cfg.problems);
        print_problems(content.problems);
        for (auto& w : config_warnings(config)) printf("warning: %s\n", w.c_str());
        // Sources whose check date is too old: a warning, or a problem when the site set a limit.
        Problems stale;
        if (content.content) {
            const int limit = config.content.sources_max_age_days;
            const std::string today = clock.local_now().day;
            stale = stale_sources(*content.content, today, limit > 0 ? limit : kSourceWarnDays);
            if (limit == 0)
                for (auto& p : stale) printf("warning: %s\n", p.format().c_str());
            else
                print_problems(stale);
            if (limit == 0) stale.clear();
        }
        if (!o.lang.empty() && content.content) {
            auto& langs = content.content->languages;
            if (std::find(langs.begin(), langs.end(), o.lang) == langs.end())
                printf("--lang:1:1: language '%s' is not in layouts/kiosk.toml\n", o.lang.c_str());
        }
        const size_t n = cfg.problems.size() + content.problems.size() + stale.size();
        if (n == 0) {
            const Content& c = *content.content;
            printf("ok: %s and %s: %zu screens, %zu questions, %zu results, %zu languages\n",
                   run.paths.config.c_str(), run.paths.layouts.c_str(), c.screens.size(),
                   c.guide.questions.size(), c.guide.results.size(), c.languages.size());
            return 0;
        }
        printf("%zu problem%s\n", n, n == 1 ? "" : "s");
        return 1;
    }

    if (!o.guide.empty() || o.list_urls || !o.review.empty())
        return content_report(config, run, o, clock);
    if (o.stats || !o.stats_csv.empty()) return stats_report(run.paths, o, clock);
    for (auto& p : cfg.problems) log_line("config: " + p.format());
    if (!o.speak_screen.empty()) return speak_to_wav(config, run, o.speak_screen, o.wav);
    if (!o.proof_dir.empty()) return run_proof(config, run, o.proof_dir);
    return run_window(config, run);
}

}  // namespace

// Anything that escapes (a std::filesystem error, bad_alloc, a bug) is logged as event=fatal and
// exits 70, so the kiosk's supervisor sees one line saying why instead of an abort.
int main(int argc, char** argv) {
    return run_guarded([&] { return kiosk_main(argc, argv); });
}
