// Read aloud, what is said: every shipped place has something to say (with its title), in every
// language; the warning says its countdown. (Synthesis and the Speaker: tests/platform.)
#include <doctest/doctest.h>

#include <ostream>  // doctest prints a failed REQUIRE(shared_ptr)
#include <string>
#include <vector>

#include "../support/shipped_content.h"
#include "core/access/speech.h"
#include "core/content/content.h"

using namespace ww;

namespace {

std::string title_of(const Content& c, const Place& p, const std::string& lang) {
    if (p.kind == PlaceKind::Screen) return c.screen(p.id)->title.in(lang);
    if (p.kind == PlaceKind::Question) return c.guide.question(p.id)->text.in(lang);
    return c.guide.result(p.id)->title.in(lang);
}

}  // namespace

TEST_CASE("every place says its title, in every language") {
    const Content& c = shipped();
    std::vector<Place> places;
    for (auto& s : c.screens) places.push_back({PlaceKind::Screen, s.id});
    for (auto& q : c.guide.questions) places.push_back({PlaceKind::Question, q.id});
    for (auto& r : c.guide.results) places.push_back({PlaceKind::Result, r.id});
    REQUIRE(places.size() > 10);
    for (auto& lang : c.languages) {
        for (auto& p : places) {
            CAPTURE(lang);
            CAPTURE(p.key());
            const std::string text = spoken_text(c, p, lang);
            CHECK_FALSE(text.empty());
            CHECK(text.find(title_of(c, p, lang)) != std::string::npos);
        }
    }
}

TEST_CASE("spoken text covers blocks, answers and result fields") {
    const Content& c = shipped();
    const Question* q = c.guide.question(c.guide.start);
    REQUIRE(q);
    const std::string qt = spoken_text(c, {PlaceKind::Question, q->id}, "nl");
    for (auto& a : q->answers) CHECK(qt.find(a.label.in("nl")) != std::string::npos);
    if (!q->help.empty()) CHECK(qt.find(q->help.in("nl")) != std::string::npos);

    const GuideResult& r = c.guide.results.front();
    const std::string rt = spoken_text(c, {PlaceKind::Result, r.id}, "en");
    CHECK(rt.find(r.counter.in("en")) != std::string::npos);
    CHECK(rt.find(r.applies.in("en")) != std::string::npos);
    for (auto& s : r.steps) CHECK(rt.find(s.in("en")) != std::string::npos);

    // Tables are read as "row label: value" sentences.
    for (auto& s : c.screens)
        for (auto& block : s.blocks)
            if (auto b = std::get_if<Table>(&block);
                b && b->columns.size() > 1 && !b->rows.empty() && b->rows[0].size() > 1) {
                const std::string st = spoken_text(c, {PlaceKind::Screen, s.id}, "nl");
                CHECK(st.find(b->rows[0][1].in("nl")) != std::string::npos);
                CHECK(st.find(b->columns[1].in("nl")) != std::string::npos);
            }
    CHECK(spoken_text(c, {PlaceKind::Screen, "no-such-screen"}, "nl").empty());
}

TEST_CASE("the warning says the countdown") {
    const Content& c = shipped();
    const std::string w = spoken_warning(c, "nl", 30);
    CHECK(w.find(c.word("idle_title", "nl")) != std::string::npos);
    CHECK(w.find("30") != std::string::npos);
    CHECK(w.find("{seconds}") == std::string::npos);
}

TEST_CASE("names from the command line") {
    const Content& c = shipped();
    Place p;
    CHECK(place_from_name(c, "home", p));
    CHECK((p == Place{PlaceKind::Screen, "home"}));
    CHECK(place_from_name(c, "guide-" + c.guide.start, p));
    CHECK((p == Place{PlaceKind::Question, c.guide.start}));
    CHECK(place_from_name(c, "result-" + c.guide.results.front().id, p));
    CHECK(p.kind == PlaceKind::Result);
    CHECK_FALSE(place_from_name(c, "no-such-screen", p));
    CHECK_FALSE(place_from_name(c, "guide-", p));
    CHECK_FALSE(place_from_name(c, "result-nope", p));
}
