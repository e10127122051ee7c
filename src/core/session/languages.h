// Which languages a site offers and which one a new session starts in: the content's languages
// (layouts/kiosk.toml), narrowed by the profile's `[languages]`.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/content/content.h"

namespace ww {

// The languages of `c` the profile offers, in the content's order; all of them when the profile
// names none (or none that the content has).
std::vector<std::string> offered_languages(const Content& c, const KioskConfig::Languages& l);

// The language of a new session: the profile's default when the content has it, else the first
// offered language.
std::string start_language(const Content& c, const KioskConfig::Languages& l);

}  // namespace ww
