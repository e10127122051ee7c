// The content model's look-ups, and every string of it for the font's glyph ranges.
#include "core/content/content.h"

#include <variant>

#include "core/base/overload.h"

namespace ww {

const std::vector<std::string> kRequiredUiWords = {
    "home",           "back",           "where",           "language",        "accessibility",
    "read_aloud",     "stop_reading",   "text_size",       "text_normal",     "text_large",
    "text_larger",    "contrast",       "contrast_normal", "contrast_high",   "reach_mode",
    "reach_on",       "reach_off",      "close",           "idle_title",      "idle_body",
    "idle_continue",  "attract_touch",  "source",          "checked",         "government_only",
    "out_of_order",   "question_of",    "dont_know_hint",  "result_forms",    "result_counter",
    "result_applies", "result_steps",   "result_restart",  "scan_qr",         "more_info",
    "result_why",     "glossary_title", "summary_label",   "summary_heading", "summary_more",
    "speech_on",      "speech_help",    "speech_volume",   "volume_up",       "volume_down",
    "role_button",    "role_link",      "role_question",   "role_answer",     "state_selected",
    "site_here",      "site_ask",       "site_counter",    "site_address",    "site_hours",
    "site_phone",     "site_web"};

const Link* Content::link(const std::string& name) const {
    auto it = links.find(name);
    return it == links.end() ? nullptr : &it->second;
}

const Screen* Content::screen(const std::string& id) const {
    for (auto& s : screens)
        if (s.id == id) return &s;
    return nullptr;
}

const std::string& Content::word(const std::string& key, const std::string& lang) const {
    static const std::string none;
    auto it = ui.find(key);
    return it == ui.end() ? none : it->second.in(lang);
}

const Question* Guide::question(const std::string& id) const {
    for (auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

const GuideResult* Guide::result(const std::string& id) const {
    for (auto& r : results)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {

void collect(const Text& t, std::vector<const std::string*>& out) {
    for (auto& [lang, s] : t.by_lang) out.push_back(&s);
}

void collect_block(const Block& b, std::vector<const std::string*>& out) {
    auto list = [&](const std::vector<Text>& items) {
        for (auto& i : items) collect(i, out);
    };
    const Overload add{
        [&](const Paragraph& k) { collect(k.text, out); },
        [&](const Bullets& k) {
            collect(k.title, out);
            list(k.items);
        },
        [&](const Numbered& k) {
            collect(k.title, out);
            list(k.items);
        },
        [&](const Card& k) {
            collect(k.title, out);
            collect(k.text, out);
            list(k.items);
        },
        [&](const Callout& k) { collect(k.text, out); },
        [&](const Table& k) {
            list(k.columns);
            for (auto& row : k.rows) list(row);
        },
        [&](const Image& k) { collect(k.alt, out); },
        [](const Links&) {},  // labelled with the titles of their screens
        [](const Qr&) {},     // label and address are in Content::links
        [&](const Tiles& k) {
            for (auto& t : k.tiles) collect(t.label, out);
        },
    };
    std::visit(add, b);
}

}  // namespace

std::vector<const std::string*> Content::all_strings() const {
    std::vector<const std::string*> out;
    for (auto& [k, t] : ui) collect(t, out);
    for (auto& [k, s] : language_names) out.push_back(&s);
    for (auto& a : attract) collect(a.text, out);
    for (auto& s : screens) {
        collect(s.title, out);
        collect(s.intro, out);
        for (auto& b : s.blocks) collect_block(b, out);
    }
    for (auto& q : guide.questions) {
        collect(q.text, out);
        collect(q.help, out);
        for (auto& a : q.answers) {
            collect(a.label, out);
            collect(a.why, out);
        }
    }
    for (auto& r : guide.results) {
        collect(r.title, out);
        collect(r.counter, out);
        collect(r.applies, out);
        for (auto& s : r.steps) collect(s, out);
        for (auto& v : r.variants) {
            collect(v.title, out);
            collect(v.applies, out);
            for (auto& s : v.steps) collect(s, out);
        }
    }
    for (auto& [name, l] : links) {
        collect(l.label, out);
        out.push_back(&l.href);
    }
    for (auto& w : glossary) {
        collect(w.term, out);
        collect(w.explain, out);
    }
    return out;
}

}  // namespace ww
