// How often the kiosk started since the machine booted (the heartbeat's restarts_since_boot).
#pragma once
#include <string>

namespace ww {

// Reads and bumps the start counter in `state_dir` (keyed by /proc/sys/kernel/random/boot_id):
// this start's number since the machine booted, minus one. 0 when it cannot tell.
int count_restarts_since_boot(const std::string& state_dir);

}  // namespace ww
