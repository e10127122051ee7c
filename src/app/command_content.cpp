// --guide ANSWERS, --list-urls and --review FILE: the content for editors, site admins and the
// content owner.
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "core/content/content.h"
#include "core/guide/advice.h"
#include "core/guide/review.h"
#include "core/session/languages.h"

namespace ww {

int content_report(const KioskConfig& config, const RunOptions& run, const CliOptions& o) {
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
        const std::string today = run.clock.local_now().day;
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

}  // namespace ww
