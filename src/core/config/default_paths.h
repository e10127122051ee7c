// Where the kiosk finds its content, profile and state when the command line names none: the
// Debian package's folders for the installed binary, the source tree for a developer's build.
#pragma once

#include <string>

namespace ww {

// The folders a package install uses, as CMake's GNUInstallDirs computed them for the prefix.
struct InstallDirs {
    std::string bindir = "/usr/bin";
    std::string datadir = "/usr/share";
    std::string sysconfdir = "/etc";
    std::string localstatedir = "/var";
};

struct DefaultPaths {
    bool installed = false;  // the binary runs from `bindir` and the package's content is there
    std::string layouts;     // <datadir>/wegwijzer/layouts, else the source tree's layouts/
    std::string config;      // <sysconfdir>/wegwijzer/kiosk.toml, else kiosk-config/default.toml
    std::string state_dir;   // <localstatedir>/lib/wegwijzer; empty = not installed
};

// `exe` is the running binary (/proc/self/exe), `cwd` the working directory, `source_dir` the
// tree the binary was built from. Installed means: `exe` is <bindir>/wegwijzer and
// <datadir>/wegwijzer/layouts exists. Otherwise layouts/ (relative) when `cwd` has one, else
// the source tree's (so `make run` and the tests work from anywhere).
DefaultPaths default_paths(const std::string& exe, const std::string& cwd,
                           const std::string& source_dir, const InstallDirs& dirs);

}  // namespace ww
