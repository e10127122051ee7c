#include "platform/service/signals.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>

#include "core/base/log.h"

namespace ww {

namespace {
sigset_t watched() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}
}  // namespace

SignalWatcher::SignalWatcher(std::function<void()> wake) : wake_(std::move(wake)) {
    const sigset_t set = watched();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    sig_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
    stop_fd_ = eventfd(0, EFD_CLOEXEC);
    if (sig_fd_ < 0 || stop_fd_ < 0) {
        log_line("cannot watch signals (signalfd/eventfd failed): SIGHUP/SIGTERM stay blocked");
        return;
    }
    thread_ = std::thread([this] { run(); });
}

void SignalWatcher::stop() {
    if (!thread_.joinable()) return;
    const uint64_t one = 1;
    if (write(stop_fd_, &one, sizeof one) < 0) log_line("cannot stop the signal watcher");
    thread_.join();
}

SignalWatcher::~SignalWatcher() {
    stop();
    if (sig_fd_ >= 0) close(sig_fd_);
    if (stop_fd_ >= 0) close(stop_fd_);
    const sigset_t set = watched();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void SignalWatcher::request_reload() {
    reload_ = true;
    if (wake_) wake_();
}

void SignalWatcher::run() {
    pollfd fds[2] = {{sig_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    for (;;) {
        if (poll(fds, 2, -1) < 0) continue;  // EINTR
        if (fds[1].revents) return;
        if (!(fds[0].revents & POLLIN)) continue;
        signalfd_siginfo info;
        if (read(sig_fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
        if (info.ssi_signo == SIGHUP)
            reload_ = true;
        else if (info.ssi_signo == SIGUSR2)
            restart_ = true;
        else
            quit_ = true;
        if (wake_) wake_();
    }
}

}  // namespace ww
