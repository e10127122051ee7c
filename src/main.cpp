// wegwijzer: parse the command line and run the mode it asks for (the bodies: src/app/).
#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/runner.h"
#include "core/base/guard.h"
#include "core/base/log.h"
#include "core/config/cli.h"
#include "core/config/config.h"

using namespace ww;

namespace {

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
    if (o.hash_pin) return hash_pin_command();

    const RunSetup setup = run_setup(o);
    const KioskConfig& config = setup.cfg.config;
    const RunOptions& run = setup.run;
    if (o.check) return check_command(setup, o);
    if (!o.guide.empty() || o.list_urls || !o.review.empty()) return content_report(config, run, o);
    if (o.stats || !o.stats_csv.empty()) return stats_report(run.paths, o, run.clock);
    for (auto& p : setup.cfg.problems) log_line("config: " + p.format());
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
