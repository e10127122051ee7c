// Translated text: one string per language code.
#pragma once
#include <map>
#include <string>

namespace ww {

struct Text {
    std::map<std::string, std::string> by_lang;

    // The string in `lang`; the empty string when that language is missing (the validator
    // guarantees every shipped language is present).
    const std::string& in(const std::string& lang) const;
    bool empty() const { return by_lang.empty(); }
};

// Replaces every `{name}` in `pattern` with `value`.
std::string fill(std::string pattern, const std::string& name, const std::string& value);

}  // namespace ww
