// libFuzzer: load_config on a fuzzed config file plus fuzzed `--set` values. Must never crash.
//
// Input layout: the config file's text, then a NUL byte, then `--set` values one per line
// ("session.idle_timeout=5"). Without a NUL the whole input is the file.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/config/display_setup.h"

namespace {

std::string g_path;

void cleanup() {
    if (!g_path.empty()) unlink(g_path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char tmpl[] = "/tmp/ww-fuzz-config-XXXXXX";
    const int fd = mkstemp(tmpl);
    if (fd < 0) abort();
    close(fd);
    g_path = tmpl;
    std::atexit(cleanup);
    (void)ww::describe_config_keys();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string in(reinterpret_cast<const char*>(data), size);
    const size_t nul = in.find('\0');
    const std::string file = in.substr(0, nul);
    std::vector<std::string> sets;
    if (nul != std::string::npos) {
        std::string rest = in.substr(nul + 1);
        size_t start = 0;
        while (start <= rest.size()) {
            size_t end = rest.find('\n', start);
            if (end == std::string::npos) end = rest.size();
            sets.push_back(rest.substr(start, end - start));
            start = end + 1;
        }
    }
    {
        std::ofstream out(g_path, std::ios::binary | std::ios::trunc);
        out << file;
    }
    ww::ConfigLoad load = ww::load_config(g_path, sets);
    for (auto& p : load.problems) (void)p.format();
    (void)load.config.out_of_order.in("nl");

    // What the kiosk relies on after a load, problems or not: a value outside its documented
    // range never gets in (the app divides by fps, draws targets min_target_mm wide, ...).
    const ww::KioskConfig& c = load.config;
    for (double v :
         {c.display.px_per_mm, c.display.viewing_distance_cm, c.display.min_target_mm, c.night.dim,
          c.touch.drag_threshold_mm, c.touch.inertia_decay, c.admin.seconds, c.admin.corner_mm})
        if (!std::isfinite(v)) abort();
    if (c.session.idle_timeout < 2 || c.session.warning_seconds < 1 || c.attract.fps < 1 ||
        c.attract.seconds_per_message < 2 || c.admin.taps < 3 || c.window.width < 320 ||
        c.window.height < 240)
        abort();
    for (const std::string* hhmm : {&c.night.start, &c.night.end})
        if (hhmm->size() != 5 || (*hhmm)[2] != ':') abort();
    // What the kiosk runs at start: xrandr only with one of its four orientations, then xinput.
    const std::string& r = c.display.rotation;
    if (r != "normal" && r != "left" && r != "right" && r != "inverted") abort();
    for (auto& argv : ww::display_setup_commands(c)) {
        if (argv[0] == "xrandr" && (argv.size() != 3 || argv[2] != r)) abort();
        if (argv[0] == "xinput" && (argv.size() != 13 || argv[2] != c.touch.device)) abort();
        if (argv[0] != "xrandr" && argv[0] != "xinput") abort();
        (void)ww::command_text(argv);
    }
    return 0;
}
