// The content model: everything a visitor reads, loaded from layouts/ (see layouts/README.md).
//
// Adding a block kind (say `type = "video"`):
//   1. here: a struct with its fields and `kType = "video"`, and that struct in `Block`;
//   2. the parser, core/content/toml_blocks.cpp (read_block): read and check its keys;
//   3. the drawing, ui/screens.cpp (block): how it looks;
//   4. the spoken text, core/access/speech.cpp (add_block): what read-aloud says;
//   5. layouts/README.md: the format.
// Every std::visit over a Block is an Overload without a catch-all, so after step 1 the build
// fails at each place that does not handle the new kind yet: 2-4, and the rest (glyphs in
// content.cpp, links in checks.cpp).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/base/problem.h"
#include "core/base/text.h"

namespace ww {

struct Loc {
    std::string file;
    int line = 0, col = 0;
};

// One struct per kind of [[block]]; `kType` is its `type = "..."` in the TOML.

struct Paragraph {
    static constexpr const char* kType = "paragraph";
    Text text;
};

struct Bullets {
    static constexpr const char* kType = "bullets";
    Text title;  // optional heading above the list
    std::vector<Text> items;
};

struct Numbered {
    static constexpr const char* kType = "numbered";
    Text title;  // optional heading above the list
    std::vector<Text> items;
};

struct Card {
    static constexpr const char* kType = "card";
    Text title, text;
    std::vector<Text> items;
    std::string link;  // screen opened on tap; empty = none
    Loc link_loc;      // where `link` is written (a dead link is reported there)
};

struct Callout {
    static constexpr const char* kType = "callout";
    std::string kind = "note";  // note | warning | government
    Text text;
};

struct Table {
    static constexpr const char* kType = "table";
    std::vector<Text> columns;            // the first column holds the row labels
    std::vector<std::vector<Text>> rows;  // cells, one per column
};

struct Image {
    static constexpr const char* kType = "image";
    std::string file;  // in assets/
    Text alt;
};

struct Links {
    static constexpr const char* kType = "links";
    std::vector<std::string> screens;  // buttons to these screens, labelled with their titles
    Loc screens_loc;                   // where `screens` is written
};

struct Qr {
    static constexpr const char* kType = "qr";
    std::string link;  // a name in layouts/urls.toml: address and label
    Loc link_loc;      // where `url` is written
};

// Content values that the code gives a meaning (documented in layouts/README.md).
inline constexpr const char* kGuideTarget = "guide";        // a tile that starts the guide
inline constexpr const char* kDontKnowAnswer = "weetniet";  // an answer drawn as "don't know"

struct Tile {
    std::string screen;  // a screen id, or kGuideTarget for the decision guide
    std::string image;   // file in assets/
    Text label;
    Loc screen_loc;  // where `screen` is written
};

struct Tiles {
    static constexpr const char* kType = "tiles";
    std::vector<Tile> tiles;
};

// The order is the order the loader lists the kinds in ("unknown block type ...").
using Block =
    std::variant<Paragraph, Bullets, Numbered, Card, Callout, Table, Image, Links, Qr, Tiles>;

struct Screen {
    std::string id;
    Text title, intro;
    std::vector<std::string> sources;  // names in layouts/urls.toml the facts rest on
    Loc sources_loc;                   // where `sources` is written
    bool government_only = false;
    std::vector<Block> blocks;
    Loc loc;
};

struct Answer {
    std::string value;
    Text label;
    Text why;          // optional: why this answer leads where it leads (results show it)
    std::string next;  // next question id; empty = end of the guide
    Loc loc;
};

struct Question {
    std::string id;
    Text text, help;
    std::vector<Answer> answers;
    Loc loc;
};

struct Rule {
    std::map<std::string, std::vector<std::string>> when;  // question id -> accepted values
    std::string result;
    Loc loc;
};

// What a variant of a result replaces when its `when` matches the visitor's answers (the role).
struct ResultVariant {
    std::map<std::string, std::vector<std::string>> when;  // question id -> accepted values
    Text title, applies;                                   // empty = the result's own
    std::vector<Text> steps;                               // empty = the result's own
    std::string qr;                                        // empty = the result's own
    std::vector<std::string> desks;                        // empty = the result's own
    Loc loc, qr_loc;
};

// The kinds of desk a result can send a visitor to (`desks`), and a site's `[site] kind`.
inline const std::vector<std::string> kDeskKinds = {"uwv", "gemeente", "werkgevers"};

struct GuideResult {
    std::string id;
    Text title;
    std::vector<std::string> forms;
    Text counter, applies;
    // The desks "Waar gaat u heen?" points at (kDeskKinds): a site of one of these kinds shows
    // its own address there. Empty = none (a buddy needs no desk).
    std::vector<std::string> desks;
    std::vector<Text> steps;
    std::string qr;                       // a name in layouts/urls.toml: the official page
    std::vector<std::string> sources;     // names in layouts/urls.toml the advice rests on
    Loc sources_loc;                      // where `sources` is written
    std::vector<ResultVariant> variants;  // the first that matches wins
    Loc loc, qr_loc;
};

struct Guide {
    std::string start;
    std::vector<Question> questions;
    std::vector<Rule> rules;
    std::vector<GuideResult> results;

    const Question* question(const std::string& id) const;
    const GuideResult* result(const std::string& id) const;
};

// An official web page (layouts/urls.toml), named once and referred to by its name.
struct Link {
    std::string name;
    std::string href;  // https:// only, no personal data
    Text label;
    std::string checked;  // date the page was last checked
    Loc loc;
};

// A hard word and its short explanation (layouts/glossary.toml).
struct GlossaryWord {
    Text term;
    std::map<std::string, std::vector<std::string>> forms;  // lang -> other spellings
    Text explain;
    Loc loc;
};

struct AttractMessage {
    Text text;
    std::string image;
};

struct Content {
    std::vector<std::string> languages;  // first = default
    std::map<std::string, std::string> language_names;
    std::string home;
    std::map<std::string, Text> ui;
    std::vector<AttractMessage> attract;
    std::vector<Screen> screens;
    Guide guide;
    std::map<std::string, Link> links;  // name -> official page
    std::vector<GlossaryWord> glossary;
    std::string assets_dir;

    const Screen* screen(const std::string& id) const;
    const Link* link(const std::string& name) const;
    // An interface word (layouts/kiosk.toml [ui]) in `lang`.
    const std::string& word(const std::string& key, const std::string& lang) const;
    // Every string of the content, for building the font's glyph ranges.
    std::vector<const std::string*> all_strings() const;
};

// The interface words every kiosk.toml must define.
extern const std::vector<std::string> kRequiredUiWords;

struct ContentLoad {
    std::shared_ptr<const Content> content;  // what could be read, even when problems exist
    Problems problems;
    bool ok() const { return problems.empty(); }
};

ContentLoad load_content(const std::string& layouts_dir, const std::string& assets_dir);

}  // namespace ww
