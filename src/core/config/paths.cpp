#include "core/config/paths.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace ww {

namespace {

std::string state_dir_of(const PathInputs& in) {
    if (!in.state_dir_set.empty()) return in.state_dir_set;
    if (!in.shipped.state_dir.empty()) return in.shipped.state_dir;
    if (in.xdg_state_home && in.xdg_state_home[0] == '/')
        return std::string(in.xdg_state_home) + "/wegwijzer";
    if (in.home && *in.home) return std::string(in.home) + "/.local/state/wegwijzer";
    return {};
}

}  // namespace

std::string profile_path(const PathInputs& in) {
    return in.config_arg.empty() ? in.shipped.config : in.config_arg;
}

Paths resolve_paths(const PathInputs& in) {
    Paths p;
    p.layouts = in.layouts_arg.empty() ? in.shipped.layouts : in.layouts_arg;
    const fs::path layouts(p.layouts);
    p.assets = (layouts.lexically_normal().parent_path() / "assets").string();
    // A trailing slash (layouts/) has an empty file name: its parent is layouts itself.
    if (layouts.filename() == "")
        p.assets = (layouts.parent_path().parent_path() / "assets").string();
    p.config = profile_path(in);
    p.state_dir = state_dir_of(in);
    p.follow_updates = in.layouts_arg.empty() && !p.state_dir.empty();
    return p;
}

}  // namespace ww
