#include "core/base/text.h"

namespace ww {

const std::string& Text::in(const std::string& lang) const {
    static const std::string none;
    auto it = by_lang.find(lang);
    return it == by_lang.end() ? none : it->second;
}

std::string fill(std::string pattern, const std::string& name, const std::string& value) {
    const std::string key = "{" + name + "}";
    for (size_t at = pattern.find(key); at != std::string::npos;
         at = pattern.find(key, at + value.size()))
        pattern.replace(at, key.size(), value);
    return pattern;
}

}  // namespace ww
