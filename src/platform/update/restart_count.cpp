// The start counter: how often the kiosk started since the machine booted, for the heartbeat.
#include "platform/update/restart_count.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "core/update/update_rules.h"
#include "platform/update/updater_detail.h"

namespace fs = std::filesystem;

namespace ww {

using updater_detail::read_text;

int count_restarts_since_boot(const std::string& state_dir) {
    std::string boot_id = read_text("/proc/sys/kernel/random/boot_id");
    while (!boot_id.empty() && (boot_id.back() == '\n' || boot_id.back() == ' '))
        boot_id.pop_back();
    if (boot_id.empty() || state_dir.empty()) return 0;
    const std::string file = state_dir + "/starts-since-boot";
    std::string next;
    const int starts = count_start(read_text(file), boot_id, next);
    std::error_code ec;
    fs::create_directories(state_dir, ec);
    const std::string tmp = file + ".tmp";
    std::ofstream(tmp) << next;
    fs::rename(tmp, file, ec);
    return starts - 1;
}

}  // namespace ww
