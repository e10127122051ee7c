// SIGHUP (reload content), SIGUSR2 (a new version is installed: restart when no visitor is
// there) and SIGTERM/SIGINT (quit) without code in a signal handler.
// The constructor blocks these signals in the calling thread, so every thread started after it
// (Mesa's, the speech thread) inherits the mask, and a watcher thread reads them from a signalfd.
// After each one it calls `wake` (glfwPostEmptyEvent: safe from any thread), and the frame loop
// picks the request up between frames. Construct it before any other thread starts.
#pragma once
#include <atomic>
#include <functional>
#include <thread>

namespace ww {

class SignalWatcher {
  public:
    explicit SignalWatcher(std::function<void()> wake);
    ~SignalWatcher();  // stops the watcher and unblocks the signals again
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    bool ok() const { return sig_fd_ >= 0; }
    // True once for every batch of reload requests (SIGHUP or request_reload) since the last call.
    bool take_reload() { return reload_.exchange(false); }
    bool quit() const { return quit_; }
    // The package was upgraded (its postinst sends SIGUSR2): the frame loop ends at the next
    // moment no visitor is there, and systemd starts the new version.
    bool restart_requested() const { return restart_; }
    // The admin panel's "Reload content": same path as SIGHUP.
    void request_reload();
    // Ends the watcher thread (before the window system goes away; `wake` is not called again).
    void stop();

  private:
    void run();

    std::function<void()> wake_;
    std::atomic<bool> reload_{false};
    std::atomic<bool> quit_{false};
    std::atomic<bool> restart_{false};
    int sig_fd_ = -1;
    int stop_fd_ = -1;  // eventfd that ends the watcher
    std::thread thread_;
};

}  // namespace ww
