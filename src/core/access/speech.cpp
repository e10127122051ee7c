#include "core/access/speech.h"

#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>

#include "core/base/log.h"
#include "core/base/overload.h"

namespace ww {

// --- what is said --------------------------------------------------------------------------

namespace {

// Collects sentences; every piece ends in punctuation so the voice pauses between them.
struct Sentences {
    std::string out;
    void add(const std::string& s) {
        size_t a = 0, b = s.size();
        while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
        while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
        if (a == b) return;
        std::string piece = s.substr(a, b - a);
        const char last = piece.back();
        if (!std::strchr(".?!:;", last)) piece += '.';
        if (!out.empty()) out += ' ';
        out += piece;
    }
    // "label: value", without a second mark when the label already ends in one.
    void pair(const std::string& label, const std::string& value) {
        if (value.empty()) return add(label);
        if (label.empty()) return add(value);
        std::string l = label;
        while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.pop_back();
        if (!l.empty() && !std::strchr(".?!:;", l.back())) l += ':';
        add(l + " " + value);
    }
};

void add_screen_titles(Sentences& s, const Content& c, const std::vector<std::string>& ids,
                       const std::string& lang) {
    for (auto& id : ids)
        if (auto target = c.screen(id)) s.add(target->title.in(lang));
}

void add_block(Sentences& s, const Content& c, const Block& b, const std::string& lang) {
    auto list = [&](const Text& title, const std::vector<Text>& items) {
        s.add(title.in(lang));
        for (auto& item : items) s.add(item.in(lang));
    };
    const Overload say{
        [&](const Paragraph& k) { s.add(k.text.in(lang)); },
        [&](const Bullets& k) { list(k.title, k.items); },
        [&](const Numbered& k) { list(k.title, k.items); },
        [&](const Card& k) {
            s.add(k.title.in(lang));
            s.add(k.text.in(lang));
            for (auto& item : k.items) s.add(item.in(lang));
        },
        [&](const Callout& k) {
            if (k.kind == "government") s.add(c.word("government_only", lang));
            s.add(k.text.in(lang));
        },
        [&](const Table& k) {
            // Column by column, as the narrow layout shows it: "Option 1. Who arranges it: ...".
            for (size_t col = 1; col < k.columns.size(); ++col) {
                s.add(k.columns[col].in(lang));
                for (auto& row : k.rows)
                    if (row.size() > col) s.pair(row[0].in(lang), row[col].in(lang));
            }
        },
        [&](const Image& k) { s.add(k.alt.in(lang)); },
        [&](const Links& k) { add_screen_titles(s, c, k.screens, lang); },
        [&](const Qr& k) {
            s.add(k.label.in(lang));
            s.add(c.word("scan_qr", lang));
        },
        [&](const Tiles& k) {
            for (auto& t : k.tiles) s.add(t.label.in(lang));
        },
    };
    std::visit(say, b);
}

}  // namespace

std::string spoken_text(const Content& c, const Place& p, const std::string& lang) {
    Sentences s;
    switch (p.kind) {
        case PlaceKind::Screen: {
            const Screen* sc = c.screen(p.id);
            if (!sc) break;
            s.add(sc->title.in(lang));
            if (sc->government_only) s.add(c.word("government_only", lang));
            s.add(sc->intro.in(lang));
            for (auto& b : sc->blocks) add_block(s, c, b, lang);
            s.pair(c.word("source", lang), sc->source);
            break;
        }
        case PlaceKind::Question: {
            const Question* q = c.guide.question(p.id);
            if (!q) break;
            s.add(q->text.in(lang));
            s.add(q->help.in(lang));
            for (auto& a : q->answers) s.add(a.label.in(lang));
            break;
        }
        case PlaceKind::Result: {
            const GuideResult* r = c.guide.result(p.id);
            if (!r) break;
            s.add(c.word("result_forms", lang));
            s.add(r->title.in(lang));
            add_screen_titles(s, c, r->forms, lang);
            s.pair(c.word("result_counter", lang), r->counter.in(lang));
            s.pair(c.word("result_applies", lang), r->applies.in(lang));
            s.add(c.word("result_steps", lang));
            for (auto& step : r->steps) s.add(step.in(lang));
            s.add(r->qr_label.in(lang));
            s.add(c.word("scan_qr", lang));
            s.add(c.word("result_restart", lang));
            break;
        }
    }
    return s.out;
}

std::string spoken_warning(const Content& c, const std::string& lang, int seconds) {
    Sentences s;
    s.add(c.word("idle_title", lang));
    s.add(fill(c.word("idle_body", lang), "seconds", std::to_string(seconds)));
    return s.out;
}

// --- synthesis -------------------------------------------------------------------------------

namespace {

// eSpeak NG keeps global state: one engine for the process, one synthesis at a time.
std::mutex g_engine;
int g_sample_rate = 0;  // 0 = not started, < 0 = cannot start
std::vector<int16_t>* g_out = nullptr;
const std::function<bool()>* g_cancel = nullptr;

int on_samples(short* wav, int n, espeak_EVENT*) {
    if (wav && n > 0 && g_out) g_out->insert(g_out->end(), wav, wav + n);
    return g_cancel && (*g_cancel)() ? 1 : 0;  // 1 aborts the synthesis
}

int engine() {
    if (g_sample_rate == 0) {
        // DONT_EXIT: without its data eSpeak NG would otherwise end the whole kiosk.
        const int rate =
            espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 250, nullptr, espeakINITIALIZE_DONT_EXIT);
        g_sample_rate = rate > 0 ? rate : -1;
        if (rate > 0)
            espeak_SetSynthCallback(on_samples);
        else
            log_line("speech: eSpeak NG could not start (is espeak-ng-data installed?)");
    }
    return g_sample_rate;
}

bool select_voice(const std::string& lang) {
    if (espeak_SetVoiceByName(lang.c_str()) == EE_OK) return true;
    espeak_VOICE v;
    std::memset(&v, 0, sizeof v);
    v.languages = lang.c_str();
    return espeak_SetVoiceByProperties(&v) == EE_OK;
}

bool synthesize_cancellable(const std::string& text, const std::string& lang, int rate, int volume,
                            Audio& out, const std::function<bool()>& cancel) {
    std::lock_guard<std::mutex> lock(g_engine);
    out = {};
    if (engine() <= 0) return false;
    if (!select_voice(lang)) {
        log_line("speech: no eSpeak NG voice for language '" + lang + "'");
        return false;
    }
    espeak_SetParameter(espeakRATE, std::clamp(rate, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(volume, 0, 100), 0);
    out.sample_rate = g_sample_rate;
    g_out = &out.samples;
    g_cancel = &cancel;
    const espeak_ERROR e = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, nullptr);
    espeak_Synchronize();
    g_out = nullptr;
    g_cancel = nullptr;
    return e == EE_OK && !cancel();
}

void put16(FILE* f, uint16_t v) {
    const unsigned char b[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
    fwrite(b, 1, 2, f);
}
void put32(FILE* f, uint32_t v) {
    put16(f, static_cast<uint16_t>(v));
    put16(f, static_cast<uint16_t>(v >> 16));
}

}  // namespace

bool synthesize(const std::string& text, const std::string& lang, int rate, int volume,
                Audio& out) {
    static const std::function<bool()> never = [] { return false; };
    return synthesize_cancellable(text, lang, rate, volume, out, never);
}

bool write_wav(const std::string& path, const Audio& a) {
    FILE* f = fopen(path.c_str(), "wb");
    if (!f) return false;
    const uint32_t data = static_cast<uint32_t>(a.samples.size() * 2);
    fwrite("RIFF", 1, 4, f);
    put32(f, 36 + data);
    fwrite("WAVEfmt ", 1, 8, f);
    put32(f, 16);  // fmt chunk size
    put16(f, 1);   // PCM
    put16(f, 1);   // mono
    put32(f, static_cast<uint32_t>(a.sample_rate));
    put32(f, static_cast<uint32_t>(a.sample_rate) * 2);  // bytes per second
    put16(f, 2);                                         // block align
    put16(f, 16);                                        // bits per sample
    fwrite("data", 1, 4, f);
    put32(f, data);
    for (int16_t s : a.samples) put16(f, static_cast<uint16_t>(s));
    const bool ok = !ferror(f);
    return fclose(f) == 0 && ok;
}

bool synth_to_wav(const std::string& text, const std::string& lang, int rate, int volume,
                  const std::string& path) {
    Audio a;
    return synthesize(text, lang, rate, volume, a) && write_wav(path, a);
}

// --- playback ------------------------------------------------------------------------------------

namespace {

// The few functions of libpcaudio (pcaudiolib/audio.h) we use; the library comes with
// libespeak-ng1 but its header is not packaged, and loading it at run time keeps a missing
// audio stack from stopping the kiosk.
struct PcAudio {
    using Create = void* (*)(const char*, const char*, const char*);
    using Open = int (*)(void*, int, uint32_t, uint8_t);
    using Write = int (*)(void*, const void*, size_t);
    using Simple = int (*)(void*);
    using Destroy = void (*)(void*);
    static constexpr int kS16LE = 2;  // AUDIO_OBJECT_FORMAT_S16LE

