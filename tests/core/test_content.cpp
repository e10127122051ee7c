#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "core/access/speech.h"
#include "core/content/content.h"
#include "core/content/glossary.h"
#include "core/content/place.h"
#include "fixture.h"

using namespace ww;

TEST_CASE("the shipped content has no problems") {
    const ContentLoad load = load_content("layouts", "assets");
    for (auto& p : load.problems) MESSAGE(p.format());
    CHECK(load.ok());
    REQUIRE(load.content);
    CHECK(load.content->screen("home") != nullptr);
    CHECK(load.content->screens.size() >= 10);
}

TEST_CASE("every shipped string exists in every shipped language") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    const Content& c = *load.content;
    auto all_langs = [&](const Text& t, const std::string& where) {
        if (t.empty()) return;
        for (auto& l : c.languages) CHECK_MESSAGE(!t.in(l).empty(), where << " lacks " << l);
    };
    for (auto& s : c.screens) {
        all_langs(s.title, s.id + " title");
        all_langs(s.intro, s.id + " intro");
        for (auto& b : s.blocks) {
            if (auto k = std::get_if<Paragraph>(&b)) all_langs(k->text, s.id + " block");
            if (auto k = std::get_if<Card>(&b)) all_langs(k->text, s.id + " block");
            if (auto k = std::get_if<Callout>(&b)) all_langs(k->text, s.id + " block");
            if (auto k = std::get_if<Image>(&b)) all_langs(k->alt, s.id + " block");
            if (auto k = std::get_if<Bullets>(&b))
                for (auto& i : k->items) all_langs(i, s.id + " item");
            if (auto k = std::get_if<Numbered>(&b))
                for (auto& i : k->items) all_langs(i, s.id + " item");
            if (auto k = std::get_if<Card>(&b))
                for (auto& i : k->items) all_langs(i, s.id + " item");
            if (auto k = std::get_if<Tiles>(&b))
                for (auto& t : k->tiles) all_langs(t.label, s.id + " tile");
        }
    }
    for (auto& w : kRequiredUiWords) all_langs(c.ui.at(w), "ui." + w);
    for (auto& r : c.guide.results)
        for (auto& s : r.steps) all_langs(s, r.id + " step");
}

TEST_CASE("each kind of breakage gives its file:line:col message and the rest still loads") {
    struct Case {
        const char* name;
        const char* file;
        const char* from;
        const char* to;
        const char* expect;  // substring of the formatted problem, including file:line:col
    };
    const Case cases[] = {
        {"syntax error", "screens/optie-1.toml", "title", "title = = ", "optie-1.toml:2:"},
        {"unknown key", "screens/optie-2.toml", "title", "titel",
         "optie-2.toml:2:1: unknown key 'titel'"},
        {"wrong type", "screens/optie-3.toml", "intro   = ", "intro   = 12 #",
         "intro must be a table of languages"},
        {"missing field", "screens/optie-4.toml", "sources", "bronnen_weg",
         "missing required key 'sources'"},
        {"missing language", "screens/situatie.toml", "en = ", "de = ", "unknown language 'de'"},
        {"dead link", "screens/vormen.toml", "\"optie-1\"", "\"optie-9\"",
         "link to screen 'optie-9', which does not exist"},
        {"missing image", "screens/home.toml", "tile-buddy.png", "tile-nope.png",
         "image 'tile-nope.png' does not exist"},
        {"duplicate question id", "guide.toml", "id = \"steun\"", "id = \"uitkering\"",
         "duplicate question id 'uitkering'"},
    };
    for (auto& k : cases) {
        CAPTURE(k.name);
        ContentFixture f;
        f.edit(k.file, k.from, k.to);
        const ContentLoad load = f.load();
        const std::string got = find_problem(load.problems, k.expect);
        CHECK_MESSAGE(
            !got.empty(), k.name << ": expected '" << k.expect << "'; got:\n"
                                 << [&] {
                                        std::string all;
                                        for (auto& p : load.problems) all += p.format() + "\n";
                                        return all;
                                    }());
        // Every problem is located in a file with a line and column.
        for (auto& p : load.problems) CHECK(p.format().find(".toml:") != std::string::npos);
        REQUIRE(load.content);
        CHECK(load.content->screen("home") != nullptr);  // the valid rest is there
    }
}

