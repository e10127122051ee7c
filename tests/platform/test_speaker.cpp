// Read aloud, the device: eSpeak NG turns two screens into WAV files of a plausible length, and
// the live Speaker and its worker thread (the `speaker` suite; make test also runs it under
// ThreadSanitizer: tests/tsan.sh build-tsan/platform_tests -ts=speech).
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include "../support/capture_stderr.h"
#include "../support/shipped_content.h"
#include "core/access/speech.h"
#include "core/content/content.h"
#include "core/content/place.h"
#include "platform/speech/speaker.h"
#include "platform/speech/speech_synth.h"

using namespace ww;

namespace {

// Seconds of audio in a 16-bit WAV, from its header and size; -1 when it is not one.
double wav_seconds(const std::string& path) {
    FILE* f = fopen(path.c_str(), "rb");
    if (!f) return -1;
    unsigned char h[44];
    const size_t n = fread(h, 1, sizeof h, f);
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fclose(f);
    if (n != sizeof h || std::string(reinterpret_cast<char*>(h), 4) != "RIFF" ||
        std::string(reinterpret_cast<char*>(h) + 8, 4) != "WAVE")
        return -1;
    auto u32 = [&](int at) {
        return uint32_t(h[at]) | uint32_t(h[at + 1]) << 8 | uint32_t(h[at + 2]) << 16 |
               uint32_t(h[at + 3]) << 24;
    };
    const uint32_t byte_rate = u32(28), data = u32(40);
    if (byte_rate == 0 || data + 44 != static_cast<uint32_t>(size)) return -1;
    return double(data) / byte_rate;
}

// Polls busy() every 20 ms, at most `polls` times; true once the Speaker is quiet.
bool quiet_within(const Speaker& sp, int polls) {
    for (int i = 0; i < polls; ++i) {
        if (!sp.busy()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return !sp.busy();
}

// No ALSA playback device, no OSS device and no PulseAudio/PipeWire socket: nothing libpcaudio
// could open (CI, containers). False when any of them might be there.
bool clearly_no_audio_device() {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::directory_iterator it("/dev/snd", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind("pcm", 0) == 0) return false;
    if (fs::exists("/dev/dsp", ec) || std::getenv("PULSE_SERVER")) return false;
    std::string runtime = "/run/user/" + std::to_string(::getuid());
    if (const char* x = std::getenv("XDG_RUNTIME_DIR")) runtime = x;
    for (const std::string& socket :
         {runtime + "/pulse/native", runtime + "/pipewire-0", std::string("/run/pulse/native")})
        if (fs::exists(socket, ec)) return false;
    return true;
}

// Every screen's spoken text, Dutch: minutes of speech, seconds of synthesis.
const std::string& whole_site() {
    static const std::string text = [] {
        std::string t;
        for (auto& s : shipped().screens)
            t += spoken_text(shipped(), {PlaceKind::Screen, s.id}, "nl") + " ";
        return t;
    }();
    return text;
}

}  // namespace

TEST_CASE("synth_to_wav writes a WAV of plausible length") {
    const Content& c = shipped();
    const auto dir = std::filesystem::temp_directory_path() /
                     ("wegwijzer-test-speech-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (const char* id : {"home", "vormen"}) {
        for (const char* lang : {"nl", "en"}) {
            const std::string sid = id, slang = lang;
            CAPTURE(sid);
            CAPTURE(slang);
            const std::string path = (dir / (std::string(id) + "-" + lang + ".wav")).string();
            REQUIRE(c.screen(id));
            REQUIRE(
                synth_to_wav(spoken_text(c, {PlaceKind::Screen, id}, lang), lang, 150, 80, path));
            const double s = wav_seconds(path);
            MESSAGE(path << ": " << s << " s");
            CHECK(s > 1.0);
            CHECK(s < 600.0);
        }
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "every place's spoken text, written to WAV as --speak does, has sound in every language") {
    const Content& c = shipped();
    const auto dir = std::filesystem::temp_directory_path() /
                     ("wegwijzer-test-places-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "place.wav").string();
    int n = 0;
    double total = 0;
    for (const Place& p : all_places(c)) {
        for (auto& lang : c.languages) {
            CAPTURE(p.key());
            CAPTURE(lang);
            const std::string text = spoken_text(c, p, lang);
            REQUIRE_FALSE(text.empty());
            REQUIRE(synth_to_wav(text, lang, 150, 80, path));
            const double s = wav_seconds(path);
            CHECK(s > 1.0);
            total += s;
            ++n;
        }
    }
    // Speech mode's own words too: the intro (help) and an item with its kind.
    for (auto& lang : c.languages) {
        CAPTURE(lang);
        REQUIRE(
            synth_to_wav(spoken_intro(c, {PlaceKind::Screen, c.home}, lang), lang, 150, 80, path));
        CHECK(wav_seconds(path) > 5.0);
        REQUIRE(synth_to_wav(spoken_item(c, c.word("back", lang), "role_button", lang), lang, 150,
                             80, path));
        CHECK(wav_seconds(path) > 0.3);
    }
    MESSAGE(n << " places x languages, " << total / 60 << " minutes of speech");
    std::filesystem::remove_all(dir);
}

// The live Speaker and its worker thread (also run under ThreadSanitizer: make test, -ts=speech).
// Without an audio device (CI) it must say so through available() and never block; with one
// it plays. Bounded polls, no timing benchmarks: every wait below is far longer than needed.
TEST_SUITE("speech") {
    TEST_CASE("a Speaker becomes quiet after a sentence; available() says whether it could play") {
        CaptureStderr err;
        Speaker sp(150);
        CHECK(sp.available());  // nothing tried yet
        sp.speak("Dit is een test.", "nl", 80);
        sp.stop();
        sp.speak("This is a test.", "en", 50);
        // Synthesising takes milliseconds, playing it about two seconds: 10 s is plenty.
        REQUIRE(quiet_within(sp, 500));
        const bool logged = err.text().find("event=speech_unavailable") != std::string::npos;
        CAPTURE(err.text());
        CHECK(sp.available() == !logged);
        if (clearly_no_audio_device()) CHECK_FALSE(sp.available());
        // Once unavailable it does not try again for a while, and still never blocks.
        sp.speak("Nog een keer.", "nl", 80);
        CHECK(quiet_within(sp, 500));
    }

    TEST_CASE("stop() ends a long read-aloud at once") {
        // The whole site at the highest rate: about two seconds of synthesis here, minutes of
        // audio. A cancelled synthesis is no failure: available() stays true. Were it not
        // cancelled, without a device it would fail at the audio output (available() false),
        // with one it would play for minutes (busy() true).
        CaptureStderr err;
        Speaker sp(450);
        sp.speak(whole_site(), "nl", 80);
        CHECK(sp.busy());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the worker takes it up
        CHECK(sp.busy());
        sp.stop();
        CHECK(quiet_within(sp, 50));
        CHECK(sp.available());
        CHECK(err.text().find("event=speech_unavailable") == std::string::npos);
    }

    TEST_CASE("a new speak() replaces a long one") {
        CaptureStderr err;
        Speaker sp(450);
        sp.speak(whole_site(), "nl", 80);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        sp.speak("Kort.", "nl", 80);
        // With a device the long text, had it not been replaced, would play for minutes.
        REQUIRE(quiet_within(sp, 500));
        const std::string text = err.text();
        CAPTURE(text);
        CHECK(sp.available() == (text.find("event=speech_unavailable") == std::string::npos));
    }

    TEST_CASE("a Speaker destroyed while it speaks returns at once and fails nothing") {
        CaptureStderr err;
        const auto start = std::chrono::steady_clock::now();
        {
            Speaker sp(450);
            sp.speak(whole_site(), "en", 80);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            REQUIRE(sp.busy());
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(seconds < 5.0);  // not the minutes it would take to say it all
        // The synthesis was cancelled, not finished and sent to a missing device.
        CHECK(err.text().find("event=speech_unavailable") == std::string::npos);
    }
}
