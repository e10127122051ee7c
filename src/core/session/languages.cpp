#include "core/session/languages.h"

#include <algorithm>

namespace ww {

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

std::vector<std::string> offered_languages(const Content& c, const KioskConfig::Languages& l) {
    std::vector<std::string> out;
    for (auto& lang : c.languages)
        if (has(l.offered, lang)) out.push_back(lang);
    return out.empty() ? c.languages : out;
}

std::string start_language(const Content& c, const KioskConfig::Languages& l) {
    if (has(c.languages, l.default_language)) return l.default_language;
    return offered_languages(c, l).front();
}

}  // namespace ww
