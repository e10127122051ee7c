// GLFW input to the app: the pointer (touch arrives as a mouse) and keys. In kiosk mode no key
// and no close request leaves the kiosk; only the open staff PIN pad and panel take keys.
#pragma once

struct GLFWwindow;

namespace ww {

class KioskApp;

struct WindowInput {
    KioskApp* app = nullptr;
    bool kiosk = true;  // ignore close requests
    bool dirty = true;  // something arrived: draw a frame
    double x = 0, y = 0;
};

// Sends `w`'s input to `in.app`; `in` must outlive the window's callbacks.
void connect_input(GLFWwindow* w, WindowInput& in);

}  // namespace ww
