// --stats and --stats-csv FILE: the usage figures of the last --days days from the state dir.
#include <cstdio>
#include <memory>
#include <string>

#include "app/commands.h"
#include "core/stats/stats_report.h"
#include "platform/stats/stats_store.h"

namespace ww {

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

}  // namespace ww
