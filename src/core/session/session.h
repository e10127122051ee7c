// Everything of one visitor, in one struct. A session reset replaces the whole struct with a
// fresh one, so a new piece of visitor state cannot be forgotten by the reset.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/content/place.h"
#include "core/guide/guide.h"

namespace ww {

enum class TextSize { Normal, Large, Larger };
enum class Theme { Normal, HighContrast };

// The per-visitor defaults a profile sets (taken from KioskConfig + content).
struct SessionDefaults {
    std::string home = "home";
    std::string lang = "nl";
    TextSize text_size = TextSize::Normal;
    Theme theme = Theme::Normal;
    int speech_volume = 80;
};

// Every new field must be added to tests/ui/test_reset.cpp (dirty_everything and check_fresh),
// which proves that a reset really clears it, and to is_fresh/describe in tests/ui/test_soak.cpp.
struct Session {
    std::vector<Place> history;           // back stack; history.back() is the current place
    Answers answers;                      // decision-guide answers so far
    std::map<std::string, float> scroll;  // Place::key() -> scroll offset in px
    std::string lang;
    TextSize text_size = TextSize::Normal;
    Theme theme = Theme::Normal;
    bool speech = false;       // read aloud on
    bool speech_mode = false;  // speech mode (keys, or a finger held still): speech, focus spoken
    int speech_volume = 80;
    bool reach_mode = false;      // everything in the lower part of the screen
    bool access_panel = false;    // accessibility choices open
    bool language_panel = false;  // language choices open
    int taps = 0;                 // for the admin's session statistics

    const Place& current() const { return history.back(); }
};

Session fresh_session(const SessionDefaults& d);

TextSize parse_text_size(const std::string& s);
Theme parse_theme(const std::string& s);
const char* name_of(TextSize t);
const char* name_of(Theme t);

// --- navigation (all of it keeps history non-empty) -------------------------------------------
void open_screen(Session& s, const std::string& id);
void start_guide(Session& s, const Guide& g);
// Records `value` for the current question and moves to the next question or to the result.
// Returns false when the current place is not a question or the value is unknown.
bool answer(Session& s, const Guide& g, const std::string& value);
void go_back(Session& s);
void go_home(Session& s, const std::string& home);

// From a fresh session on home, goes to `p` with a history that makes Back meaningful: a screen
// is opened from home, a question or result is reached by replaying a guide path. False when
// `p` is not in the content (or no path reaches it); `s` is then left on home.
bool walk_to(Session& s, const Content& c, const Place& p);

// "Vraag 2 van 3": the current question's number and the longest path's length from the start.
std::pair<int, int> question_progress(const Session& s, const Guide& g);

}  // namespace ww
