// --speak SCREEN --wav FILE: what read-aloud says on that place, as a WAV file.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "core/access/speech.h"
#include "core/base/log.h"
#include "core/content/content.h"
#include "core/content/place.h"
#include "platform/speech/speech_synth.h"

namespace ww {

int speak_to_wav(const KioskConfig& config, const RunOptions& run, const std::string& name,
                 const std::string& wav) {
    const ContentLoad content = load_content(run.paths.layouts, run.paths.assets);
    if (!content.ok()) {
        print_problems(content.problems);
        return 1;
    }
    const Content& c = *content.content;
    std::string lang = config.languages.default_language.empty()
                           ? c.languages.front()
                           : config.languages.default_language;
    if (std::find(c.languages.begin(), c.languages.end(), lang) == c.languages.end()) {
        fprintf(stderr, "wegwijzer: --lang: language '%s' is not in layouts/kiosk.toml\n",
                lang.c_str());
        return 1;
    }
    Place place;
    if (!place_from_name(c, name, place)) {
        fprintf(stderr,
                "wegwijzer: --speak: no screen, guide-<question> or result-<result> named '%s'\n",
                name.c_str());
        return 1;
    }
    if (!synth_to_wav(spoken_text(c, place, lang, {}, &config.site), lang,
                      config.accessibility.speech_rate, config.accessibility.speech_volume, wav)) {
        fprintf(stderr, "wegwijzer: --speak: cannot synthesise speech into '%s'\n", wav.c_str());
        return 1;
    }
    log_event("speak", {{"place", place.key()}, {"lang", lang}, {"wav", wav}});
    return 0;
}

}  // namespace ww
