// Runs the profile's display set-up (core/config/display_setup.h: xrandr, xinput) at start. Each
// command is spawned without a shell (posix_spawnp, looked up in PATH), with no signal blocked
// and stdin on /dev/null, and is killed after a time limit. Every command is logged:
//   event=display_setup command="xrandr --orientation left" status=ok
//   ... status=failed exit=N | status=failed signal=N | status=missing | status=timeout seconds=S
// A failure is logged and the kiosk goes on.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"

namespace ww {

struct CommandResult {
    enum Status { Ok, Failed, Missing, Timeout } status = Failed;
    int exit_code = -1;  // Failed: the exit code, or -1
    int signal = 0;      // Failed: the signal that ended it, or 0
    std::string error;   // Failed: why it could not be started
};

// Runs `argv` (argv[0] from PATH) and waits at most `timeout_seconds` for it; then SIGKILL.
CommandResult run_command(const std::vector<std::string>& argv, double timeout_seconds);

// At start, before glfwInit (so GLFW sees the turned screen): runs display_setup_commands() when
// `kiosk` (window.fullscreen) and under X11 (DISPLAY set), else logs why not (when there was
// something to run). 5 s per command at most.
void run_display_setup(const KioskConfig& config, bool kiosk);

}  // namespace ww
