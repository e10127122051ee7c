// The profile, the folders and the clock of a run, from the command line (made once here and
// passed down in RunOptions).
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/commands.h"
#include "core/config/default_paths.h"
#include "core/config/paths.h"

namespace fs = std::filesystem;

namespace ww {

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

}  // namespace

RunSetup run_setup(const CliOptions& o) {
    PathInputs where;
    where.shipped = shipped_paths();
    where.layouts_arg = o.layouts;
    where.config_arg = o.config;
    where.xdg_state_home = std::getenv("XDG_STATE_HOME");
    where.home = std::getenv("HOME");
    ConfigLoad cfg = load_config(profile_path(where), o.sets);
    KioskConfig& config = cfg.config;
    where.state_dir_set = config.state.dir;
    RunOptions run;
    run.paths = resolve_paths(where);
    run.clock = Clock{};  // the system clock, for the whole run
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
    return {std::move(cfg), std::move(run)};
}

}  // namespace ww
