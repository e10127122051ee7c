#include "core/content/toml_blocks.h"

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/base/overload.h"
#include "core/content/checks.h"

namespace ww {

namespace {

// A default block of the kind named `type = "..."`; nothing when no kind has that name.
template <size_t... I>
std::optional<Block> empty_block(const std::string& type, std::index_sequence<I...>) {
    std::optional<Block> out;
    ((type == std::variant_alternative_t<I, Block>::kType
          ? (void)out.emplace(std::in_place_index<I>)
          : (void)0),
     ...);
    return out;
}
std::optional<Block> empty_block(const std::string& type) {
    return empty_block(type, std::make_index_sequence<std::variant_size_v<Block>>());
}

// "paragraph, bullets, ..., tiles": every kind, in the variant's order.
template <size_t... I>
std::string block_type_list(std::index_sequence<I...>) {
    std::string out;
    ((out += (I == 0 ? "" : ", "), out += std::variant_alternative_t<I, Block>::kType), ...);
    return out;
}
std::string block_type_list() {
    return block_type_list(std::make_index_sequence<std::variant_size_v<Block>>());
}

void read_list(TomlReader& r, const toml::table& t, const std::string& where, Text& title,
               std::vector<Text>& items) {
    r.only_keys(t, {"type", "title", "items"}, where);
    title = r.text(t, "title", false);
    items = r.text_list(t, "items", true);
}

void read_table(TomlReader& r, const toml::table& t, const std::string& where, Table& k) {
    r.only_keys(t, {"type", "columns", "rows"}, where);
    k.columns = r.text_list(t, "columns", true);
    auto rows = r.array(t, "rows", true);
    if (!rows) return;
    for (auto&& row : *rows) {
        auto cells = row.as_array();
        if (!cells) {
            r.problem(row, "each table row must be a list of cells");
            continue;
        }
        std::vector<Text> out;
        for (auto&& cell : *cells) out.push_back(r.text_node(cell, "table cell"));
        if (!k.columns.empty() && out.size() != k.columns.size())
            r.problem(row, "row has " + std::to_string(out.size()) + " cells but the table has " +
                               std::to_string(k.columns.size()) + " columns");
        k.rows.push_back(std::move(out));
    }
}

void read_tiles(TomlReader& r, const toml::table& t, const std::string& where, Tiles& k,
                AssetChecks& assets) {
    r.only_keys(t, {"type", "tiles"}, where);
    auto tiles = r.array(t, "tiles", true);
    if (!tiles) return;
    for (auto&& item : *tiles) {
        auto tt = item.as_table();
        if (!tt) {
            r.problem(item, "tiles must be tables");
            continue;
        }
        r.only_keys(*tt, {"screen", "image", "label"}, "tile");
        Tile tile;
        tile.screen = r.string(*tt, "screen", true).value_or("");
        tile.image = r.string(*tt, "image", true).value_or("");
        tile.label = r.text(*tt, "label", true);
        if (!tile.image.empty()) assets.check(r, *tt->get("image"), tile.image);
        if (!tile.screen.empty()) tile.screen_loc = loc_of(r, *tt->get("screen"));
        k.tiles.push_back(std::move(tile));
    }
}

}  // namespace

std::optional<Block> read_block(TomlReader& r, const toml::table& t, AssetChecks& assets) {
    auto type = r.string(t, "type", true);
    if (!type) return std::nullopt;
    std::optional<Block> b = empty_block(*type);
    if (!b) {
        r.problem(*t.get("type"), "unknown block type '" + *type + "' (" + block_type_list() + ")");
        return std::nullopt;
    }
    const std::string where = *type + " block";
    const Overload read{
        [&](Paragraph& p) {
            r.only_keys(t, {"type", "text"}, where);
            p.text = r.text(t, "text", true);
        },
        [&](Bullets& l) { read_list(r, t, where, l.title, l.items); },
        [&](Numbered& l) { read_list(r, t, where, l.title, l.items); },
        [&](Card& k) {
            r.only_keys(t, {"type", "title", "text", "items", "link"}, where);
            k.title = r.text(t, "title", true);
            k.text = r.text(t, "text", false);
            k.items = r.text_list(t, "items", false);
            k.link = r.string(t, "link", false).value_or("");
            if (!k.link.empty()) k.link_loc = loc_of(r, *t.get("link"));
        },
        [&](Callout& k) {
            r.only_keys(t, {"type", "kind", "text"}, where);
            k.kind = r.string(t, "kind", false).value_or("note");
            if (k.kind != "note" && k.kind != "warning" && k.kind != "government")
                r.problem(*t.get("kind"), "callout kind must be note, warning or government");
            k.text = r.text(t, "text", true);
        },
        [&](Table& k) { read_table(r, t, where, k); },
        [&](Image& k) {
            r.only_keys(t, {"type", "file", "alt"}, where);
            k.file = r.string(t, "file", true).value_or("");
            k.alt = r.text(t, "alt", true);
            if (!k.file.empty()) assets.check(r, *t.get("file"), k.file);
        },
        [&](Links& k) {
            r.only_keys(t, {"type", "screens"}, where);
            k.screens = r.string_list(t, "screens", true);
            if (!k.screens.empty()) k.screens_loc = loc_of(r, *t.get("screens"));
        },
        [&](Qr& k) {
            r.only_keys(t, {"type", "url"}, where);
            k.link = r.string(t, "url", true).value_or("");
            if (!k.link.empty()) k.link_loc = loc_of(r, *t.get("url"));
        },
        [&](Tiles& k) { read_tiles(r, t, where, k, assets); },
    };
    std::visit(read, *b);
    return b;
}

}  // namespace ww
