// Checks the staff PIN on a thread of its own, so the frame loop never waits for Argon2id
// (~0.1 s at interactive cost). The frame loop starts a check and polls for the verdict
// (core/admin/admin_panel_state.h: PinVerifier).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/admin/admin_panel_state.h"

namespace ww {

class ThreadPinVerifier : public PinVerifier {
  public:
    using Check = std::function<bool(const std::string& hash, const std::string& pin)>;
    // `check` defaults to verify_pin (tests hand in a slow or gated one).
    explicit ThreadPinVerifier(Check check = {});
    ~ThreadPinVerifier() override;  // waits for a running check (at most one verify)
    ThreadPinVerifier(const ThreadPinVerifier&) = delete;
    ThreadPinVerifier& operator=(const ThreadPinVerifier&) = delete;

    void start(const std::string& hash, const std::string& pin) override;
    std::optional<bool> poll() override;

  private:
    void run();

    Check check_;
    std::mutex m_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool pending_ = false;         // a job waits in hash_/pin_
    std::string hash_, pin_;       // the job (the PIN is wiped once taken)
    uint64_t started_ = 0;         // the number of the latest start()
    std::optional<bool> verdict_;  // for job number `started_`
    std::thread thread_;           // last: starts after everything above
};

}  // namespace ww
