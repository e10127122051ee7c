#include <doctest/doctest.h>

#include "fake_speaker.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {}  // namespace

TEST_CASE(
    "read aloud: speaks the place, repeats, announces new screens, stops on a tap and on reset") {
    Kiosk k(1920, 1080, {"session.idle_timeout=10", "session.warning_seconds=20"});
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    k.tap("##access");
    k.tap("##speech-on");
    REQUIRE(k.app().session().speech);
    REQUIRE(sp.said.size() == 1);
    CHECK(sp.said.back().find(k.app().content()->screen("home")->title.in("nl")) !=
          std::string::npos);
    k.tap("##speech-on");  // again: repeats
    CHECK(sp.said.size() == 2);
    const int stops = sp.stops;
    k.tap("##close-access");
    CHECK(sp.stops > stops);  // the tap silenced it
    k.tap("##tile-vormen");
    CHECK(sp.said.back().find(k.app().content()->screen("vormen")->title.in("nl")) !=
          std::string::npos);
    // A visitor who is listening is not idle; once it is quiet the warning comes, and is spoken.
    sp.talking = false;
    k.k->step(10.5);
    k.k->settle();
    CHECK(k.app().phase() == Phase::Warning);
    CHECK(sp.said.back().find(k.app().content()->word("idle_title", "nl")) != std::string::npos);
    const int before_reset = sp.stops;
    k.k->step(21);
    CHECK(k.app().phase() == Phase::Attract);
    CHECK(sp.stops > before_reset);
    CHECK_FALSE(k.app().session().speech);  // the next visitor starts without it
}

TEST_CASE("read aloud on a result names the kiosk's own desk from the profile's [site]") {
    Kiosk k(1920, 1080,
            {"site.name=UWV Voorbeeldstad", "site.kind=uwv", "site.address=Stationsplein 1",
             "site.counter=Balie 3"});
    FakeSpeaker sp;
    k.k->set_hooks(sp.hooks());
    k.tap("##access");
    k.tap("##speech-on");
    k.tap("##close-access");
    k.tap("##tile-guide");
    for (const char* v : {"werknemer", "wia", "eigen"}) {
        k.reveal(std::string("##answer-") + v);
        k.tap(std::string("##answer-") + v);
    }
    REQUIRE(k.app().session().current().id == "uwv-eigen");
    REQUIRE(!sp.said.empty());
    const std::string& said = sp.said.back();
    CHECK(said.find(k.app().content()->word("site_here", "nl")) != std::string::npos);
    CHECK(said.find("UWV Voorbeeldstad") != std::string::npos);
    CHECK(said.find("Stationsplein 1") != std::string::npos);
    // Not on the gemeente's route.
    k.tap("##home");
    k.tap("##tile-guide");
    for (const char* v : {"werknemer", "participatiewet", "eigen"}) {
        k.reveal(std::string("##answer-") + v);
        k.tap(std::string("##answer-") + v);
    }
    REQUIRE(k.app().session().current().id == "gemeente-eigen");
    CHECK(sp.said.back().find("UWV Voorbeeldstad") == std::string::npos);
}
