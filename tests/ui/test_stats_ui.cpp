// Usage figures end to end: visitor sessions driven through the headless kiosk (taps, the guide
// to a result, QR codes, a language switch, the idle reset) land in <state.dir>/stats.sqlite as
// one row each, through the stats writer's queue.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "../support/stats_db.h"
#include "core/admin/admin.h"
#include "core/guide/advice.h"
#include "core/stats/stats.h"
#include "kiosk_fixture.h"
#include "platform/stats/stats_store.h"
#include "platform/stats/stats_writer.h"

using namespace ww;

namespace {

// 2026-11-23 10:17:12 in local time.
double base_wall() {
    return local_time(2026, 11, 23, 10, 17, 12);
}

}  // namespace

TEST_CASE(
    "a visitor session through the kiosk lands in the daily totals, and as one anonymous "
    "row where a site opted in") {
    HeadlessKiosk* hk = nullptr;  // the fake wall clock runs with the kiosk's own
    Clock clock;
    clock.unix_time = [&hk] { return base_wall() + (hk ? hk->now() : 0); };
    Kiosk k(1920, 1080, {"session.idle_timeout=10", "session.warning_seconds=20"}, clock);
    hk = k.k.get();
    StatsSettings settings;
    settings.path = stats_path(k.state_dir);
    settings.keep_days = 14;  // opted in: the default keeps no rows
    settings.clock = clock;
    StatsWriter writer(settings);
    AppHooks hooks;
    hooks.session_ended = [&writer](SessionRecord r) { CHECK(writer.push(std::move(r))); };
    hooks.usage_figures = [&writer] { return writer.recent(); };
    k.k->set_hooks(hooks);

    // Nobody has touched the kiosk yet: a reset records nothing.
    k.app().reset_session("test");
    k.k->settle();

    const double first_touch = k.k->now();
    k.tap("##tile-geld");  // a screen with two take-away QR codes
    REQUIRE(k.place().id == "geld");
    k.tap("##home");
    k.tap("##tile-guide");
    const Guide& g = k.app().content()->guide;
    for (int i = 0; i < 10 && k.place().kind == PlaceKind::Question; ++i) {
        const std::string id = "##answer-" + g.question(k.place().id)->answers.front().value;
        k.reveal(id);
        k.tap(id);
    }
    REQUIRE(k.place().kind == PlaceKind::Result);
    const std::string result = k.place().id;
    const Advice advice = advice_for(*k.app().content(), result, k.app().session().answers);
    k.tap("##language");
    k.tap("##lang-en");
    k.tap("##access");
    k.tap("##size-large");
    k.tap("##close-access");
    // The visitor walks away: warning, then the idle reset.
    k.k->step(10.5);
    REQUIRE(k.app().phase() == Phase::Warning);
    k.k->step(20.5);
    REQUIRE(k.app().phase() == Phase::Attract);
    const double reset_at = k.k->now();
    writer.flush();

    const std::string path = settings.path;
    CHECK(sql_rows(path, "SELECT count(*) FROM sessions") == "1\n");
    // The start hour, rounded down; no minutes anywhere.
    CHECK(sql_rows(path, "SELECT day, hour FROM sessions") == "2026-11-23\t10\n");
    const int seconds = std::stoi(sql_rows(path, "SELECT seconds FROM sessions"));
    CHECK(seconds >= 30);  // at least the idle timeout and the warning
    CHECK(std::abs(seconds - (reset_at - first_touch)) <= 1);
    CHECK(sql_rows(path,
                   "SELECT lang, result, text_size, high_contrast, read_aloud, reach, "
                   "last_place, ended FROM sessions") ==
          "en\t" + result + "\tlarge\t0\t0\t0\tresult:" + result + "\tidle\n");
    const std::string places = sql_rows(path, "SELECT places FROM sessions");
    for (const std::string& p : std::vector<std::string>{"screen:home", "screen:geld",
                                                         "question:" + g.start, "result:" + result})
        CHECK_MESSAGE(places.find(p) != std::string::npos, p << " not in " << places);
    const std::string qr = sql_rows(path, "SELECT qr FROM sessions");
    std::string want = "summary uwv-jobcoach-werkgever werkgeversservicepunt\n";
    if (advice.link) {  // the result's official page, in sorted place
        std::vector<std::string> names = {"summary", "uwv-jobcoach-werkgever",
                                          "werkgeversservicepunt", advice.link->name};
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        want.clear();
        for (auto& n : names) want += (want.empty() ? "" : " ") + n;
        want += "\n";
    }
    CHECK(qr == want);
    // Nothing else: no column that could single out the visitor.
    CHECK(sql_rows(path, "SELECT group_concat(name, ' ') FROM pragma_table_info('sessions')") ==
          "id day hour seconds lang places result qr text_size high_contrast read_aloud reach "
          "last_place ended\n");
    CHECK(sql_rows(path,
                   "SELECT key, value FROM daily WHERE key IN ('sessions', 'lang:en', "
                   "'result:" +
                       result + "') ORDER BY key") ==
          "lang:en\t1\nresult:" + result + "\t1\nsessions\t1\n");
    CHECK(sql_rows(path,
                   "SELECT key, value FROM daily WHERE key IN ('hour:10', 'place:screen:geld', "
                   "'access:text large', 'last:result:" +
                       result + "') ORDER BY key") ==
          "access:text large\t1\nhour:10\t1\nlast:result:" + result +
              "\t1\nplace:screen:geld\t1\n");
    CHECK(writer.sessions_today() == 1);

    // The next visitor wakes the kiosk from the attract loop and leaves at once; a content
    // reload or any other reset ends a session too.
    k.k->tap(960, 540);
    REQUIRE(k.app().phase() == Phase::Active);
    k.app().reset_session("content");
    writer.flush();
    CHECK(sql_rows(path,
                   "SELECT places, result, last_place, ended FROM sessions WHERE ended != "
                   "'idle'") == "screen:home\t\tscreen:home\tcontent\n");
    CHECK(writer.sessions_today() == 2);
    CHECK(k.app().usage_figures().per_day.back().second == 2);
}

TEST_CASE("the admin panel shows the usage figures fetched once per opening, not every frame") {
    const std::string hash = hash_pin("13579024");
    REQUIRE(!hash.empty());
    Kiosk k(1920, 1080, {"admin.pin_hash=\"" + hash + "\""});
    int fetched = 0;
    AppHooks hooks;
    hooks.usage_figures = [&fetched] {
        ++fetched;
        StatsData d;
        d.totals = {{"2026-11-22", "sessions", 7},
                    {"2026-11-23", "sessions", 3},
                    {"2026-11-23", "result:uwv-eigen", 2}};
        return stats_figures(d, "2026-11-23", 14);
    };
    std::vector<SessionRecord> recorded;
    hooks.session_ended = [&recorded](SessionRecord r) { recorded.push_back(std::move(r)); };
    k.k->set_hooks(hooks);
    for (int i = 0; i < 5; ++i) {  // the corner gesture, then the PIN
        k.k->tap(10, 10);
        k.k->step(0.2);
    }
    REQUIRE(k.app().admin_visible());
    for (char c : std::string("13579024\n")) k.app().key(c, k.k->now());
    k.k->settle();
    REQUIRE(k.app().admin_visible());
    for (int i = 0; i < 30; ++i) k.k->step();
    CHECK(fetched == 1);
    k.app().key(27, k.k->now());  // close
    k.k->settle();
    // Staff are no visitors: the session the corner taps started is not recorded.
    k.app().reset_session("test");
    CHECK(recorded.empty());
}