TEST_CASE("the line and column point at the offending key") {
    ContentFixture f;
    f.write("screens/extra.toml",
            "title = { nl = \"Extra\", en = \"Extra\" }\nsources = [\"noloc\"]\n"
            "  titel = 5\n");
    f.edit("screens/vormen.toml", "\"optie-1\"", "\"extra\", \"optie-1\"");
    const ContentLoad load = f.load();
    CHECK(find_problem(load.problems, "extra.toml:3:3: unknown key 'titel'") != "");
}

TEST_CASE("an image that does not decode is reported") {
    ContentFixture f;
    std::ofstream(f.root / "assets" / "tile-buddy.png") << "not a png";
    CHECK(find_problem(f.load().problems, "'tile-buddy.png' does not decode") != "");
}

TEST_CASE("a screen nobody links to is reported") {
    ContentFixture f;
    f.write("screens/lost.toml",
            "title = { nl = \"Weg\", en = \"Lost\" }\nsources = [\"noloc\"]\n");
    CHECK(find_problem(f.load().problems, "lost.toml:1:1: screen 'lost' is not linked") != "");
}

TEST_CASE("invalid UTF-8 is reported with its position") {
    ContentFixture f;
    f.write("screens/optie-1.toml", "# ok\ntitle = { nl = \"caf\xC3\x28\", en = \"x\" }\n");
    CHECK(find_problem(f.load().problems, "optie-1.toml:2:20: invalid UTF-8") != "");
}

TEST_CASE("absurd sizes are refused") {
    ContentFixture f;
    f.write("screens/optie-1.toml", std::string(300 * 1024, '#'));
    CHECK(find_problem(f.load().problems,
                       "optie-1.toml:1:1: file is 300 KiB; the limit is 256 KiB") != "");
    ContentFixture g;
    std::string items = "items = [";
    for (int i = 0; i < 10000; ++i) items += "{ nl = \"a\", en = \"b\" },";
    items += "]\n";
    g.edit("screens/optie-2.toml", "[[block]]",
           "[[block]]\ntype = \"bullets\"\n" + items + "[[block]]");
    // 10 000 items exceed the file limit as well as the list limit; either refuses it.
    const ContentLoad load = g.load();
    CHECK((find_problem(load.problems, "items; the limit is 100") != "" ||
           find_problem(load.problems, "the limit is 256 KiB") != ""));
    ContentFixture h;
    std::string few = "items = [";
    for (int i = 0; i < 150; ++i) few += "{nl=\"a\",en=\"b\"},";
    h.edit("screens/optie-2.toml", "[[block]]",
           "[[block]]\ntype = \"bullets\"\n" + few + "]\n[[block]]");
    CHECK(find_problem(h.load().problems, "'items' has 150 items; the limit is 100") != "");
}

TEST_CASE("all problems are reported, not only the first") {
    ContentFixture f;
    f.edit("screens/optie-1.toml", "title", "titel");
    f.edit("screens/optie-2.toml", "title", "titel");
    f.edit("screens/vormen.toml", "\"optie-3\"", "\"optie-99\"");
    const ContentLoad load = f.load();
    CHECK(find_problem(load.problems, "optie-1.toml") != "");
    CHECK(find_problem(load.problems, "optie-2.toml") != "");
    CHECK(find_problem(load.problems, "optie-99") != "");
}

TEST_CASE("QR targets must be plain https addresses without personal data") {
    ContentFixture f;
    f.edit("urls.toml", "\"https://", "\"https://x.nl/?bsn=123&u=");
    CHECK(find_problem(f.load().problems, "urls.toml:") != "");
    CHECK(find_problem(f.load().problems, "no personal data in a QR code") != "");
}

TEST_CASE("QR codes name pages in urls.toml; result variants ask about real answers") {
    ContentFixture f;
    f.write("guide.toml", f.read("guide.toml") + R"(
[[result]]
id = "extra"
title = { nl = "x", en = "x" }
forms = ["optie-1"]
counter = { nl = "x", en = "x" }
applies = { nl = "x", en = "x" }
steps = [ { nl = "x", en = "x" } ]
qr = "no-such-page"
sources = ["noloc"]

[[result.variant]]
when = { rol = ["koning"] }
)");
    const Problems ps = f.load().problems;
    CHECK(find_problem(ps, "'no-such-page' is not in urls.toml") != "");
    CHECK(find_problem(ps, "question 'rol' has no answer 'koning'") != "");
}

