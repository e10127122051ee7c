#include "core/base/toml_reader.h"

#include <fstream>
#include <sstream>

#include "core/base/utf8.h"

namespace ww {

namespace {

// Line and column (1-based) of byte `offset` in `s`.
std::pair<int, int> position_of(std::string_view s, size_t offset) {
    int line = 1, col = 1;
    for (size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++line;
            col = 1;
        } else
            ++col;
    }
    return {line, col};
}

const char* type_name(toml::node_type t) {
    switch (t) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "a list";
        case toml::node_type::string:
            return "text";
        case toml::node_type::integer:
            return "a whole number";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "true/false";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        default:
            return "nothing";
    }
}

}  // namespace

std::optional<toml::table> parse_toml_file(const std::string& path, Problems& out,
                                           const InputLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.push_back({path, 0, 0, "cannot open file"});
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string doc = buf.str();
    if (doc.size() > limits.max_file_bytes) {
        out.push_back({path, 0, 0,
                       "file is " + std::to_string(doc.size() / 1024) + " KiB; the limit is " +
                           std::to_string(limits.max_file_bytes / 1024) + " KiB"});
        return std::nullopt;
    }
    if (const size_t bad = first_invalid_utf8(doc); bad != std::string_view::npos) {
        auto [line, col] = position_of(doc, bad);
        out.push_back({path, line, col, "invalid UTF-8 (save the file as UTF-8)"});
        return std::nullopt;
    }
    try {
        return toml::parse(doc, path);
    } catch (const toml::parse_error& e) {
        out.push_back({path, static_cast<int>(e.source().begin.line),
                       static_cast<int>(e.source().begin.column),
                       "syntax error: " + std::string(e.description())});
        return std::nullopt;
    }
}

void TomlReader::problem(const toml::source_region& at, std::string message) const {
    out_.push_back(
        {file_, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), message});
}

void TomlReader::missing(const toml::table& t, std::string_view key) const {
    problem(t, "missing required key '" + std::string(key) + "'");
}

void TomlReader::only_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                           std::string_view where) const {
    for (auto&& [k, v] : t) {
        bool known = false;
        for (auto a : allowed) known = known || k.str() == a;
        if (known) continue;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        problem(k.source(), "unknown key '" + std::string(k.str()) + "' in " + std::string(where) +
                                " (allowed: " + list + ")");
    }
}

bool TomlReader::check_string(const toml::node& n, const std::string& s) const {
    if (s.size() > limits_.max_string_bytes) {
        problem(n, "text of " + std::to_string(s.size()) + " bytes; the limit is " +
                       std::to_string(limits_.max_string_bytes));
        return false;
    }
    return true;
}

std::optional<std::string> TomlReader::string(const toml::table& t, std::string_view key,
                                              bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return std::nullopt;
    }
    if (auto s = n->value<std::string>(); s && n->is_string()) {
        if (!check_string(*n, *s)) return std::nullopt;
        return s;
    }
    if (auto d = n->as_date()) {  // dates such as `checked = 2026-11-23` are kept as text
        char buf[16];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->get().year, d->get().month, d->get().day);
        return std::string(buf);
    }
    problem(*n, "'" + std::string(key) + "' must be text, not " + type_name(n->type()));
    return std::nullopt;
}

std::optional<bool> TomlReader::boolean(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto b = n->as_boolean()) return b->get();
    problem(*n, "'" + std::string(key) + "' must be true or false, not " + type_name(n->type()));
    return std::nullopt;
}

std::optional<double> TomlReader::number(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto d = n->as_floating_point()) return d->get();
    if (auto i = n->as_integer()) return static_cast<double>(i->get());
    problem(*n, "'" + std::string(key) + "' must be a number, not " + type_name(n->type()));
    return std::nullopt;
}

std::optional<int64_t> TomlReader::integer(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto i = n->as_integer()) return i->get();
    problem(*n, "'" + std::string(key) + "' must be a whole number, not " + type_name(n->type()));
    return std::nullopt;
}

Text TomlReader::text_node(const toml::node& n, std::string_view what) {
    Text out;
    const toml::table* t = n.as_table();
    if (!t) {
        problem(n, std::string(what) + " must be a table of languages like { nl = \"...\", en = " +
                       "\"...\" }, not " + type_name(n.type()));
        return out;
    }
    for (auto&& [k, v] : *t) {
        const std::string lang(k.str());
        bool shipped = false;
        for (auto& l : languages_) shipped = shipped || l == lang;
        if (!shipped) {
            problem(k.source(), "unknown language '" + lang + "' in " + std::string(what));
            continue;
        }
        if (!v.is_string()) {
            problem(v,
                    std::string(what) + "." + lang + " must be text, not " + type_name(v.type()));
            continue;
        }
        std::string s = *v.value<std::string>();
        if (check_string(v, s)) out.by_lang[lang] = std::move(s);
    }
    for (auto& l : languages_)
        if (!t->contains(l))
            problem(n, std::string(what) + " has no text for language '" + l + "'");
    return out;
}

Text TomlReader::text(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return {};
    }
    return text_node(*n, key);
}

const toml::array* TomlReader::array(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return nullptr;
    }
    const toml::array* a = n->as_array();
    if (!a) {
        problem(*n, "'" + std::string(key) + "' must be a list, not " + type_name(n->type()));
        return nullptr;
    }
    if (a->size() > limits_.max_list_items) {
        problem(*n, "'" + std::string(key) + "' has " + std::to_string(a->size()) +
                        " items; the limit is " + std::to_string(limits_.max_list_items));
        return nullptr;
    }
    return a;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return nullptr;
    }
    if (auto tt = n->as_table()) return tt;
    problem(*n, "'" + std::string(key) + "' must be a table, not " + type_name(n->type()));
    return nullptr;
}

std::vector<Text> TomlReader::text_list(const toml::table& t, std::string_view key, bool required) {
    std::vector<Text> out;
    if (auto a = array(t, key, required))
        for (auto&& item : *a) out.push_back(text_node(item, std::string(key) + " item"));
    return out;
}

std::vector<std::string> TomlReader::string_list(const toml::table& t, std::string_view key,
                                                 bool required) {
    std::vector<std::string> out;
    if (auto a = array(t, key, required)) {
        for (auto&& item : *a) {
            if (auto s = item.value<std::string>(); s && item.is_string())
                out.push_back(*s);
            else
                problem(item, "items of '" + std::string(key) + "' must be text");
        }
    }
    return out;
}

}  // namespace ww
