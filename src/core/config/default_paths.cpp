#include "core/config/default_paths.h"

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace ww {

namespace {

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

DefaultPaths default_paths(const std::string& exe, const std::string& cwd,
                           const std::string& source_dir, const InstallDirs& dirs) {
    DefaultPaths out;
    const fs::path share = fs::path(dirs.datadir) / "wegwijzer";
    if (same_file(exe, dirs.bindir + "/wegwijzer") && is_dir(share / "layouts")) {
        out.installed = true;
        out.layouts = (share / "layouts").string();
        out.config = dirs.sysconfdir + "/wegwijzer/kiosk.toml";
        out.state_dir = dirs.localstatedir + "/lib/wegwijzer";
        return out;
    }
    // Relative when the working directory has them, so messages name them as a user typed them.
    // A layouts/ here that cannot even be examined (a symlink loop) throws: guessing past it
    // could run other content than the one asked for; main's guard logs it as event=fatal.
    const fs::path tree =
        fs::is_directory(fs::path(cwd) / "layouts") ? fs::path() : fs::path(source_dir);
    out.layouts = (tree / "layouts").string();
    out.config = (tree / "kiosk-config" / "default.toml").string();
    return out;
}

}  // namespace ww
