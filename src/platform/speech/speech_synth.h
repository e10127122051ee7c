// Speech synthesis: turns read-aloud text into 16-bit mono audio with eSpeak NG (Debian
// libespeak-ng), and writes it as a WAV file (--speak ... --wav). What is said is core's
// (core/access/speech); playing it is platform/speech/speaker.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ww {

struct Audio {
    int sample_rate = 0;           // Hz
    std::vector<int16_t> samples;  // mono
    double seconds() const { return sample_rate > 0 ? double(samples.size()) / sample_rate : 0; }
};

// Synthesises `text` with the voice of `lang` ("nl", "en") at `rate` words per minute and
// `volume` 0..100. False when eSpeak NG or the voice is missing.
bool synthesize(const std::string& text, const std::string& lang, int rate, int volume, Audio& out);

// As synthesize, but `cancel` is polled while it runs: once it returns true the synthesis stops
// and the result is false. One synthesis at a time (eSpeak NG is global); others wait.
bool synthesize_cancellable(const std::string& text, const std::string& lang, int rate, int volume,
                            Audio& out, const std::function<bool()>& cancel);

// Writes 16-bit mono PCM as a WAV file.
bool write_wav(const std::string& path, const Audio& audio);

// synthesize + write_wav.
bool synth_to_wav(const std::string& text, const std::string& lang, int rate, int volume,
                  const std::string& path);

}  // namespace ww
