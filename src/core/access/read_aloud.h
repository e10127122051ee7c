// When the kiosk reads aloud (EN 301 549 5.1.3): the rules that turn what happens (the visitor
// turns it on or off, a new place is shown, the idle warning starts, a tap, a session reset)
// into "say this" and "stop" for a Voice. No thread, no device: the app gives it a voice (on the
// kiosk platform/speech/speaker), tests a fake one.
#pragma once
#include <string>

#include "core/access/focus.h"
#include "core/config/config.h"
#include "core/content/content.h"
#include "core/lifecycle/lifecycle.h"
#include "core/session/session.h"

namespace ww {

// Where read-aloud speaks. Both calls must return at once; say() replaces what is being said.
class Voice {
  public:
    virtual ~Voice() = default;
    virtual void say(const std::string& text, const std::string& lang, int volume) = 0;
    virtual void stop() = 0;
};

// On or off is the visitor's (Session::speech, spoken in Session::lang at
// Session::speech_volume), so a new session starts with it off like everything else. `content`
// null (out of order): nothing to say.
class ReadAloud {
  public:
    explicit ReadAloud(Voice& voice) : voice_(voice) {}

    // The profile's [site], said under "Waar gaat u heen?" (kept by the caller; null = none).
    void set_site(const KioskConfig::Site* site) { site_ = site; }

    // "Read aloud": on, and the current place from the top (again when it was already on).
    void turn_on(Session& s, const Content* content);
    // Speech mode (the first navigation key, or a finger held still): read-aloud on, and where
    // the visitor is, what they can do and how to get help. False (and quiet) when it was on.
    bool start_mode(Session& s, const Content* content);
    // F1 or "?": the help again (EN 301 549 5.1.3.4). Said when read-aloud is on.
    void help(const Session& s, const Content* content);
    // The repeat key: the current place from the top again. Said when read-aloud is on.
    void repeat(const Session& s, const Content* content);
    // Speech mode: a focused item's label and kind.
    void item_focused(const Session& s, const Content* content, const std::string& label, Role r,
                      bool selected = false);
    // + or -: the new level, at that level. Said when read-aloud is on.
    void volume_changed(const Session& s, const Content* content);
    // "Stop reading": off and quiet (speech mode too).
    void turn_off(Session& s);
    // A new place is shown, or the same one in another language: said when on.
    void place_shown(const Session& s, const Content* content);
    // The idle warning started: its title and countdown said when on.
    void warning_started(const Session& s, const Content* content, int seconds);
    // Any tap: quiet at once. Read-aloud stays on for the next place.
    void input();
    // The session ends (idle, new content): quiet, and off (speech mode too) for the next visitor.
    void reset(Session& s);
    // Whether to hold the idle timer: a visitor who listens is not idle. Only while the visitor
    // is active (the spoken warning must not cancel itself) and read-aloud is on and `speaking`.
    bool holds_idle(const Session& s, Phase phase, bool speaking) const;

  private:
    Voice& voice_;
    const KioskConfig::Site* site_ = nullptr;
};

}  // namespace ww
