// `wegwijzer --review`: one HTML page with everything the content owner signs.
#include <doctest/doctest.h>

#include "core/guide/advice.h"
#include "core/guide/guide.h"
#include "core/guide/review.h"
#include "fixture.h"

using namespace ww;

namespace {

std::string esc(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '&')
            out += "&amp;";
        else if (ch == '<')
            out += "&lt;";
        else if (ch == '>')
            out += "&gt;";
        else if (ch == '"')
            out += "&quot;";
        else
            out += ch;
    }
    return out;
}

}  // namespace

TEST_CASE("--review holds every result, every role's advice in every language, every address") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    const std::string html = review_html(c, "2026-12-03");
    auto has = [&](const std::string& part) { return html.find(part) != std::string::npos; };
    // Self-contained and printable: no scripts, no outside files, an A4 page rule.
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(!has("<script"));
    CHECK(!has("<link"));
    CHECK(!has("src=\""));
    CHECK(has("@page { size: A4"));
    // Every result id and every address, with its check date.
    for (auto& r : c.guide.results) CHECK_MESSAGE(has("result:" + r.id + "</h3>"), r.id);
    for (auto& [name, l] : c.links) {
        CHECK_MESSAGE(has(esc(l.href)), l.href);
        CHECK_MESSAGE(has("<td>" + name + "</td><td>" + l.checked + "</td>"), name);
    }
    // Every path's advice: for each path, the steps its role gets, in every language.
    const auto paths = all_paths(c.guide);
    REQUIRE(paths.size() == 135);
    for (auto& p : paths) {
        Answers answers;
        for (auto& [q, v] : p.steps) answers[q] = v;
        CHECK(has("rol = " + answers["rol"] + "</h4>"));
        const Advice a = advice_for(c, p.result, answers);
        for (auto& lang : c.languages) {
            CHECK(has(esc(a.title.in(lang))));
            CHECK(has(esc(a.applies.in(lang))));
            for (auto& s : a.steps) CHECK_MESSAGE(has(esc(s.in(lang))), s.in(lang));
        }
    }
    // Every screen's text and the glossary, in every language.
    for (auto& s : c.screens) {
        CHECK(has("screen:" + s.id + "</h3>"));
        for (auto& lang : c.languages) CHECK(has(esc(s.title.in(lang))));
    }
    for (auto& w : c.glossary)
        for (auto& lang : c.languages) {
            CHECK(has(esc(w.term.in(lang))));
            CHECK(has(esc(w.explain.in(lang))));
        }
    // Each result's sources, with the date each was checked.
    const GuideResult* r = c.guide.result("gemeente-eigen");
    REQUIRE(r);
    const size_t at = html.find("result:gemeente-eigen</h3>");
    const size_t end = html.find("</section>", at);
    for (auto& n : r->sources)
        CHECK(html.substr(at, end - at)
                  .find(esc(c.link(n)->href) + "</code> &middot; " + c.word("checked", "nl") + " " +
                        c.link(n)->checked) != std::string::npos);
}

TEST_CASE("--review escapes what it prints and shows the site a profile sets") {
    ContentFixture f;
    f.edit("glossary.toml", "Uw vaste contactpersoon bij de gemeente.",
           "Uw vaste <contactpersoon> bij de gemeente & meer.");
    const ContentLoad load = f.load();
    REQUIRE(load.content);
    KioskConfig::Site site;
    site.name = "UWV Voorbeeldstad";
    site.kind = "uwv";
    site.address = "Plein 1";
    const std::string html = review_html(*load.content, "2026-12-03", &site);
    CHECK(html.find("&lt;contactpersoon&gt; bij de gemeente &amp; meer") != std::string::npos);
    CHECK(html.find("<contactpersoon>") == std::string::npos);
    CHECK(html.find("UWV Voorbeeldstad") != std::string::npos);
}
