// Reads layouts/guide.toml: questions, answers, rules and results. The checks over every path
// of the guide run later, with the cross-file checks (checks.h).
#pragma once
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/content/content.h"

namespace ww {

// Reads the guide at `path` (texts in `languages`) into `g`; every problem goes to `out`.
void read_guide(const std::string& path, const std::vector<std::string>& languages, Guide& g,
                Problems& out);

}  // namespace ww
