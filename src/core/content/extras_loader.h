// The two lists beside the screens: layouts/urls.toml (every official web page, named once, with
// the date it was checked) and layouts/glossary.toml (hard words and their explanations). Both
// files are optional; a name used elsewhere that urls.toml lacks is reported by the checks.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/content/content.h"

namespace ww {

void read_links(const std::string& path, const std::vector<std::string>& languages,
                std::map<std::string, Link>& out, Problems& problems);

void read_glossary(const std::string& path, const std::vector<std::string>& languages,
                   std::vector<GlossaryWord>& out, Problems& problems);

}  // namespace ww
