#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/guide/advice.h"
#include "core/guide/guide.h"
#include "fixture.h"

using namespace ww;

namespace {

// The guide's advice, written independently of guide.toml: the benefit decides the group (and
// so the counter), the support answer the form; the role only changes the wording.
std::string group_of(const std::string& uitkering) {
    const std::set<std::string> uwv = {"wajong", "wia", "ww", "ziektewet", "wao", "waz"};
    return uwv.count(uitkering)             ? "uwv"
           : uitkering == "participatiewet" ? "gemeente"
           : uitkering == "geen"            ? "geen"
                                            : "onbekend";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    return s;
}

std::string joined(const std::vector<Text>& steps, const std::string& lang) {
    std::string out;
    for (auto& s : steps) out += s.in(lang) + "\n";
    return out;
}

}  // namespace

TEST_CASE("every path through the shipped guide ends in the expected result, for who is asking") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    const Content& c = *load.content;
    const Guide& g = c.guide;
    const auto paths = all_paths(g);
    const size_t roles = g.question("rol")->answers.size();
    const size_t benefits = g.question("uitkering")->answers.size();
    const size_t supports = g.question("steun")->answers.size();
    CHECK(roles == 3);
    CHECK(benefits == 9);  // wajong wia ww ziektewet wao waz participatiewet geen weetniet
    CHECK(paths.size() == roles * benefits * supports);
    std::set<std::string> reached;
    std::map<std::string, std::set<std::string>> steps_by_role;  // result|uitkering -> step lists
    for (auto& p : paths) {
        REQUIRE(p.steps.size() == 3);
        const std::string rol = p.steps[0].second, uit = p.steps[1].second,
                          steun = p.steps[2].second;
        CAPTURE(rol);
        CAPTURE(uit);
        CAPTURE(steun);
        const std::string group = group_of(uit);
        CHECK(p.result == group + "-" + steun);
        reached.insert(p.result);
        const Answers answers = {{"rol", rol}, {"uitkering", uit}, {"steun", steun}};
        const Advice a = advice_for(c, p.result, answers);
        REQUIRE(a.result);
        // Where to go follows the benefit. Participatiewet, bijstand, IOAW, IOAZ, beschut werk
        // and Wsw: the gemeente provides the job coach (Participatiewet art. 10da), never UWV.
        // No benefit or unknown: UWV or the gemeente, never the gemeente alone.
        const std::string counter = lower(a.counter.in("nl"));
        const std::string steps = lower(joined(a.steps, "nl"));
        const auto has = [](const std::string& text, const char* word) {
            return text.find(word) != std::string::npos;
        };
        if (group == "uwv") CHECK(has(counter, "uwv"));
        if (group == "gemeente") {
            CHECK(has(counter, "gemeente"));
            CHECK_MESSAGE(!has(counter, "uwv"), counter);
            CHECK_MESSAGE(!has(steps, "voorziening van uwv"), steps);
            REQUIRE(a.link);
            CHECK_MESSAGE(!has(a.link->href, "uwv.nl"), a.link->href);
        }
        if (group == "geen" || group == "onbekend") {
            CHECK_MESSAGE((has(counter, "uwv") && has(counter, "gemeente")), counter);
        }
        // No benefit: a rule of thumb that holds. Wajong goes to UWV; the doelgroepregister is
        // UWV's, and being in it does not mean the gemeente arranges the job coach.
        if (group == "geen" && steun != "buddy") {
            CHECK_MESSAGE((has(steps, "wajong") && has(steps, "uwv") && has(steps, "gemeente")),
                          steps);
            CHECK_MESSAGE(!has(steps, "regelt de gemeente de begeleiding"), steps);
            for (auto& s : a.steps)
                if (has(lower(s.in("nl")), "doelgroepregister"))
                    CHECK_MESSAGE(has(lower(s.in("nl")), "uwv"), s.in("nl"));
        }
        // Who applies follows the form and the desk: with UWV the employee applies for their own
        // (externe) job coach together with that coach; the employer applies for what the
        // employer arranges; off the UWV route the gemeente's rules decide.
        const std::string applies = lower(a.applies.in("nl"));
        if (group == "uwv" && steun == "eigen") {
            CHECK((has(applies, "werknemer") || rol == "werknemer"));
            CHECK_MESSAGE(has(steps, "externe jobcoach"), steps);
            CHECK_MESSAGE(has(steps, "samen"), steps);
            CHECK_MESSAGE(!has(steps, "wijst de jobcoach toe"), steps);
        }
        if (group == "uwv" && (steun == "extern" || steun == "intern"))
            CHECK(has(applies, "werkgever"));
        if (group != "uwv" && (steun == "eigen" || steun == "weetniet"))
            CHECK_MESSAGE(has(applies, "gemeente"), applies);
        // UWV's internal coach subsidy: its basic conditions, and not for the gemeente's group.
        if (group == "uwv" && steun == "intern" && rol == "werkgever") {
            for (const char* condition :
                 {"6 maanden", "12 uur", "35 procent", "participatiewet", "bekwaam", "training"})
                CHECK_MESSAGE(has(steps, condition), condition);
        }
        // The employer desk serves employers: an employee never gets its QR.
        if (rol == "werknemer" && a.link)
            CHECK_MESSAGE(a.link->name != "werkgeversservicepunt", p.result);
        // "u" is the person at the screen, also in a question to pass on.
        CHECK_MESSAGE(!has(steps, "heeft of had u"), steps);
        // The take-away text has no forms in it: nothing may point "above".
        for (const char* lang : {"nl", "en"}) {
            const std::string away = lower(summary_text(c, a, lang));
            CHECK_MESSAGE((!has(away, "hierboven") && !has(away, "above")), away);
        }
        // The why-line names the benefit the visitor chose and says something of the support.
        const std::string why = lower(why_line(a, "nl"));
        const std::string label = lower(g.question("uitkering")->answers[0].label.in("nl"));
        for (auto& ans : g.question("uitkering")->answers)
            if (ans.value == uit && uit != "geen" && uit != "weetniet" && uit != "participatiewet")
                CHECK_MESSAGE(why.find(lower(ans.label.in("nl"))) != std::string::npos, why);
        CHECK(a.why.size() == 2);  // benefit and support
        CHECK(!why_line(a, "en").empty());
        CHECK(!a.steps.empty());
        REQUIRE(a.link);
        CHECK(a.link->href.rfind("https://", 0) == 0);
        CHECK(!a.result->forms.empty());
        CHECK(!a.result->sources.empty());
        steps_by_role[p.result + "|" + uit].insert(joined(a.steps, "nl"));
    }
    CHECK(reached.size() == g.results.size());  // no result is unreachable
    // The role changes the steps: three roles, three different texts, on every path.
    for (auto& [key, lists] : steps_by_role) CHECK_MESSAGE(lists.size() == 3, key);
}

