// `wegwijzer --review FILE.html`: the content as one self-contained HTML page for the content
// owner to read and sign before a release: every screen's text, every guide path and the advice
// each role gets on it, in every language, each screen's and result's sources with their check
// dates, every address with what rests on it, and the glossary. No scripts, no outside files;
// laid out to print on A4.
#pragma once
#include <string>

#include "core/config/config.h"
#include "core/content/content.h"

namespace ww {

// `today` (YYYY-MM-DD) is printed as the date of the review; `site` (the profile's [site], may be
// null) fills "Waar gaat u heen?" as that kiosk would.
std::string review_html(const Content& c, const std::string& today,
                        const KioskConfig::Site* site = nullptr);

}  // namespace ww
