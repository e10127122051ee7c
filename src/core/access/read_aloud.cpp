#include "core/access/read_aloud.h"

#include "core/access/speech.h"

namespace ww {

void ReadAloud::turn_on(Session& s, const Content* content) {
    s.speech = true;
    place_shown(s, content);
}

bool ReadAloud::start_mode(Session& s, const Content* content) {
    if (s.speech_mode) return false;
    s.speech = s.speech_mode = true;
    if (content) voice_.say(spoken_intro(*content, s.current(), s.lang), s.lang, s.speech_volume);
    return true;
}

void ReadAloud::help(const Session& s, const Content* content) {
    if (!s.speech || !content) return;
    voice_.say(spoken_help(*content, s.current(), s.lang), s.lang, s.speech_volume);
}

void ReadAloud::repeat(const Session& s, const Content* content) {
    place_shown(s, content);
}

void ReadAloud::item_focused(const Session& s, const Content* content, const std::string& label,
                             Role r, bool selected) {
    if (!s.speech_mode || !content) return;
    voice_.say(spoken_item(*content, label, role_word(r), s.lang, selected), s.lang,
               s.speech_volume);
}

void ReadAloud::volume_changed(const Session& s, const Content* content) {
    if (!s.speech || !content) return;
    voice_.say(spoken_volume(*content, s.lang, s.speech_volume), s.lang, s.speech_volume);
}

void ReadAloud::turn_off(Session& s) {
    s.speech = s.speech_mode = false;
    voice_.stop();
}

void ReadAloud::place_shown(const Session& s, const Content* content) {
    if (!s.speech || !content) return;
    voice_.say(spoken_text(*content, s.current(), s.lang, s.answers, site_), s.lang,
               s.speech_volume);
}

void ReadAloud::warning_started(const Session& s, const Content* content, int seconds) {
    if (!s.speech || !content) return;
    voice_.say(spoken_warning(*content, s.lang, seconds), s.lang, s.speech_volume);
}

void ReadAloud::input() {
    voice_.stop();
}

void ReadAloud::reset(Session& s) {
    s.speech = s.speech_mode = false;
    voice_.stop();  // the next visitor does not hear the last one
}

bool ReadAloud::holds_idle(const Session& s, Phase phase, bool speaking) const {
    return phase == Phase::Active && s.speech && speaking;
}

}  // namespace ww
