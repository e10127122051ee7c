// The texts the screens derive for the place shown are derived once per place, language, answers
// and content snapshot, and are the same as deriving them afresh.
#include <doctest/doctest.h>

#include "core/access/place_texts.h"
#include "core/access/speech.h"
#include "core/content/glossary.h"

using namespace ww;

TEST_CASE("place texts: derived once, again when the place, language, answers or content change") {
    const std::shared_ptr<const Content> c = load_content("layouts", "assets").content;
    REQUIRE(c.get() != nullptr);
    PlaceTextsCache cache;
    const Answers answers = {{"rol", "werknemer"}, {"uitkering", "wajong"}, {"steun", "eigen"}};
    const Place result{PlaceKind::Result, "uwv-eigen"};
    const PlaceTexts* first = &cache.get(c, result, "nl", answers);
    REQUIRE(first->advice.result);
    CHECK(first->summary == summary_text(*c, advice_for(*c, "uwv-eigen", answers), "nl"));
    CHECK(first->glossary == glossary_in(*c, place_text(*c, result, "nl", answers), "nl"));
    const std::string nl = first->summary;
    CHECK(&cache.get(c, result, "nl", answers) == first);  // the same call: nothing derived
    CHECK(cache.get(c, result, "nl", answers).summary == nl);
    CHECK(cache.get(c, result, "en", answers).summary != nl);  // another language
    Answers employer = answers;
    employer["rol"] = "werkgever";
    CHECK(cache.get(c, result, "nl", employer).summary ==
          summary_text(*c, advice_for(*c, "uwv-eigen", employer), "nl"));
    const Place home{PlaceKind::Screen, "home"};
    const PlaceTexts& h = cache.get(c, home, "nl", answers);
    CHECK_FALSE(h.advice.result);
    CHECK(h.summary.empty());
    CHECK(h.glossary == glossary_in(*c, place_text(*c, home, "nl", answers), "nl"));
}
