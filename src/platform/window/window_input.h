// GLFW input to the app: the pointer (touch arrives as a mouse) and keys. In kiosk mode no key
// and no close request leaves the kiosk; a visitor's navigation keys work (nav_key_of), and the
// open staff PIN pad and panel take their keys.
#pragma once
#include <optional>

#include "ui/app.h"

struct GLFWwindow;

namespace ww {

struct WindowInput {
    KioskApp* app = nullptr;
    bool kiosk = true;  // ignore close requests
    bool dirty = true;  // something arrived: draw a frame
    // A release or key: draw the next frame at once, not at the frame cap's pace (a tap's
    // click happens on the frame that sees the release).
    bool at_once = false;
    double x = 0, y = 0;
};

// The visitor's navigation key for a GLFW key and its modifiers; none for every other key
// (Escape, F11, Alt+F4 and the like stay blocked). "+", "-" and "?" arrive as characters.
std::optional<NavKey> nav_key_of(int key, int mods);

// Sends `w`'s input to `in.app`; `in` must outlive the window's callbacks.
void connect_input(GLFWwindow* w, WindowInput& in);

}  // namespace ww
