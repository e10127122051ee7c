// What the content rests on: every screen and result names its sources (pages in
// layouts/urls.toml, each with the date it was last checked). The source line a visitor sees, the
// sources that are older than a site allows, and which places rest on each address.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/content/content.h"

namespace ww {

// The line under a screen or result: the sources' labels in `lang`, one after another, and the
// oldest of their check dates (the whole line is only as fresh as its stalest source).
struct SourceLine {
    std::string text;     // "label; label"
    std::string checked;  // YYYY-MM-DD, the oldest `checked` of the sources
};
SourceLine source_line(const Content& c, const std::vector<std::string>& names,
                       const std::string& lang);

// Every address in urls.toml whose `checked` date is more than `max_age_days` before `today`
// (YYYY-MM-DD), as a problem at the address in urls.toml; a date that is not YYYY-MM-DD is one
// too. Only addresses that a screen or result uses (as a source or a QR code) count.
Problems stale_sources(const Content& c, const std::string& today, int max_age_days);

// Without a site's own limit (content.sources_max_age_days = 0), `--check` warns about sources
// older than this; with one, it fails on sources older than that.
inline constexpr int kSourceWarnDays = 365;

// Which places use each address: "screen:optie-1", "result:uwv-eigen" for a source, the same with
// " (qr)" for a QR code only. Addresses nothing uses map to an empty list.
std::map<std::string, std::vector<std::string>> places_by_link(const Content& c);

}  // namespace ww
