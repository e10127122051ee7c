// [site] in the profile: the desk where the kiosk stands fills "Waar gaat u heen?" when the
// advice points at that kind of desk, on screen, read aloud and in the take-away text.
#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

#include "core/access/speech.h"
#include "core/config/config.h"
#include "core/guide/advice.h"
#include "fixture.h"

using namespace ww;

namespace {

KioskConfig::Site uwv_site() {
    KioskConfig::Site s;
    s.name = "UWV Voorbeeldstad";
    s.kind = "uwv";
    s.address = "Stationsplein 1, 1234 AB Voorbeeldstad";
    s.opening_hours = "ma t/m vr 8.30 tot 17.00 uur";
    s.opening_hours_en = "Mon to Fri 8.30 am to 5 pm";
    s.phone = "0123 45 67 89";
    s.web = "https://www.uwv.nl";
    s.counter = "Balie 3";
    s.counter_en = "Desk 3";
    return s;
}

Answers path(const std::string& rol, const std::string& uitkering, const std::string& steun) {
    return {{"rol", rol}, {"uitkering", uitkering}, {"steun", steun}};
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "a UWV desk shows itself on UWV advice, in both languages, on screen, aloud, to take away") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    const KioskConfig::Site site = uwv_site();
    const Advice a = advice_for(c, "uwv-eigen", path("werknemer", "wia", "eigen"), &site);
    REQUIRE(a.site == &site);
    CHECK(!a.site_ask);
    const auto nl = site_lines(c, a, "nl");
    REQUIRE(nl.size() == 7);
    CHECK(nl[0] == c.word("site_here", "nl"));
    CHECK(nl[1] == "UWV Voorbeeldstad");
    CHECK(nl[2] == c.word("site_counter", "nl") + ": Balie 3");
    CHECK(nl[3] == c.word("site_address", "nl") + ": Stationsplein 1, 1234 AB Voorbeeldstad");
    CHECK(nl[4] == c.word("site_hours", "nl") + ": ma t/m vr 8.30 tot 17.00 uur");
    const auto en = site_lines(c, a, "en");
    CHECK(en[0] == c.word("site_here", "en"));
    CHECK(en[2] == c.word("site_counter", "en") + ": Desk 3");
    CHECK(en[4] == c.word("site_hours", "en") + ": Mon to Fri 8.30 am to 5 pm");
    for (const char* lang : {"nl", "en"}) {
        const std::string away = summary_text(c, a, lang);
        CHECK(has(away, "UWV Voorbeeldstad"));
        CHECK(has(away, "0123 45 67 89"));
        CHECK(has(away, "https://www.uwv.nl"));
        // Under "Waar gaat u heen?", before "Wie vraagt aan?".
        CHECK(away.find("UWV Voorbeeldstad") > away.find(c.word("result_counter", lang)));
        CHECK(away.find("UWV Voorbeeldstad") < away.find(c.word("result_applies", lang)));
        const std::string spoken = place_text(c, {PlaceKind::Result, "uwv-eigen"}, lang,
                                              path("werknemer", "wia", "eigen"), &site);
        CHECK(has(spoken, "UWV Voorbeeldstad"));
        CHECK(has(spoken, "Stationsplein 1"));
    }
    // Without English texts for the hours and the counter, English shows the Dutch ones.
    KioskConfig::Site dutch_only = site;
    dutch_only.opening_hours_en.clear();
    dutch_only.counter_en.clear();
    const Advice d = advice_for(c, "uwv-eigen", path("werknemer", "wia", "eigen"), &dutch_only);
    CHECK(site_lines(c, d, "en")[2] == c.word("site_counter", "en") + ": Balie 3");
    // An empty field is left out.
    dutch_only.phone.clear();
    CHECK(site_lines(c, advice_for(c, "uwv-eigen", {}, &dutch_only), "nl").size() == 6);
}