TEST_CASE("a glossary word that nothing uses is reported; used words are explained") {
    ContentFixture f;
    f.write("glossary.toml", f.read("glossary.toml") + R"(
[[word]]
term = { nl = "zeppelin", en = "zeppelin" }
explain = { nl = "Een luchtschip.", en = "An airship." }
)");
    CHECK(find_problem(f.load().problems, "glossary word 'zeppelin' (nl) is used on no screen") !=
          "");
    const ContentLoad shipped = load_content("layouts", "assets");
    REQUIRE(shipped.ok());
    const Content& c = *shipped.content;
    REQUIRE(c.glossary.size() >= 10);
    int explained = 0;
    for (auto& p : all_places(c)) {
        const std::string shown = place_text(c, p, "nl");
        const auto words = glossary_in(c, shown, "nl");
        const std::string said = spoken_text(c, p, "nl");
        for (auto* w : words) CHECK(said.find(w->explain.in("nl")) != std::string::npos);
        explained += static_cast<int>(words.size());
    }
    CHECK(explained > 10);
}

TEST_CASE("a screen's blocks load into the kind their type names") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.content);
    const Content& c = *load.content;

    const Screen* home = c.screen("home");
    REQUIRE(home);
    REQUIRE(home->blocks.size() == 1);
    const Tiles* tiles = std::get_if<Tiles>(&home->blocks[0]);
    REQUIRE(tiles);
    REQUIRE(tiles->tiles.size() == 6);
    CHECK(tiles->tiles[0].screen == "guide");
    CHECK(tiles->tiles[1].screen == "vormen");
    CHECK(tiles->tiles[1].image == "tile-forms.png");

    const Screen* vormen = c.screen("vormen");
    REQUIRE(vormen);
    REQUIRE(vormen->blocks.size() == 6);
    for (int i = 0; i < 4; ++i) {
        const Card* card = std::get_if<Card>(&vormen->blocks[i]);
        REQUIRE(card);
        CHECK(card->link == "optie-" + std::to_string(i + 1));
    }
    const Callout* note = std::get_if<Callout>(&vormen->blocks[4]);
    REQUIRE(note);
    CHECK(note->kind == "note");
    const Links* links = std::get_if<Links>(&vormen->blocks[5]);
    REQUIRE(links);
    CHECK(links->screens ==
          std::vector<std::string>{"vergelijking", "intern-extern", "situatie", "geld"});

    const Screen* compare = c.screen("vergelijking");
    REQUIRE(compare);
    REQUIRE(!compare->blocks.empty());
    const Table* table = std::get_if<Table>(&compare->blocks[0]);
    REQUIRE(table);
    CHECK(table->columns.size() == 5);
    CHECK(table->rows.size() == 8);
    for (auto& row : table->rows) CHECK(row.size() == 5);
    // Paying is the main difference between the forms: the table says who pays for each.
    bool pays = false;
    for (auto& row : table->rows) pays = pays || row[0].in("nl") == "Wie betaalt?";
    CHECK(pays);
}

TEST_CASE("the link positions kept in blocks point at the dead link") {
    ContentFixture f;
    f.edit("screens/home.toml", "screen = \"vormen\"", "screen = \"vormen-x\"");
    CHECK(find_problem(f.load().problems,
                       "home.toml:10:14: link to screen 'vormen-x', which does not exist") != "");
}

// Plain language (B1): every sentence of the shipped content, in every language, under 15 words;
// and English that reads as English.
TEST_CASE("every shipped sentence is under 15 words; no translated-Dutch English") {
    const ContentLoad load = load_content("layouts", "assets");
    REQUIRE(load.ok());
    const Content& c = *load.content;
    std::set<const std::string*> citations;  // addresses are not sentences
    for (auto& [n, l] : c.links) citations.insert(&l.href);
    int sentences = 0, words_total = 0;
    for (const std::string* text : c.all_strings()) {
        if (citations.count(text)) continue;
        std::string sentence;
        auto finish = [&] {
            std::istringstream in(sentence);
            int words = 0;
            for (std::string w; in >> w;) ++words;
            if (words > 0) {
                ++sentences;
                words_total += words;
                CHECK_MESSAGE(words < 15, words << " words: " << sentence);
            }
            sentence.clear();
        };
        for (char ch : *text) {
            sentence += ch;
            if (ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == '\n') finish();
        }
        finish();
    }
    MESSAGE(sentences << " sentences, " << static_cast<double>(words_total) / sentences
                      << " words on average");
    for (const std::string* text : c.all_strings())
        for (const char* phrase : {"apply at UWV", "an own job coach", "own job coach of",
                                   "next to a", "next to an", "next to the"})
            CHECK_MESSAGE(text->find(phrase) == std::string::npos, phrase << " in: " << *text);
}
