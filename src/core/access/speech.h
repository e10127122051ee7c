// Read aloud (EN 301 549 5.1.3): what the kiosk says for a place and for the idle warning, as
// text. When it is said is core/access/read_aloud; the voice (eSpeak NG, the audio device) is
// platform/speech/speech_synth and platform/speech/speaker.
#pragma once
#include <string>

#include "core/config/config.h"
#include "core/content/content.h"
#include "core/guide/guide.h"
#include "core/session/session.h"

namespace ww {

// Everything a visitor can read on `p` but its glossary, as sentences in `lang`: title, intro,
// every block (lists, cards, callouts, table rows as "row label: value", buttons by their
// names), for a question the question, help and answers, for a result the advice for `answers`
// (variant, why-line, where to go with the kiosk's own desk from `site`, steps, source). Empty
// for an unknown place.
std::string place_text(const Content& c, const Place& p, const std::string& lang,
                       const Answers& answers = {}, const KioskConfig::Site* site = nullptr);

// What read-aloud says on `p`: place_text, then the hard words it uses with their explanations
// (the "Words explained" block).
std::string spoken_text(const Content& c, const Place& p, const std::string& lang,
                        const Answers& answers = {}, const KioskConfig::Site* site = nullptr);

// The idle warning as it is spoken: ui words idle_title + idle_body with {seconds} filled in.
std::string spoken_warning(const Content& c, const std::string& lang, int seconds);

// Speech mode (keyboard, or a finger held still): where the visitor is, what they can do and
// how to get help (ui words speech_help with {place}); the same after speech_on when it starts.
std::string spoken_help(const Content& c, const Place& p, const std::string& lang);
std::string spoken_intro(const Content& c, const Place& p, const std::string& lang);
// A focused item: its label, then its kind, then "selected" for the current choice ("Home,
// button." / "Text size: Large, button, selected.").
std::string spoken_item(const Content& c, const std::string& label, const std::string& role_word,
                        const std::string& lang, bool selected = false);
// The speech volume after + or -: speech_volume with {level}.
std::string spoken_volume(const Content& c, const std::string& lang, int level);

}  // namespace ww
