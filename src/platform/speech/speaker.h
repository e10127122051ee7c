// The read-aloud voice on the default audio output: a worker thread that synthesises text
// (platform/speech/speech_synth) and plays it through libpcaudio, eSpeak NG's own audio library,
// loaded at run time. Without an audio device it logs `event=speech_unavailable` once and stays
// silent; it never blocks the caller.
#pragma once
#include <memory>
#include <string>

namespace ww {

// All calls return at once; one worker thread synthesises and plays. A new speak() replaces
// what is being said.
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
