#include "platform/display/display_setup_run.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "core/base/log.h"
#include "core/config/display_setup.h"

extern char** environ;

namespace ww {

namespace {

constexpr double kTimeoutSeconds = 5;

enum class Wait { Ended, TimedOut, Lost };

// waitpid(WNOHANG) until `pid` ends (its status in `st`) or `seconds` pass. Lost: waitpid
// failed (ECHILD: SIGCHLD ignored, so the child was reaped without its status).
Wait wait_for(pid_t pid, double seconds, int& st) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        const pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid) return Wait::Ended;
        if (r < 0 && errno != EINTR) return Wait::Lost;
        if (std::chrono::steady_clock::now() >= until) return Wait::TimedOut;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, double timeout_seconds) {
    CommandResult out;
    if (argv.empty()) {
        out.error = "empty command";
        return out;
    }
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    // The kiosk may have signals blocked (platform/service/signals.h blocks SIGTERM, SIGINT and
    // SIGHUP for its watcher); a child keeps a blocked mask across exec and could then not be
    // stopped. So: nothing blocked, and those signals (and SIGPIPE, which systemd ignores) at
    // default.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int s : {SIGHUP, SIGINT, SIGTERM, SIGPIPE}) sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    // Its own process group, so a time-out also ends what it started (a wrapper script's child).
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    pid_t pid = -1;
    const int err = posix_spawnp(&pid, args[0], &files, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (err == ENOENT) {
        out.status = CommandResult::Missing;
        return out;
    }
    if (err != 0) {
        out.error = std::strerror(err);
        return out;
    }
    int st = 0;
    const Wait w = wait_for(pid, timeout_seconds, st);
    if (w == Wait::TimedOut) {
        kill(-pid, SIGKILL);
        // SIGKILL cannot be caught; a second, short wait still bounds a child stuck in the kernel.
        if (wait_for(pid, 1, st) != Wait::Ended)
            log_line("display set-up: " + argv[0] + " did not end after SIGKILL");
        out.status = CommandResult::Timeout;
        return out;
    }
    if (w == Wait::Lost) {
        out.error = std::string("waitpid: ") + std::strerror(errno);
        return out;
    }
    if (WIFEXITED(st)) {
        out.exit_code = WEXITSTATUS(st);
        out.status = out.exit_code == 0 ? CommandResult::Ok : CommandResult::Failed;
    } else if (WIFSIGNALED(st)) {
        out.signal = WTERMSIG(st);
    }
    return out;
}

void run_display_setup(const KioskConfig& config, bool kiosk) {
    const std::vector<Argv> commands = display_setup_commands(config);
    if (commands.empty()) return;
    const char* display = std::getenv("DISPLAY");
    if (!kiosk || !display || !*display) {
        // Turning the desktop's screen from a test window would surprise whoever runs it.
        log_event("display_setup",
                  {{"status", "skipped"}, {"reason", kiosk ? "no_x11" : "windowed"}});
        return;
    }
    for (auto& argv : commands) {
        const std::string text = command_text(argv);
        const CommandResult r = run_command(argv, kTimeoutSeconds);
        switch (r.status) {
            case CommandResult::Ok:
                log_event("display_setup", {{"command", text}, {"status", "ok"}});
                break;
            case CommandResult::Missing:
                log_event("display_setup", {{"command", text}, {"status", "missing"}});
                break;
            case CommandResult::Timeout:
                log_event("display_setup", {{"command", text},
                                            {"status", "timeout"},
                                            {"seconds", std::to_string(int(kTimeoutSeconds))}});
                break;
            case CommandResult::Failed:
                if (!r.error.empty())
                    log_event("display_setup",
                              {{"command", text}, {"status", "failed"}, {"error", r.error}});
                else if (r.signal)
                    log_event("display_setup", {{"command", text},
                                                {"status", "failed"},
                                                {"signal", std::to_string(r.signal)}});
                else
                    log_event("display_setup", {{"command", text},
                                                {"status", "failed"},
                                                {"exit", std::to_string(r.exit_code)}});
                break;
        }
    }
}

}  // namespace ww
