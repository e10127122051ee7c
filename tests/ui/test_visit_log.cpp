// The log (the system journal on a kiosk) keeps lifecycle events only: a visitor's places,
// answers, result, language and accessibility choices are logged with --log-visits alone.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "../support/capture_stderr.h"
#include "core/guide/guide.h"
#include "fake_speaker.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {

// One visitor: the language and accessibility panels, a whole guide path, speech mode by key.
void visit(Kiosk& k) {
    k.tap("##language");
    k.tap("##lang-en");
    k.tap("##access");
    k.tap("##size-larger");
    k.tap("##theme-high");
    k.tap("##reach");
    k.tap("##reach");  // off again: the guide's answers stay where the test finds them
    k.tap("##speech-on");
    k.tap("##speech-off");
    k.tap("##close-access");
    k.tap("##tile-guide");
    for (const char* a : {"werknemer", "wajong", "eigen"}) {
        k.reveal(std::string("##answer-") + a);
        k.tap(std::string("##answer-") + a);
    }
    REQUIRE(k.place() == Place{PlaceKind::Result, "uwv-eigen"});
    for (NavKey key : {NavKey::Next, NavKey::Next, NavKey::Next, NavKey::VolumeUp}) {
        k.app().nav_key(key, k.k->now());
        k.k->settle();
    }
    k.app().reset_session("test");
    k.k->settle();
}

// Every place id but home, every answer, every language but the start one, every
// accessibility choice: none of them may be a value in the log.
std::set<std::string> visitor_words(const Content& c) {
    std::set<std::string> w = {"en", "large", "larger", "high-contrast"};
    for (auto& s : c.screens)
        if (s.id != c.home) w.insert(s.id);
    for (auto& q : c.guide.questions) {
        w.insert(q.id);
        for (auto& a : q.answers) w.insert(a.value);
    }
    for (auto& r : c.guide.results) w.insert(r.id);
    return w;
}

// The values (after `=`) of every `wegwijzer: event=` line that names one of `words`.
std::string leaks(const std::string& log, const std::set<std::string>& words) {
    std::istringstream lines(log);
    std::string line, out;
    while (std::getline(lines, line)) {
        if (line.rfind("wegwijzer: event=", 0) != 0) continue;
        std::istringstream fields(line.substr(11));
        std::string f;
        while (fields >> f) {
            const size_t eq = f.find('=');
            std::string v = eq == std::string::npos ? f : f.substr(eq + 1);
            if (v.size() > 1 && v.front() == '"') v = v.substr(1, v.size() - 2);
            if (f.rfind("event=", 0) == 0 &&
                (v == "navigate" || v == "guide_result" || v == "language" || v == "speech" ||
                 v == "speech_mode" || v == "focus" || v == "volume"))
                out += line + "\n";
            else if (f.rfind("event=", 0) != 0 && words.count(v))
                out += line + "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE(
    "the log: a whole visit with the default flags names no place, answer, result, "
    "language or accessibility choice") {
    std::string text;
    std::set<std::string> words;
    {
        CaptureStderr log;
        Kiosk k;
        FakeSpeaker sp;
        k.k->set_hooks(sp.hooks());
        words = visitor_words(*k.app().content());
        visit(k);
        text = log.text();
    }
    REQUIRE(text.find("event=session_reset reason=test") != std::string::npos);
    CHECK_MESSAGE(leaks(text, words).empty(), "a visitor's choice in the log:\n"
                                                  << leaks(text, words));
}

TEST_CASE("the log: --log-visits (tests, bench) logs the same visit's places and choices") {
    std::string text;
    std::set<std::string> words;
    {
        CaptureStderr log;
        Kiosk k;
        FakeSpeaker sp;
        k.k->set_hooks(sp.hooks());
        k.app().set_log_visits(true);
        words = visitor_words(*k.app().content());
        visit(k);
        text = log.text();
    }
    for (const char* line : {"event=language lang=en", "event=navigate question=rol",
                             "event=guide_result result=uwv-eigen", "event=speech state=on",
                             "event=speech_mode state=on", "event=focus item=", "event=volume"})
        CHECK_MESSAGE(text.find(line) != std::string::npos, "not logged: " << line);
    CHECK_FALSE(leaks(text, words).empty());  // the scan itself finds them
}
