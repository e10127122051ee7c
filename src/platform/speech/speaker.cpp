#include "platform/speech/speaker.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/base/log.h"
#include "platform/lazy/lazy_lib.h"
#include "platform/speech/speech_synth.h"

namespace ww {

namespace {

// The few functions of libpcaudio (pcaudiolib/audio.h) we use; the library comes with
// libespeak-ng1 but its header is not packaged, and loading it at run time keeps a missing
// audio stack from stopping the kiosk (platform/lazy/lazy_lib.h).
struct PcAudioLib {
    using Create = void* (*)(const char*, const char*, const char*);
    using Open = int (*)(void*, int, uint32_t, uint8_t);
    using Write = int (*)(void*, const void*, size_t);
    using Simple = int (*)(void*);
    using Destroy = void (*)(void*);

    LazyLib lib{"libpcaudio.so.0"};
    Create create = lib.get<Create>("create_audio_device_object");
    Open open = lib.get<Open>("audio_object_open");
    Write write = lib.get<Write>("audio_object_write");
    Simple flush = lib.get<Simple>("audio_object_flush");
    Destroy close = lib.get<Destroy>("audio_object_close");
    Destroy destroy = lib.get<Destroy>("audio_object_destroy");
};

struct PcAudio {
    static constexpr int kS16LE = 2;  // AUDIO_OBJECT_FORMAT_S16LE
    const PcAudioLib* f = nullptr;    // once loaded
    void* device = nullptr;

    bool load(std::string& why) {
        static const PcAudioLib lib;  // opened by the first speech, once
        if (!lib.lib.ok()) {
            why = lib.lib.error();
            return false;
        }
        f = &lib;
        return true;
    }
    bool start(int rate, std::string& why) {
        if (device) return true;
        if (!load(why)) return false;
        void* d = f->create(nullptr, "wegwijzer", "Read aloud");
        if (!d) {
            why = "no audio device";
            return false;
        }
        if (f->open(d, kS16LE, static_cast<uint32_t>(rate), 1) != 0) {
            f->destroy(d);
            why = "audio device does not open";
            return false;
        }
        device = d;
        return true;
    }
    void stop() {
        if (!device) return;
        f->close(device);
        f->destroy(device);
        device = nullptr;
    }
};

}  // namespace

struct Speaker::Impl {
    struct Request {
        std::string text, lang;
        int volume = 80;
        uint64_t id = 0;
    };
    int rate = 150;
    mutable std::mutex m;
    std::condition_variable cv;
    bool quit = false;
    bool has_request = false;
    bool working = false;
    Request pending;
    std::atomic<uint64_t> generation{0};
    std::atomic<bool> available{true};
    bool logged = false;
    std::chrono::steady_clock::time_point retry_at{};
    PcAudio audio;
    std::thread worker;

    void unavailable(const std::string& why) {
        available = false;
        retry_at = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        if (!logged) log_event("speech_unavailable", {{"reason", why}});
        logged = true;
    }

    void play(const Request& r) {
        const auto cancelled = [&] { return generation.load() != r.id; };
        if (!available && std::chrono::steady_clock::now() < retry_at) return;
        Audio a;
        if (!synthesize_cancellable(r.text, r.lang, rate, r.volume, a, cancelled)) {
            if (!cancelled()) unavailable("synthesis failed");
            return;
        }
        std::string why;
        if (!audio.start(a.sample_rate, why)) return unavailable(why);
        available = true;
        const size_t chunk = static_cast<size_t>(a.sample_rate / 20);  // 50 ms: stop reacts fast
        const auto start = std::chrono::steady_clock::now();
        for (size_t at = 0; at < a.samples.size(); at += chunk) {
            if (cancelled()) {
                audio.f->flush(audio.device);
                return;
            }
            const size_t n = std::min(chunk, a.samples.size() - at);
            if (audio.f->write(audio.device, a.samples.data() + at, n * 2) != 0) {
                audio.stop();  // the device went away; open it again next time
                return;
            }
        }
        // Wait for the buffered end of the speech, still ready to stop it.
        const auto end =
            start + std::chrono::milliseconds(static_cast<int64_t>(a.seconds() * 1000));
        std::unique_lock<std::mutex> lock(m);
        cv.wait_until(lock, end, [&] { return cancelled() || quit; });
        lock.unlock();
        if (cancelled()) audio.f->flush(audio.device);
    }

    void run() {
        for (;;) {
            Request r;
            {
                std::unique_lock<std::mutex> lock(m);
                working = false;
                cv.wait(lock, [&] { return quit || has_request; });
                if (quit) break;
                r = std::move(pending);
                has_request = false;
                working = true;
            }
            play(r);
        }
        audio.stop();
    }
};

Speaker::Speaker(int rate_wpm) : impl_(std::make_unique<Impl>()) {
    impl_->rate = rate_wpm;
    impl_->worker = std::thread([this] { impl_->run(); });
}

Speaker::~Speaker() {
    {
        std::lock_guard<std::mutex> lock(impl_->m);
        impl_->quit = true;
        ++impl_->generation;
    }
    impl_->cv.notify_all();
    impl_->worker.join();
}

void Speaker::speak(const std::string& text, const std::string& lang, int volume) {
    {
        std::lock_guard<std::mutex> lock(impl_->m);
        impl_->pending = {text, lang, volume, ++impl_->generation};
        impl_->has_request = true;
    }
    impl_->cv.notify_all();
}

void Speaker::stop() {
    {
        std::lock_guard<std::mutex> lock(impl_->m);
        ++impl_->generation;
        impl_->has_request = false;
    }
    impl_->cv.notify_all();
}

bool Speaker::available() const {
    return impl_->available;
}

bool Speaker::busy() const {
    std::lock_guard<std::mutex> lock(impl_->m);
    return impl_->has_request || impl_->working;
}

}  // namespace ww
