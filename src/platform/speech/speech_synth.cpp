#include "platform/speech/speech_synth.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "core/base/log.h"
#include "platform/lazy/lazy_lib.h"

namespace ww {

namespace {

// libespeak-ng, opened by the first speech (platform/lazy/lazy_lib.h).
struct Espeak {
    LazyLib lib{"libespeak-ng.so.1"};
    WW_LAZY_FN(lib, espeak_Initialize);
    WW_LAZY_FN(lib, espeak_SetSynthCallback);
    WW_LAZY_FN(lib, espeak_SetVoiceByName);
    WW_LAZY_FN(lib, espeak_SetVoiceByProperties);
    WW_LAZY_FN(lib, espeak_SetParameter);
    WW_LAZY_FN(lib, espeak_Synth);
    WW_LAZY_FN(lib, espeak_Synchronize);
};

// eSpeak NG keeps global state: one engine for the process, one synthesis at a time.
std::mutex g_engine;
const Espeak* g_espeak = nullptr;  // once the engine has started
int g_sample_rate = 0;             // 0 = not started, < 0 = cannot start
std::vector<int16_t>* g_out = nullptr;
const std::function<bool()>* g_cancel = nullptr;

int on_samples(short* wav, int n, espeak_EVENT*) {
    if (wav && n > 0 && g_out) g_out->insert(g_out->end(), wav, wav + n);
    return g_cancel && (*g_cancel)() ? 1 : 0;  // 1 aborts the synthesis
}

int engine() {
    if (g_sample_rate == 0) {
        static const Espeak api;
        if (!api.lib.ok()) {
            g_sample_rate = -1;
            log_line("speech: " + api.lib.error());
            return g_sample_rate;
        }
        // DONT_EXIT: without its data eSpeak NG would otherwise end the whole kiosk.
        const int rate = api.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 250, nullptr,
                                               espeakINITIALIZE_DONT_EXIT);
        g_sample_rate = rate > 0 ? rate : -1;
        if (rate > 0) {
            g_espeak = &api;
            api.espeak_SetSynthCallback(on_samples);
        } else {
            log_line("speech: eSpeak NG could not start (is espeak-ng-data installed?)");
        }
    }
    return g_sample_rate;
}

bool select_voice(const std::string& lang) {
    if (g_espeak->espeak_SetVoiceByName(lang.c_str()) == EE_OK) return true;
    espeak_VOICE v;
    std::memset(&v, 0, sizeof v);
    v.languages = lang.c_str();
    return g_espeak->espeak_SetVoiceByProperties(&v) == EE_OK;
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

bool synthesize_cancellable(const std::string& text, const std::string& lang, int rate, int volume,
                            Audio& out, const std::function<bool()>& cancel) {
    std::lock_guard<std::mutex> lock(g_engine);
    out = {};
    if (engine() <= 0) return false;
    if (!select_voice(lang)) {
        log_line("speech: no eSpeak NG voice for language '" + lang + "'");
        return false;
    }
    g_espeak->espeak_SetParameter(espeakRATE,
                                  std::clamp(rate, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    g_espeak->espeak_SetParameter(espeakVOLUME, std::clamp(volume, 0, 100), 0);
    out.sample_rate = g_sample_rate;
    g_out = &out.samples;
    g_cancel = &cancel;
    const espeak_ERROR e = g_espeak->espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER,
                                                  0, espeakCHARS_UTF8, nullptr, nullptr);
    g_espeak->espeak_Synchronize();
    g_out = nullptr;
    g_cancel = nullptr;
    return e == EE_OK && !cancel();
}

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

}  // namespace ww
