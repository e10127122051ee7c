// Where this run of the kiosk reads its content and profile and keeps its state: resolved once
// at start (app/run_setup.cpp) and passed down, so every part of the kiosk uses the same folders.
#pragma once
#include <string>

#include "core/config/default_paths.h"

namespace ww {

struct Paths {
    std::string layouts;  // the content: --layouts, else the package's or the source tree's
    std::string assets;   // its pictures: assets/ beside layouts/
    std::string config;   // the profile: --config, else the package's or the source tree's
    // What survives a restart (PIN guard, usage figures, content updates). "" = none: the PIN
    // guard is kept in memory only, no usage figures are written, no update is followed.
    std::string state_dir;
    // No --layouts and a state folder: a content update under state_dir replaces layouts/assets
    // (app/update_wiring.h).
    bool follow_updates = false;
};

// What the folders are resolved from.
struct PathInputs {
    DefaultPaths shipped;                  // the package's folders, else the source tree's
    std::string layouts_arg;               // --layouts ("" = none)
    std::string config_arg;                // --config ("" = none)
    std::string state_dir_set;             // the profile's state.dir ("" = none)
    const char* xdg_state_home = nullptr;  // the environment (getenv; null = unset)
    const char* home = nullptr;
};

// The profile to read: --config, else the shipped one (the profile names the state folder, so
// it is read before resolve_paths).
std::string profile_path(const PathInputs& in);

// Every folder, by one rule. The state folder: state.dir when the profile sets it; else the
// package's (<localstatedir>/lib/wegwijzer, its systemd unit's StateDirectory) for the installed
// binary; else $XDG_STATE_HOME/wegwijzer (an absolute one only, as the XDG spec asks); else
// $HOME/.local/state/wegwijzer; else none.
Paths resolve_paths(const PathInputs& in);

}  // namespace ww
