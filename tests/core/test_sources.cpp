// Every screen and result names what it rests on: pages in urls.toml, each with its check date.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/content/sources.h"
#include "core/guide/advice.h"
#include "fixture.h"

using namespace ww;

TEST_CASE("every shipped screen and result has a source line from urls.toml") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    auto check = [&](const std::vector<std::string>& names, const std::string& place) {
        CAPTURE(place);
        REQUIRE(!names.empty());
        for (auto& n : names) CHECK_MESSAGE(c.link(n) != nullptr, n);
        for (auto& lang : c.languages) {
            const SourceLine line = source_line(c, names, lang);
            CHECK(!line.text.empty());
            CHECK(line.checked.size() == 10);
        }
    };
    for (auto& s : c.screens) check(s.sources, "screen:" + s.id);
    for (auto& r : c.guide.results) check(r.sources, "result:" + r.id);
    // A result that sends a visitor to the gemeente rests on a page that says so, not only on
    // the seeds (De Normaalste Zaak, the Rijksoverheid's employer page).
    const std::set<std::string> seeds = {"dnz-handreiking", "rijksoverheid-jobcoaching"};
    for (auto& id : {"gemeente-eigen", "geen-eigen", "geen-weetniet", "uwv-intern"}) {
        const GuideResult* r = c.guide.result(id);
        REQUIRE(r);
        bool own = false;
        for (auto& n : r->sources) own = own || !seeds.count(n);
        CHECK_MESSAGE(own, id);
    }
}

TEST_CASE("the source line lists the labels and the oldest check date") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    Content c = *load.content;
    c.links["dnz-handreiking"].checked = "2026-01-02";
    c.links["noloc"].checked = "2026-03-04";
    const SourceLine line = source_line(c, {"noloc", "dnz-handreiking"}, "nl");
    CHECK(line.text ==
          c.links["noloc"].label.in("nl") + "; " + c.links["dnz-handreiking"].label.in("nl"));
    CHECK(line.checked == "2026-01-02");
    CHECK(source_line(c, {"noloc"}, "en").text == c.links["noloc"].label.in("en"));
}

TEST_CASE("a screen or result without sources, with none, or with one not in urls.toml") {
    SUBCASE("a screen without `sources`") {
        ContentFixture f;
        f.edit("screens/optie-2.toml", "sources", "bronnen");
        const Problems ps = f.load().problems;
        CHECK(find_problem(ps, "optie-2.toml:1:1: missing required key 'sources'") != "");
    }
    SUBCASE("a result without `sources`") {
        ContentFixture f;
        const std::string g = f.read("guide.toml");
        const size_t at = g.find("sources", g.find("id      = \"gemeente-eigen\""));
        f.write("guide.toml", g.substr(0, at) + "# " + g.substr(at));
        CHECK(find_problem(f.load().problems, "missing required key 'sources'") != "");
    }
    SUBCASE("an empty list") {
        ContentFixture f;
        f.edit("screens/optie-4.toml", "sources = [\"dnz-handreiking\"]", "sources = []");
        CHECK(find_problem(f.load().problems,
                           "optie-4.toml:4:11: `sources` needs at least one name") != "");
    }
    SUBCASE("a name urls.toml lacks") {
        ContentFixture f;
        f.edit("screens/optie-4.toml", "sources = [\"dnz-handreiking\"]",
               "sources = [\"dnz-handreiking\", \"wikipedia\"]");
        CHECK(find_problem(f.load().problems,
                           "optie-4.toml:4:11: source 'wikipedia' is not in urls.toml") != "");
    }
    SUBCASE("the old free-text keys are refused") {
        ContentFixture f;
        f.edit("screens/optie-4.toml", "sources = [\"dnz-handreiking\"]",
               "sources = [\"dnz-handreiking\"]\nsource = \"De Normaalste Zaak\"");
        CHECK(find_problem(f.load().problems, "unknown key 'source'") != "");
    }
}

TEST_CASE("stale_sources: a used address checked longer ago than allowed, at its urls.toml line") {
    ContentFixture f;
    const std::string urls = f.read("urls.toml");
    const std::string from = "checked = 2026-11-23", to = "checked = 2024-01-31";
    const size_t noloc = urls.find("[url.noloc]");
    const size_t at = urls.find(from, noloc);
    REQUIRE(at != std::string::npos);
    f.write("urls.toml", urls.substr(0, at) + to + urls.substr(at + from.size()) +
                             "\n[url.unused]\nhref    = \"https://example.org\"\nlabel   = { nl = "
                             "\"x\", en = \"x\" }\nchecked = 2001-01-01\n");
    const ContentLoad load = f.load();
    REQUIRE(load.content);
    // noloc: 2024-01-31 .. 2024-03-01 is 30 days (a leap year).
    CHECK(stale_sources(*load.content, "2024-03-01", 30).empty());
    const Problems late = stale_sources(*load.content, "2024-03-02", 30);
    REQUIRE(late.size() == 1);
    CHECK(late[0].format().find("urls.toml:") != std::string::npos);
    CHECK(late[0].format().find("'noloc' was last checked on 2024-01-31, 31 days ago") !=
          std::string::npos);
    // The unused address is never reported; every other source is fresh on 2026-12-03.
    CHECK(stale_sources(*load.content, "2026-12-03", kSourceWarnDays).size() == 1);
    CHECK(stale_sources(*load.content, "2026-12-03", 3650).empty());
    // A date that is not YYYY-MM-DD is a problem whatever the limit.
    Content broken = *load.content;
    broken.links["noloc"].checked = "gisteren";
    const Problems bad = stale_sources(broken, "2026-12-03", 3650);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].message.find("is not a date") != std::string::npos);
}

TEST_CASE("--list-urls: each address with the screens and results that rest on it") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    const auto places = places_by_link(c);
    CHECK(places.size() == c.links.size());
    // Every source of every screen and result is listed under its address, as a source.
    for (auto& s : c.screens)
        for (auto& n : s.sources) {
            auto& list = places.at(n);
            CHECK(std::find(list.begin(), list.end(), "screen:" + s.id) != list.end());
        }
    for (auto& r : c.guide.results)
        for (auto& n : r.sources) {
            auto& list = places.at(n);
            CHECK(std::find(list.begin(), list.end(), "result:" + r.id) != list.end());
        }
    // A page shown only as a QR code is marked so.
    const auto& noloc = places.at("noloc");
    CHECK(std::find(noloc.begin(), noloc.end(), "screen:jobcoach-vinden (qr)") != noloc.end());
    const std::string list = url_list(c);
    CHECK(list.find("    used by: ") != std::string::npos);
    CHECK(list.find("result:gemeente-eigen") != std::string::npos);
    CHECK(list.find("used by: nothing") == std::string::npos);  // every shipped address is used
}
