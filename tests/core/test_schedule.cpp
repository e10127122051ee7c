#include <doctest/doctest.h>

#include "core/base/clock.h"
#include "core/schedule/schedule.h"

using namespace ww;

TEST_CASE("night hours across midnight, within one day, and switched off") {
    KioskConfig::Night n;
    n.enabled = true;
    n.start = "22:00";
    n.end = "07:00";
    CHECK_FALSE(is_night(n, 21 * 60 + 59));
    CHECK(is_night(n, 22 * 60));
    CHECK(is_night(n, 23 * 60 + 59));
    CHECK(is_night(n, 0));
    CHECK(is_night(n, 6 * 60 + 59));
    CHECK_FALSE(is_night(n, 7 * 60));
    CHECK_FALSE(is_night(n, 12 * 60));

    n.start = "01:30";  // a night that does not cross midnight
    n.end = "05:00";
    CHECK_FALSE(is_night(n, 60));
    CHECK(is_night(n, 90));
    CHECK(is_night(n, 299));
    CHECK_FALSE(is_night(n, 300));

    n.end = "01:30";  // start == end: no night
    CHECK_FALSE(is_night(n, 90));
    n.start = "22:00";
    n.end = "07:00";
    n.enabled = false;
    CHECK_FALSE(is_night(n, 0));
}

TEST_CASE("HH:MM") {
    CHECK(minutes_of_day("00:00") == 0);
    CHECK(minutes_of_day("23:59") == 1439);
    CHECK(minutes_of_day("24:00") == -1);
    CHECK(minutes_of_day("7:00") == -1);
    CHECK(minutes_of_day("07:60") == -1);
    const int now = Clock{}.local_minutes();
    CHECK(now >= 0);
    CHECK(now < 1440);
}

#include "core/content/content.h"
#include "core/session/languages.h"

TEST_CASE("offered languages and the start language come from one rule") {
    Content c;
    c.languages = {"nl", "en"};
    KioskConfig::Languages l;
    CHECK(offered_languages(c, l) == std::vector<std::string>{"nl", "en"});
    CHECK(start_language(c, l) == "nl");
    l.offered = {"en"};
    CHECK(offered_languages(c, l) == std::vector<std::string>{"en"});
    CHECK(start_language(c, l) == "en");
    l.offered = {"en", "nl"};  // the content's order
    CHECK(offered_languages(c, l) == std::vector<std::string>{"nl", "en"});
    l.offered = {"de"};  // nothing the content has: all of them
    CHECK(offered_languages(c, l) == std::vector<std::string>{"nl", "en"});
    l.default_language = "en";
    CHECK(start_language(c, l) == "en");
    l.default_language = "fr";
    CHECK(start_language(c, l) == "nl");
}

TEST_CASE("the screen is dark at night between visitors only") {
    CHECK(screen_dark(true, Phase::Attract));
    CHECK_FALSE(screen_dark(true, Phase::Active));
    CHECK_FALSE(screen_dark(true, Phase::Warning));
    CHECK_FALSE(screen_dark(false, Phase::Attract));
}
