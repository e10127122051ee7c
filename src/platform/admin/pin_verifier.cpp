#include "platform/admin/pin_verifier.h"

#include <sodium.h>

#include "core/admin/admin.h"

namespace ww {

namespace {
void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}
}  // namespace

ThreadPinVerifier::ThreadPinVerifier(Check check)
    : check_(check ? std::move(check) : Check(verify_pin)), thread_([this] { run(); }) {}

ThreadPinVerifier::~ThreadPinVerifier() {
    {
        std::lock_guard<std::mutex> lock(m_);
        stop_ = true;
        wipe(pin_);
    }
    cv_.notify_one();
    thread_.join();
}

void ThreadPinVerifier::start(const std::string& hash, const std::string& pin) {
    {
        std::lock_guard<std::mutex> lock(m_);
        hash_ = hash;
        wipe(pin_);
        pin_ = pin;
        pending_ = true;
        ++started_;
        verdict_.reset();
    }
    cv_.notify_one();
}

std::optional<bool> ThreadPinVerifier::poll() {
    std::lock_guard<std::mutex> lock(m_);
    std::optional<bool> v = verdict_;
    verdict_.reset();
    return v;
}

void ThreadPinVerifier::run() {
    std::unique_lock<std::mutex> lock(m_);
    for (;;) {
        cv_.wait(lock, [this] { return stop_ || pending_; });
        if (stop_) return;
        pending_ = false;
        const uint64_t job = started_;
        std::string hash = hash_, pin = pin_;
        wipe(pin_);
        lock.unlock();
        const bool ok = check_(hash, pin);
        wipe(pin);
        lock.lock();
        if (job == started_) verdict_ = ok;  // a newer start() forgets this one
    }
}

}  // namespace ww
