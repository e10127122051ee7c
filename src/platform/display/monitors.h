// Monitors: which one the kiosk uses, its pixels per millimetre, and getting the kiosk back
// fullscreen when a monitor is plugged in again.
#pragma once
#include "core/config/config.h"

struct GLFWmonitor;
struct GLFWwindow;

namespace ww {

// Pixels per millimetre of `monitor`, from its reported physical size; 0 when it reports nonsense.
float monitor_px_per_mm(GLFWmonitor* monitor);

// The monitor at `index`, the first one when there are fewer; null when none is connected.
GLFWmonitor* pick_monitor(int index);

// From now on a monitor that connects gets `window` back fullscreen (when the profile is
// fullscreen). `window` and `cfg` must outlive the window system.
void follow_monitor_reconnects(GLFWwindow* window, const KioskConfig& cfg);

}  // namespace ww
