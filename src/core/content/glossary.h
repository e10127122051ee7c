// Which glossary words (layouts/glossary.toml) a text uses: a case-insensitive whole-word match
// of the term or one of its other forms, in one language.
#pragma once
#include <string>
#include <vector>

#include "core/content/content.h"

namespace ww {

bool mentions(const std::string& text, const GlossaryWord& w, const std::string& lang);

// The glossary words `text` uses, in glossary order.
std::vector<const GlossaryWord*> glossary_in(const Content& c, const std::string& text,
                                             const std::string& lang);

}  // namespace ww
