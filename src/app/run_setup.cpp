// The profile and the folders of a run, from the command line.
#include <filesystem>
#include <string>

#include "app/commands.h"
#include "core/config/default_paths.h"

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
    const DefaultPaths shipped = shipped_paths();
    RunOptions run;
    run.layouts_dir = o.layouts.empty() ? shipped.layouts : o.layouts;
    run.assets_dir =
        (fs::path(run.layouts_dir).lexically_normal().parent_path() / "assets").string();
    if (fs::path(run.layouts_dir).filename() == "")
        run.assets_dir =
            (fs::path(run.layouts_dir).parent_path().parent_path() / "assets").string();
    run.log_items = o.log_items;
    run.log_visits = o.log_visits;
    run.log_latency = o.log_latency;
    run.tour = o.tour;
    run.follow_updates = o.layouts.empty();
    run.config_path = o.config.empty() ? shipped.config : o.config;

    ConfigLoad cfg = load_config(run.config_path, o.sets);
    KioskConfig& config = cfg.config;
    // Command-line choices become this run's profile defaults, so a reset returns to them.
    if (o.windowed) config.window.fullscreen = false;
    if (o.width) {
        config.window.width = o.width;
        config.window.height = o.height;
    }
    if (!o.lang.empty()) config.languages.default_language = o.lang;
    if (!o.theme.empty()) config.accessibility.theme = o.theme;
    if (!o.text_size.empty()) config.accessibility.text_size = o.text_size;
    // The package keeps state in /var/lib/wegwijzer (its systemd unit's StateDirectory).
    if (config.state.dir.empty()) config.state.dir = shipped.state_dir;
    return {std::move(cfg), std::move(run)};
}

}  // namespace ww
