#include "platform/admin/pin_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "core/admin/admin.h"

namespace ww {

namespace {

termios g_saved;  // the terminal before echo went off (the signal handler restores it)
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void restore_and_reraise(int sig) {
    tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// Echo off while it lives (the Enter still shows), the terminal as it was afterwards.
class NoEcho {
  public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &g_saved) != 0) return;
        for (size_t i = 0; i < std::size(kSignals); ++i)
            old_[i] = std::signal(kSignals[i], restore_and_reraise);
        termios t = g_saved;
        t.c_lflag &= ~ECHO;
        t.c_lflag |= ECHONL;
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            if (old_[i] != SIG_ERR) std::signal(kSignals[i], old_[i]);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

  private:
    bool active_ = false;
    void (*old_[std::size(kSignals)])(int) = {SIG_ERR, SIG_ERR, SIG_ERR, SIG_ERR};
};

bool read_line(std::string& line) {
    line.clear();
    if (!std::getline(std::cin, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

}  // namespace

bool read_new_pin(std::string& pin, std::string& error) {
    if (!isatty(STDIN_FILENO)) {  // e.g. `printf '%s\n' 135790 | wegwijzer --hash-pin`
        read_line(pin);
        error = pin_problem(pin);
        return error.empty();
    }
    NoEcho quiet;
    fputs("New admin PIN (8 to 12 digits, not shown): ", stderr);
    if (!read_line(pin)) fputc('\n', stderr);  // Ctrl-D: no Enter was echoed
    if (!(error = pin_problem(pin)).empty()) return false;
    std::string again;
    fputs("The same PIN again: ", stderr);
    if (!read_line(again)) fputc('\n', stderr);
    if (again != pin) {
        error = "the two PINs differ; nothing was hashed";
        return false;
    }
    return true;
}

}  // namespace ww