TEST_CASE("the site shows only where the advice sends the visitor to that kind of desk") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    KioskConfig::Site site = uwv_site();
    // No site: the general text only.
    const Advice none = advice_for(c, "uwv-eigen", path("werknemer", "wia", "eigen"));
    CHECK(site_lines(c, none, "nl").empty());
    CHECK(!has(summary_text(c, none, "nl"), c.word("site_here", "nl")));
    // A UWV desk never claims a bijstand client's job coach, nor a buddy.
    CHECK(!advice_for(c, "gemeente-eigen", path("werknemer", "participatiewet", "eigen"), &site)
               .site);
    CHECK(!advice_for(c, "uwv-buddy", path("werknemer", "wia", "buddy"), &site).site);
    // No benefit or unknown: UWV or the gemeente, so the desk is one place to ask.
    for (const char* id : {"geen-eigen", "onbekend-weetniet"}) {
        const Advice a = advice_for(c, id, path("werknemer", "geen", "eigen"), &site);
        REQUIRE(a.site);
        CHECK(a.site_ask);
        CHECK(site_lines(c, a, "nl")[0] == c.word("site_ask", "nl"));
    }
    // A gemeente desk on the gemeente route.
    site.kind = "gemeente";
    site.name = "Gemeente Voorbeeldstad, Werkplein";
    CHECK(
        advice_for(c, "gemeente-eigen", path("werknemer", "participatiewet", "eigen"), &site).site);
    CHECK(!advice_for(c, "uwv-intern", path("werkgever", "wia", "intern"), &site).site);
    // The regional employer desk (Werkgeversservicepunt or Werkcentrum): for the employer only.
    site.kind = "werkgevers";
    site.name = "Werkcentrum Voorbeeldregio";
    const Advice employer =
        advice_for(c, "gemeente-extern", path("werkgever", "participatiewet", "extern"), &site);
    REQUIRE(employer.site);
    CHECK(has(summary_text(c, employer, "nl"), "Werkcentrum Voorbeeldregio"));
    CHECK(!advice_for(c, "gemeente-extern", path("werknemer", "participatiewet", "extern"), &site)
               .site);
    // A site without a name shows nothing.
    site.name.clear();
    CHECK(!advice_for(c, "gemeente-extern", path("werkgever", "participatiewet", "extern"), &site)
               .site);
}

TEST_CASE("the words around the site come from layouts/kiosk.toml") {
    ContentFixture f;
    f.edit("kiosk.toml", "site_here       = { nl = \"Dat kan hier:\"",
           "site_here       = { nl = \"U bent op de goede plek:\"");
    const ContentLoad load = f.load();
    REQUIRE(load.ok());
    const KioskConfig::Site site = uwv_site();
    const Advice a =
        advice_for(*load.content, "uwv-eigen", path("werknemer", "wia", "eigen"), &site);
    CHECK(site_lines(*load.content, a, "nl")[0] == "U bent op de goede plek:");
    // Every word is required.
    ContentFixture g;
    g.edit("kiosk.toml", "site_phone ", "site_fone ");
    CHECK(find_problem(g.load().problems, "site_phone") != "");
}

TEST_CASE("--guide with a profile prints the advice with the site filled in") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const KioskConfig::Site site = uwv_site();
    std::string error;
    const std::string report =
        guide_report(*load.content, "rol=werkgever,uitkering=wia,steun=intern", "en", error, &site);
    CHECK(error.empty());
    CHECK(has(report, "result: uwv-intern\n"));
    CHECK(has(report, "UWV Voorbeeldstad"));
    CHECK(has(report, "Desk 3"));
}

TEST_CASE("[site] in a profile: checked as a whole, each problem where [site] is written") {
    auto write = [](const std::string& text) {
        const std::string path = "/tmp/ww-site-" + std::to_string(::getpid()) + ".toml";
        std::ofstream(path) << text;
        return path;
    };
    SUBCASE("a complete site") {
        const ConfigLoad l = load_config(
            write("profile = \"x\"\n[site]\nname = \"UWV Voorbeeldstad\"\nkind = \"uwv\"\n"
                  "address = \"Stationsplein 1\"\nphone = \"+31 (0)123-456\"\n"
                  "web = \"https://www.uwv.nl\"\n"),
            {});
        CHECK(l.ok());
        CHECK(l.config.site.name == "UWV Voorbeeldstad");
        CHECK(l.config.site.kind == "uwv");
    }
    SUBCASE("no [site]: nothing to check") {
        CHECK(load_config(write("profile = \"x\"\n"), {}).ok());
    }
    SUBCASE("details without a name, a name without kind and address") {
        const std::string p = write("profile = \"x\"\n\n[site]\naddress = \"Plein 1\"\n");
        const ConfigLoad l = load_config(p, {});
        CHECK(find_problem(l.problems, p + ":3:1: [site] has details but no site.name") != "");
        const ConfigLoad m = load_config(write("[site]\nname = \"Werkcentrum X\"\n"), {});
        CHECK(find_problem(m.problems, "site.kind is empty") != "");
        CHECK(find_problem(m.problems, "site.address is empty") != "");
    }
    SUBCASE("bad values") {
        const ConfigLoad l = load_config(
            write("[site]\nname = \"X\"\nkind = \"kantine\"\naddress = \"a\"\nphone = \"bel mij\"\n"
                  "web = \"http://x.nl\"\ncounter = \"een\\ntwee\"\n"),
            {});
        CHECK(find_problem(
                  l.problems,
                  ":3:8: 'site.kind' is 'kantine'; it must be one of uwv, gemeente, werkgevers") !=
              "");
        CHECK(find_problem(l.problems, ":5:9: 'site.phone' may only hold digits") != "");
        CHECK(find_problem(l.problems, ":6:7: 'site.web' must be a plain https:// address") != "");
        CHECK(find_problem(l.problems, ":7:11: 'site.counter' must be one line") != "");
    }
}
