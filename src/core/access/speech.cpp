#include "core/access/speech.h"

#include <cctype>
#include <cstring>

#include "core/base/overload.h"
#include "core/content/glossary.h"
#include "core/content/sources.h"
#include "core/guide/advice.h"

namespace ww {

// --- what is said --------------------------------------------------------------------------

namespace {

// Collects sentences; every piece ends in punctuation so the voice pauses between them.
struct Sentences {
    std::string out;
    void add(const std::string& s) {
        size_t a = 0, b = s.size();
        while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
        while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
        if (a == b) return;
        std::string piece = s.substr(a, b - a);
        const char last = piece.back();
        if (!std::strchr(".?!:;", last)) piece += '.';
        if (!out.empty()) out += ' ';
        out += piece;
    }
    // "label: value", without a second mark when the label already ends in one.
    void pair(const std::string& label, const std::string& value) {
        if (value.empty()) return add(label);
        if (label.empty()) return add(value);
        std::string l = label;
        while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.pop_back();
        if (!l.empty() && !std::strchr(".?!:;", l.back())) l += ':';
        add(l + " " + value);
    }
};

void add_screen_titles(Sentences& s, const Content& c, const std::vector<std::string>& ids,
                       const std::string& lang) {
    for (auto& id : ids)
        if (auto target = c.screen(id)) s.add(target->title.in(lang));
}

void add_block(Sentences& s, const Content& c, const Block& b, const std::string& lang) {
    auto list = [&](const Text& title, const std::vector<Text>& items) {
        s.add(title.in(lang));
        for (auto& item : items) s.add(item.in(lang));
    };
    const Overload say{
        [&](const Paragraph& k) { s.add(k.text.in(lang)); },
        [&](const Bullets& k) { list(k.title, k.items); },
        [&](const Numbered& k) { list(k.title, k.items); },
        [&](const Card& k) {
            s.add(k.title.in(lang));
            s.add(k.text.in(lang));
            for (auto& item : k.items) s.add(item.in(lang));
        },
        [&](const Callout& k) {
            if (k.kind == "government") s.add(c.word("government_only", lang));
            s.add(k.text.in(lang));
        },
        [&](const Table& k) {
            // Column by column, as the narrow layout shows it: "Option 1. Who arranges it: ...".
            for (size_t col = 1; col < k.columns.size(); ++col) {
                s.add(k.columns[col].in(lang));
                for (auto& row : k.rows)
                    if (row.size() > col) s.pair(row[0].in(lang), row[col].in(lang));
            }
        },
        [&](const Image& k) { s.add(k.alt.in(lang)); },
        [&](const Links& k) { add_screen_titles(s, c, k.screens, lang); },
        [&](const Qr& k) {
            if (const Link* l = c.link(k.link)) s.add(l->label.in(lang));
            s.add(c.word("scan_qr", lang));
        },
        [&](const Tiles& k) {
            for (auto& t : k.tiles) s.add(t.label.in(lang));
        },
    };
    std::visit(say, b);
}

}  // namespace

std::string place_text(const Content& c, const Place& p, const std::string& lang,
                       const Answers& answers, const KioskConfig::Site* site) {
    Sentences s;
    switch (p.kind) {
        case PlaceKind::Screen: {
            const Screen* sc = c.screen(p.id);
            if (!sc) break;
            s.add(sc->title.in(lang));
            if (sc->government_only) s.add(c.word("government_only", lang));
            s.add(sc->intro.in(lang));
            for (auto& b : sc->blocks) add_block(s, c, b, lang);
            s.pair(c.word("source", lang), source_line(c, sc->sources, lang).text);
            break;
        }
        case PlaceKind::Question: {
            const Question* q = c.guide.question(p.id);
            if (!q) break;
            s.add(q->text.in(lang));
            s.add(q->help.in(lang));
            for (auto& a : q->answers) s.add(a.label.in(lang));
            break;
        }
        case PlaceKind::Result: {
            const Advice a = advice_for(c, p.id, answers, site);
            if (!a.result) break;
            s.add(c.word("result_forms", lang));
            s.add(a.title.in(lang));
            add_screen_titles(s, c, a.result->forms, lang);
            if (!a.why.empty()) s.pair(c.word("result_why", lang), why_line(a, lang));
            s.pair(c.word("result_counter", lang), a.counter.in(lang));
            for (auto& line : site_lines(c, a, lang)) s.add(line);
            s.pair(c.word("result_applies", lang), a.applies.in(lang));
            s.add(c.word("result_steps", lang));
            for (auto& step : a.steps) s.add(step.in(lang));
            if (a.link) s.add(a.link->label.in(lang));
            s.add(c.word("summary_label", lang));
            s.add(c.word("scan_qr", lang));
            s.pair(c.word("source", lang), source_line(c, a.result->sources, lang).text);
            s.add(c.word("result_restart", lang));
            break;
        }
    }
    return s.out;
}

std::string spoken_text(const Content& c, const Place& p, const std::string& lang,
                        const Answers& answers, const KioskConfig::Site* site) {
    const std::string shown = place_text(c, p, lang, answers, site);
    const auto words = glossary_in(c, shown, lang);
    if (words.empty()) return shown;
    Sentences s;
    s.out = shown;
    s.add(c.word("glossary_title", lang));
    for (auto* w : words) s.pair(w->term.in(lang), w->explain.in(lang));
    return s.out;
}

std::string spoken_warning(const Content& c, const std::string& lang, int seconds) {
    Sentences s;
    s.add(c.word("idle_title", lang));
    s.add(fill(c.word("idle_body", lang), "seconds", std::to_string(seconds)));
    return s.out;
}

std::string spoken_help(const Content& c, const Place& p, const std::string& lang) {
    Sentences s;
    s.add(fill(c.word("speech_help", lang), "place", place_title(c, p, lang)));
    return s.out;
}

std::string spoken_intro(const Content& c, const Place& p, const std::string& lang) {
    Sentences s;
    s.add(c.word("speech_on", lang));
    s.add(spoken_help(c, p, lang));
    return s.out;
}

std::string spoken_item(const Content& c, const std::string& label, const std::string& role_word,
                        const std::string& lang, bool selected) {
    Sentences s;
    std::string l = label;
    while (!l.empty() && std::strchr(".?!:; ", l.back())) l.pop_back();
    std::string said = l.empty() ? c.word(role_word, lang) : l + ", " + c.word(role_word, lang);
    if (selected) said += ", " + c.word("state_selected", lang);
    s.add(said);
    return s.out;
}

std::string spoken_volume(const Content& c, const std::string& lang, int level) {
    Sentences s;
    s.add(fill(c.word("speech_volume", lang), "level", std::to_string(level)));
    return s.out;
}

}  // namespace ww
