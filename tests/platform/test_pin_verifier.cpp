// The staff PIN checked on a thread of its own (platform/admin/pin_verifier.h): the verdict of the
// latest start, once; a newer start forgets an older check; the destructor waits for a running
// one. The `pin` suite; make test also runs it under ThreadSanitizer (-ts=...,pin).
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/admin/admin.h"
#include "platform/admin/pin_verifier.h"

using namespace ww;
using namespace std::chrono_literals;

namespace {

// Polls until a verdict comes, at most 10 s.
std::optional<bool> wait_verdict(ThreadPinVerifier& v) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
        if (std::optional<bool> r = v.poll()) return r;
        std::this_thread::sleep_for(1ms);
    }
    return std::nullopt;
}

// A check that waits until the test opens the gate (at most 5 s), then compares.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    int entered = 0;
    bool check(const std::string& hash, const std::string& pin) {
        std::unique_lock<std::mutex> lock(m);
        ++entered;
        cv.notify_all();
        cv.wait_for(lock, 5s, [this] { return open; });
        return hash == "h" && pin == "12345678";
    }
    void release() {
        std::lock_guard<std::mutex> lock(m);
        open = true;
        cv.notify_all();
    }
    void wait_entered(int n) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait_for(lock, 5s, [&] { return entered >= n; });
    }
};

}  // namespace

TEST_SUITE("admin") {
    TEST_CASE("pin verifier: the real Argon2id check, right and wrong, once each") {
        const std::string hash = hash_pin("13579024");
        REQUIRE(!hash.empty());
        ThreadPinVerifier v;
        CHECK_FALSE(v.poll());
        v.start(hash, "13579024");
        CHECK(wait_verdict(v) == std::optional<bool>(true));
        CHECK_FALSE(v.poll());  // once
        v.start(hash, "24681357");
        CHECK(wait_verdict(v) == std::optional<bool>(false));
    }

    TEST_CASE("pin verifier: start returns at once while a check runs; a newer start wins") {
        Gate gate;
        ThreadPinVerifier v(
            [&](const std::string& h, const std::string& p) { return gate.check(h, p); });
        const auto t0 = std::chrono::steady_clock::now();
        v.start("h", "00000000");  // wrong, and held at the gate
        gate.wait_entered(1);
        v.start("h", "12345678");  // right: the only verdict that counts
        CHECK(std::chrono::steady_clock::now() - t0 < 2s);
        CHECK_FALSE(v.poll());
        gate.release();
        CHECK(wait_verdict(v) == std::optional<bool>(true));
        CHECK_FALSE(v.poll());
    }

    TEST_CASE("pin verifier: destroyed while a check runs") {
        Gate gate;
        {
            ThreadPinVerifier v(
                [&](const std::string& h, const std::string& p) { return gate.check(h, p); });
            v.start("h", "12345678");
            gate.wait_entered(1);
            gate.release();
        }
        CHECK(gate.entered == 1);
    }
}
