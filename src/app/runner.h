// The real window: GLFW + OpenGL 3.3 + ImGui's OpenGL3 renderer, frame pacing, kiosk lockdown,
// and the --proof renderer that writes every place to PNG.
#pragma once
#include <string>

#include "core/base/clock.h"
#include "core/config/config.h"
#include "core/config/paths.h"
#include "core/content/content.h"

namespace ww {

struct RunOptions {
    Paths paths;  // content, profile, state folder: resolved once at start (core/config/paths.h)
    Clock clock;  // the wall clock (core/base/clock.h)
    bool log_items = false;    // --log-items
    bool log_visits = false;   // --log-visits
    bool log_latency = false;  // --log-latency
    bool tour = false;         // --tour
};

// Runs the kiosk until it is told to exit; returns the process exit code.
int run_window(const KioskConfig& config, const RunOptions& opts);

// Renders every screen, question, result and overlay state to DIR/<id>.png; returns exit code.
int run_proof(const KioskConfig& config, const RunOptions& opts, const std::string& dir);

}  // namespace ww
