// Reads values out of a parsed TOML document and records every problem with its position.
// Shared by the content loader and the config loader so both report errors the same way.
#pragma once
#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/base/text.h"

namespace ww {

// Hard limits on content and config files (absurd input is rejected, not rendered).
struct InputLimits {
    size_t max_file_bytes = 256 * 1024;
    size_t max_list_items = 100;
    size_t max_string_bytes = 2000;
};

// Reads `path`, checks size and UTF-8, and parses it. On failure records a problem and returns
// nothing.
std::optional<toml::table> parse_toml_file(const std::string& path, Problems& out,
                                           const InputLimits& limits = {});

class TomlReader {
  public:
    TomlReader(std::string file, Problems& out, std::vector<std::string> languages = {},
               InputLimits limits = {})
        : file_(std::move(file)), out_(out), languages_(std::move(languages)), limits_(limits) {}

    void problem(const toml::source_region& at, std::string message) const;
    void problem(const toml::node& at, std::string message) const { problem(at.source(), message); }

    // Reports every key of `t` not in `allowed` ("unknown key 'titel' in screen").
    void only_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                   std::string_view where) const;

    std::optional<std::string> string(const toml::table& t, std::string_view key, bool required);
    std::optional<bool> boolean(const toml::table& t, std::string_view key);
    std::optional<double> number(const toml::table& t, std::string_view key);
    std::optional<int64_t> integer(const toml::table& t, std::string_view key);
    // A translated string: a table {nl = "...", en = "..."} with every shipped language.
    Text text(const toml::table& t, std::string_view key, bool required);
    Text text_node(const toml::node& n, std::string_view what);
    std::vector<Text> text_list(const toml::table& t, std::string_view key, bool required);
    std::vector<std::string> string_list(const toml::table& t, std::string_view key, bool required);
    // An array (checked against the item limit), or null when absent / of the wrong type.
    const toml::array* array(const toml::table& t, std::string_view key, bool required);
    const toml::table* table(const toml::table& t, std::string_view key, bool required);

    const std::string& file() const { return file_; }
    const std::vector<std::string>& languages() const { return languages_; }

  private:
    void missing(const toml::table& t, std::string_view key) const;
    bool check_string(const toml::node& n, const std::string& s) const;

    std::string file_;
    Problems& out_;
    std::vector<std::string> languages_;
    InputLimits limits_;
};

// Calls f(entry, table) for every entry of the array `key` in `t` ([[question]], [[word]] ...);
// an entry that is not a table is reported as "[[what]] entries must be tables".
template <class F>
void for_each_table(TomlReader& r, const toml::table& t, std::string_view key, bool required,
                    std::string_view what, F f) {
    const toml::array* a = r.array(t, key, required);
    if (!a) return;
    for (auto&& entry : *a) {
        if (auto table = entry.as_table())
            f(entry, *table);
        else
            r.problem(entry, "[[" + std::string(what) + "]] entries must be tables");
    }
}

}  // namespace ww
