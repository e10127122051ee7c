// A guide result as one visitor gets it: the result with the variant that fits their answers
// (their role), the why-line built from their answers, and the plain-text summary they can take
// away in a QR code. Shown on screen, read aloud, and printed by `wegwijzer --guide`.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/content/content.h"
#include "core/guide/guide.h"

namespace ww {

struct Advice {
    const GuideResult* result = nullptr;  // null: no such result
    Text title, counter, applies;
    std::vector<Text> steps;
    const Link* link = nullptr;      // the official page (null when urls.toml lacks it)
    std::vector<Text> why;           // the `why` of each answer given, in question order
    std::vector<std::string> desks;  // the kinds of desk "Waar gaat u heen?" points at
    // The kiosk's own desk when the advice points at its kind (else null), and whether it is one
    // of several desks the visitor may need ("Twijfelt u? Vraag het hier:").
    const KioskConfig::Site* site = nullptr;
    bool site_ask = false;
};

// The advice of result `id` for `answers`; result == nullptr when the content has no such result.
// With `site` (the profile's [site]): the site when the advice's desks include its kind.
Advice advice_for(const Content& c, const std::string& id, const Answers& answers,
                  const KioskConfig::Site* site = nullptr);

// The site under "Waar gaat u heen?", one line each, in `lang`: "Dat kan hier:", the desk's name,
// where it is in the building, address, opening hours, phone, web page (labels from the [ui]
// words site_*; empty values left out). Empty when the advice has no site.
std::vector<std::string> site_lines(const Content& c, const Advice& a, const std::string& lang);

// The why-line: the answers' reasons in `lang`, one after another ("U koos Wajong. ...").
std::string why_line(const Advice& a, const std::string& lang);

// What the take-away QR holds: heading, title, where to go, who applies, why, numbered steps and
// the official address, one item a line, in `lang`. Nothing about the visitor beyond their
// answers' consequences.
std::string summary_text(const Content& c, const Advice& a, const std::string& lang);

// The answers of a path given as "rol=werknemer,uitkering=wajong,steun=eigen", walked through
// the guide from its start. Returns the result id, or an error message in `error` (unknown
// question or answer, a question on the path left unanswered, an answer off the path).
std::string walk_answers(const Guide& g, const std::string& spec, Answers& answers,
                         std::string& error);

// `wegwijzer --guide SPEC`: the result id and the advice for that path as plain text (what the
// take-away QR holds) in `lang`; empty with `error` set when SPEC does not describe a path.
std::string guide_report(const Content& c, const std::string& spec, const std::string& lang,
                         std::string& error, const KioskConfig::Site* site = nullptr);

// `wegwijzer --list-urls`: every official address: name, date checked, address, label in the
// first language; on the next line, indented, the screens and results that rest on it ("used by:
// screen:optie-1, result:uwv-eigen (qr)"; "(qr)" = shown as a QR code only, not a source).
std::string url_list(const Content& c);

}  // namespace ww
