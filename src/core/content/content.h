// The content model: everything a visitor reads, loaded from layouts/ (see layouts/README.md).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/base/text.h"

namespace ww {

struct Loc {
    std::string file;
    int line = 0, col = 0;
};

enum class BlockType {
    Paragraph,
    Bullets,
    Numbered,
    Card,
    Callout,
    Table,
    Image,
    Links,
    Qr,
    Tiles
};

struct Tile {
    std::string screen;  // a screen id, or "guide" for the decision guide
    std::string image;   // file in assets/
    Text label;
};

struct Block {
    BlockType type = BlockType::Paragraph;
    Text title;                           // bullets, numbered, card
    Text text;                            // paragraph, card, callout; alt text of an image
    std::vector<Text> items;              // bullets, numbered, card
    std::string kind;                     // callout: note | warning | government
    std::vector<Text> columns;            // table
    std::vector<std::vector<Text>> rows;  // table
    std::string file;                     // image
    std::vector<std::string> screens;     // links
    std::string link;                     // card: screen opened on tap
    std::string url;                      // qr
    Text label;                           // qr
    std::vector<Tile> tiles;              // tiles
};

struct Screen {
    std::string id;
    Text title, intro;
    std::string source, checked;
    bool government_only = false;
    std::vector<Block> blocks;
    Loc loc;
};

struct Answer {
    std::string value;
    Text label;
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

struct GuideResult {
    std::string id;
    Text title;
    std::vector<std::string> forms;
    Text counter, applies;
    std::vector<Text> steps;
    std::string qr_url;
    Text qr_label;
    Loc loc;
};

struct Guide {
    std::string start;
    std::vector<Question> questions;
    std::vector<Rule> rules;
    std::vector<GuideResult> results;

    const Question* question(const std::string& id) const;
    const GuideResult* result(const std::string& id) const;
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
    std::string assets_dir;

    const Screen* screen(const std::string& id) const;
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
