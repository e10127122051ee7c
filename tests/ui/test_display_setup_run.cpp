// The display set-up's commands run without a shell, bounded in time, and never inherit the
// kiosk's blocked signals.
#include <doctest/doctest.h>
#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "platform/display/display_setup_run.h"

using namespace ww;

TEST_CASE("a command's outcome: ok, failed with its exit code or signal, missing") {
    CHECK(run_command({"true"}, 5).status == CommandResult::Ok);
    const CommandResult f = run_command({"sh", "-c", "exit 3"}, 5);
    CHECK(f.status == CommandResult::Failed);
    CHECK(f.exit_code == 3);
    const CommandResult k = run_command({"sh", "-c", "kill -KILL $$"}, 5);
    CHECK(k.status == CommandResult::Failed);
    CHECK(k.signal == SIGKILL);
    CHECK(run_command({"wegwijzer-no-such-tool"}, 5).status == CommandResult::Missing);
    CHECK(run_command({}, 5).status == CommandResult::Failed);
}

TEST_CASE("no shell: an argument with spaces and quotes arrives as one argument") {
    // $1 is the whole argument; a shell would have split it and expanded $HOME.
    CHECK(run_command(
              {"sh", "-c", "[ \"$1\" = 'Test Touch \"$HOME\"' ]", "sh", "Test Touch \"$HOME\""}, 5)
              .status == CommandResult::Ok);
}

TEST_CASE("a command that hangs is killed after its time") {
    const auto t0 = std::chrono::steady_clock::now();
    const CommandResult r = run_command({"sleep", "30"}, 0.3);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(r.status == CommandResult::Timeout);
    CHECK(s >= 0.3);
    CHECK(s < 2);
}

TEST_CASE("a time-out ends what the command started too (its process group)") {
    const std::string pidfile = "/tmp/ww-display-setup-" + std::to_string(getpid()) + ".pid";
    // A wrapper script whose own child hangs.
    const CommandResult r =
        run_command({"sh", "-c", "sleep 30 & echo $! >\"$1\"; wait", "sh", pidfile}, 0.3);
    CHECK(r.status == CommandResult::Timeout);
    int pid = 0;
    std::ifstream(pidfile) >> pid;
    std::remove(pidfile.c_str());
    REQUIRE(pid > 0);
    // Gone, or a zombie waiting for its new parent to reap it (state Z in /proc/PID/stat).
    auto dead = [&] {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string comm_and_before, state;
        if (!std::getline(stat, comm_and_before, ')')) return true;
        stat >> state;
        return state == "Z";
    };
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        gone = dead();
        if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_MESSAGE(gone, "the wrapper's sleep (pid " << pid << ") survived the time-out");
}

TEST_CASE("the child starts with no signal blocked, even when the kiosk blocks SIGTERM") {
    sigset_t term, old;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigaddset(&term, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &term, &old);
    // SigBlk in /proc/<pid>/status: the child's blocked mask, all zeros when nothing is blocked
    // (grep, not sh: a shell may clear its own mask). Without POSIX_SPAWN_SETSIGMASK this fails.
    const CommandResult mask =
        run_command({"grep", "-q", "^SigBlk:[[:space:]]*0*$", "/proc/self/status"}, 5);
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    CHECK(mask.status == CommandResult::Ok);
}
