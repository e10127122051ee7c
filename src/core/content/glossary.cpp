#include "core/content/glossary.h"

namespace ww {

namespace {

char lower(char ch) {
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}

// A letter or digit, or any byte of a multi-byte UTF-8 character (é, ë, ...): part of a word.
bool word_char(char ch) {
    const unsigned char u = static_cast<unsigned char>(ch);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool has_word(const std::string& text, const std::string& word) {
    if (word.empty() || word.size() > text.size()) return false;
    for (size_t i = 0; i + word.size() <= text.size(); ++i) {
        size_t k = 0;
        while (k < word.size() && lower(text[i + k]) == lower(word[k])) ++k;
        if (k < word.size()) continue;
        const bool start = i == 0 || !word_char(text[i - 1]);
        const bool end = i + k == text.size() || !word_char(text[i + k]);
        if (start && end) return true;
    }
    return false;
}

}  // namespace

bool mentions(const std::string& text, const GlossaryWord& w, const std::string& lang) {
    if (has_word(text, w.term.in(lang))) return true;
    auto forms = w.forms.find(lang);
    if (forms != w.forms.end())
        for (auto& f : forms->second)
            if (has_word(text, f)) return true;
    return false;
}

std::vector<const GlossaryWord*> glossary_in(const Content& c, const std::string& text,
                                             const std::string& lang) {
    std::vector<const GlossaryWord*> out;
    for (auto& w : c.glossary)
        if (mentions(text, w, lang)) out.push_back(&w);
    return out;
}

}  // namespace ww
