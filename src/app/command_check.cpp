// --check: the profile, the content and the check dates of its sources, as problems and warnings.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "core/content/content.h"
#include "core/content/sources.h"

namespace ww {

void print_problems(const Problems& problems) {
    for (auto& p : problems) printf("%s\n", p.format().c_str());
}

int check_command(const RunSetup& setup, const CliOptions& o) {
    const ConfigLoad& cfg = setup.cfg;
    const KioskConfig& config = cfg.config;
    const RunOptions& run = setup.run;
    const ContentLoad content = load_content(run.paths.layouts, run.paths.assets);
    print_problems(cfg.problems);
    print_problems(content.problems);
    for (auto& w : config_warnings(config)) printf("warning: %s\n", w.c_str());
    // Sources whose check date is too old: a warning, or a problem when the site set a limit.
    Problems stale;
    if (content.content) {
        const int limit = config.content.sources_max_age_days;
        const std::string today = run.clock.local_now().day;
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

}  // namespace ww
