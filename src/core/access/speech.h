// Read aloud (EN 301 549 5.1.3): what the kiosk says for a place, speech synthesis with
// eSpeak NG (Debian libespeak-ng), and a Speaker that plays it on the default audio output.
// No ImGui here. Without an audio device the Speaker logs `event=speech_unavailable` once and
// stays silent; it never blocks the caller.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/kiosk/session.h"

namespace ww {

// Everything a visitor can read on `p`, as sentences in `lang`: title, intro, every block
// (lists, cards, callouts, table rows as "row label: value", buttons by their names), for a
// question the question, help and answers, for a result every field. Empty for an unknown place.
std::string spoken_text(const Content& c, const Place& p, const std::string& lang);

// The idle warning as it is spoken: ui words idle_title + idle_body with {seconds} filled in.
std::string spoken_warning(const Content& c, const std::string& lang, int seconds);

struct Audio {
    int sample_rate = 0;           // Hz
    std::vector<int16_t> samples;  // mono
    double seconds() const { return sample_rate > 0 ? double(samples.size()) / sample_rate : 0; }
};

// Synthesises `text` with the voice of `lang` ("nl", "en") at `rate` words per minute and
// `volume` 0..100. False when eSpeak NG or the voice is missing.
bool synthesize(const std::string& text, const std::string& lang, int rate, int volume, Audio& out);

// Writes 16-bit mono PCM as a WAV file.
bool write_wav(const std::string& path, const Audio& audio);

// synthesize + write_wav.
bool synth_to_wav(const std::string& text, const std::string& lang, int rate, int volume,
                  const std::string& path);

// Live read-aloud on the default audio output (through libpcaudio, eSpeak NG's own audio
// library, loaded at run time). All calls return at once; one worker thread synthesises and
// plays. A new speak() replaces what is being said.
class Speaker {
  public:
    explicit Speaker(int rate_wpm = 150);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    void speak(const std::string& text, const std::string& lang, int volume);
    void stop();
    // False once synthesis or the audio output turned out to be missing (logged once).
    bool available() const;
    // True while something is queued, synthesised or played.
    bool busy() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ww
