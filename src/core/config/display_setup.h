// A screen mounted in portrait: the commands that turn the picture (display.rotation) and the
// touchscreen's coordinates with it (touch.device), from the profile. Pure: what to run, not
// running it; platform/display/display_setup_run.* runs them at start (kiosk mode under X11, before
// the window opens) and logs each.
//
//   display.rotation = R (not normal)  ->  xrandr --orientation R
//   touch.device = D (not empty)       ->  xinput set-prop D "Coordinate Transformation Matrix" M
//
// M is libinput's matrix for R (row-major, 9 numbers): the touch point (x, y), both 0..1 on the
// panel, maps to (a*x + b*y + c, d*x + e*y + f) on the turned picture.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"

namespace ww {

using Argv = std::vector<std::string>;  // argv[0] is the program, looked up in PATH

// In order: xrandr, then xinput. Nothing for rotation "normal" and no touch.device.
std::vector<Argv> display_setup_commands(const KioskConfig& config);

// The Coordinate Transformation Matrix for a display.rotation, as xinput takes it
// ("0 -1 1 1 0 0 0 0 1" for left); the identity for "normal" (and anything unknown).
std::vector<std::string> touch_matrix(const std::string& rotation);

// `argv` as one line for the log, shell-quoted where needed:
// xinput set-prop 'Test Touch' 'Coordinate Transformation Matrix' 0 -1 1 1 0 0 0 0 1
std::string command_text(const Argv& argv);

}  // namespace ww