TEST_CASE("--list-urls: every official address once, with the date it was checked") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    const std::string list = url_list(*load.content);
    REQUIRE(load.content->links.size() >= 5);
    for (auto& [name, l] : load.content->links) {
        CHECK(list.find(name + "  " + l.checked + "  " + l.href) != std::string::npos);
        CHECK(l.checked.size() == 10);  // YYYY-MM-DD
    }
}

TEST_CASE("--guide: a path as plain text; unknown questions and answers are refused") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    std::string error;
    const std::string nl =
        guide_report(*load.content, "rol=werknemer,uitkering=wajong,steun=eigen", "nl", error);
    CHECK(error.empty());
    CHECK(nl.rfind("result: uwv-eigen\n", 0) == 0);
    CHECK(nl.find("UWV") != std::string::npos);
    CHECK(nl.find("https://") != std::string::npos);
    const std::string en =
        guide_report(*load.content, "rol=werkgever,uitkering=wajong,steun=eigen", "en", error);
    CHECK(en != nl);
    CHECK(guide_report(*load.content, "rol=werknemer,uitkering=wajong", "nl", error).empty());
    CHECK(error.find("steun") != std::string::npos);
    CHECK(guide_report(*load.content, "rol=werknemer,uitkering=bijstand,steun=eigen", "nl", error)
              .empty());
    CHECK(error.find("no answer 'bijstand'") != std::string::npos);
    CHECK(guide_report(*load.content, "kleur=rood", "nl", error).empty());
    CHECK(error.find("no question 'kleur'") != std::string::npos);
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
        f.edit("guide.toml", "next  = \"steun\"", "next  = \"stuen\"");
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
        f.edit("guide.toml", "next  = \"steun\"", "next  = \"rol\"");
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
