// Reads one [[block]] of a screen file into its kind of Block (see content.h).
#pragma once
#include <toml++/toml.h>

#include <optional>

#include "core/base/toml_reader.h"
#include "core/content/checks.h"
#include "core/content/content.h"

namespace ww {

// The block table `t`, with every problem in it reported through `r` (pictures through
// `assets`). Nothing when its `type` is missing or names no kind; otherwise the block, filled
// as far as it could be read.
std::optional<Block> read_block(TomlReader& r, const toml::table& t, AssetChecks& assets);

}  // namespace ww
