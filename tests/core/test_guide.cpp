#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/guide/guide.h"
#include "fixture.h"

using namespace ww;

namespace {

// The guide's advice, written independently of guide.toml: benefit decides the counter group.
std::string expected_result(const std::string& rol, const std::string& uitkering,
                            const std::string& steun) {
    const std::set<std::string> uwv = {"wajong", "wia", "ww", "ziektewet"};
    const std::string group = uwv.count(uitkering)             ? "uwv"
                              : uitkering == "participatiewet" ? "gemeente"
                                                               : "onbekend";
    if (group == "uwv" && steun == "eigen" && rol == "werkgever") return "uwv-eigen-werkgever";
    return group + "-" + steun;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    return s;
}

}  // namespace

TEST_CASE("every path through the shipped guide ends in the expected result") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    const Guide& g = load.content->guide;
    const auto paths = all_paths(g);
    const size_t roles = g.question("rol")->answers.size();
    const size_t benefits = g.question("uitkering")->answers.size();
    const size_t supports = g.question("steun")->answers.size();
    CHECK(paths.size() == roles * benefits * supports);
    std::set<std::string> reached;
    for (auto& p : paths) {
        REQUIRE(p.steps.size() == 3);
        const std::string rol = p.steps[0].second, uit = p.steps[1].second,
                          steun = p.steps[2].second;
        CAPTURE(rol);
        CAPTURE(uit);
        CAPTURE(steun);
        CHECK(p.result == expected_result(rol, uit, steun));
        reached.insert(p.result);
        const GuideResult* r = g.result(p.result);
        REQUIRE(r);
        // The counter follows the benefit; who applies follows the form.
        const std::string counter = lower(r->counter.in("nl"));
        if (uit == "participatiewet")
            CHECK(counter.find("gemeente") != std::string::npos);
        else if (steun == "buddy")
            CHECK(counter.find("uitzondering") != std::string::npos);
        else if (uit == "geen" || uit == "weetniet")
            CHECK(counter.find("uitzoeken") != std::string::npos);
        else
            CHECK(counter.find("uwv") != std::string::npos);
        const std::string applies = lower(r->applies.in("nl"));
        if (steun == "eigen") CHECK(applies.find("werknemer") != std::string::npos);
        if (steun == "extern" || steun == "intern")
            CHECK(applies.find("werkgever") != std::string::npos);
        CHECK(!r->steps.empty());
        CHECK(r->qr_url.rfind("https://", 0) == 0);
        CHECK(!r->forms.empty());
    }
    CHECK(reached.size() == g.results.size());  // no result is unreachable
}

TEST_CASE("the validator finds paths without a result, unreachable results and dead answers") {
    SUBCASE("no catch-all and a missing rule") {
        ContentFixture f;
        f.edit("guide.toml", "when = { uitkering = [\"participatiewet\"], steun = [\"buddy\"] }",
               "when = { uitkering = [\"participatiewet\"], steun = [\"nooit\"] }");
        const std::string g = f.read("guide.toml");
        // Drop the final catch-all rule (the last [[rule]] without `when`).
        const size_t last = g.rfind("[[rule]]");
        std::string cut = g.substr(0, last) + g.substr(g.find('\n', g.find("result", last)) + 1);
        f.write("guide.toml", cut);
        const ContentLoad load = f.load();
        CHECK(find_problem(load.problems, "no rule gives a result for the answers") != "");
        CHECK(find_problem(load.problems, "rule names answer 'nooit' of 'steun'") != "");
        CHECK(find_problem(load.problems, "result 'gemeente-buddy' is never reached") != "");
    }
    SUBCASE("an answer that leads nowhere") {
        ContentFixture f;
        f.edit("guide.toml", "next = \"steun\"", "next = \"stuen\"");
        CHECK(find_problem(f.load().problems, "leads to question 'stuen', which does not exist") !=
              "");
    }
    SUBCASE("a rule to a result that does not exist") {
        ContentFixture f;
        f.edit("guide.toml", "result = \"uwv-buddy\"", "result = \"uwv-budy\"");
        const ContentLoad load = f.load();
        CHECK(find_problem(load.problems,
                           "rule leads to result 'uwv-budy', which does not exist") != "");
        CHECK(find_problem(load.problems, "result 'uwv-buddy' is never reached") != "");
    }
    SUBCASE("a loop") {
        ContentFixture f;
        f.edit("guide.toml", "next = \"steun\"", "next = \"rol\"");
        CHECK(find_problem(f.load().problems, "loop") != "");
    }
}

TEST_CASE("match_rule takes the first rule whose conditions all hold") {
    Guide g;
    g.rules.push_back({{{"a", {"x"}}, {"b", {"y"}}}, "first", {}});
    g.rules.push_back({{{"a", {"x"}}}, "second", {}});
    g.rules.push_back({{}, "any", {}});
    CHECK(match_rule(g, {{"a", "x"}, {"b", "y"}})->result == "first");
    CHECK(match_rule(g, {{"a", "x"}, {"b", "z"}})->result == "second");
    CHECK(match_rule(g, {{"a", "q"}})->result == "any");
    g.rules.pop_back();
    CHECK(match_rule(g, {{"a", "q"}}) == nullptr);
}