    void* lib = nullptr;
    Create create = nullptr;
    Open open = nullptr;
    Write write = nullptr;
    Simple drain = nullptr, flush = nullptr;
    Destroy close = nullptr, destroy = nullptr;
    void* device = nullptr;

    bool load(std::string& why) {
        if (lib) return true;
        lib = dlopen("libpcaudio.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!lib) {
            why = "libpcaudio not found";
            return false;
        }
        create = reinterpret_cast<Create>(dlsym(lib, "create_audio_device_object"));
        open = reinterpret_cast<Open>(dlsym(lib, "audio_object_open"));
        write = reinterpret_cast<Write>(dlsym(lib, "audio_object_write"));
        drain = reinterpret_cast<Simple>(dlsym(lib, "audio_object_drain"));
        flush = reinterpret_cast<Simple>(dlsym(lib, "audio_object_flush"));
        close = reinterpret_cast<Destroy>(dlsym(lib, "audio_object_close"));
        destroy = reinterpret_cast<Destroy>(dlsym(lib, "audio_object_destroy"));
        if (!create || !open || !write || !drain || !flush || !close || !destroy) {
            why = "libpcaudio lacks a function";
            dlclose(lib);
            lib = nullptr;
            return false;
        }
        return true;
    }
    bool start(int rate, std::string& why) {
        if (device) return true;
        if (!load(why)) return false;
        void* d = create(nullptr, "wegwijzer", "Read aloud");
        if (!d) {
            why = "no audio device";
            return false;
        }
        if (open(d, kS16LE, static_cast<uint32_t>(rate), 1) != 0) {
            destroy(d);
            why = "audio device does not open";
            return false;
        }
        device = d;
        return true;
    }
    void stop() {
        if (!device) return;
        close(device);
        destroy(device);
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
                audio.flush(audio.device);
                return;
            }
            const size_t n = std::min(chunk, a.samples.size() - at);
            if (audio.write(audio.device, a.samples.data() + at, n * 2) != 0) {
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
        if (cancelled()) audio.flush(audio.device);
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
