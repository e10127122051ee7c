// What differs between the library versions of the Debian releases the kiosk is built on, in one
// place: Debian 12 has GLFW 3.3 and Dear ImGui 1.86, Debian 13 has GLFW 3.4 and ImGui 1.90.
//
// GLFW 3.4 holds an X11 and a Wayland backend in one library and prefers Wayland when it finds a
// compositor. The kiosk needs X11: its X server is Xorg (deploy/session/session), screen power is
// X11 DPMS (platform/display/screen_power.cpp), portrait mounting is xrandr and xinput. So it asks
// for X11, which GLFW 3.3's libglfw3 (the X11 build) always was.
//
// ImGui needs nothing here: keys come from GLFW callbacks (platform/window/window_input.cpp), never
// from io.KeyMap / GetKeyIndex, which 1.87 replaced; the pointer is written to io.MousePos and
// io.MouseDown, which 1.90 still reads once a frame as 1.86 does (ui/app_frame.cpp); and
// BeginChild's `bool border` became ImGuiChildFlags in 1.90 with false = 0. Its one difference
// in what a visitor sees, font sizes in whole pixels, is in the ui layer: ui/fonts.cpp (whole_px).
#pragma once
// glad must come before GLFW.
#include <GLFW/glfw3.h>
#include <glad/gl.h>

namespace ww {

// Before glfwInit.
inline void glfw_ask_for_x11() {
#if GLFW_VERSION_MAJOR > 3 || (GLFW_VERSION_MAJOR == 3 && GLFW_VERSION_MINOR >= 4)
    glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
#endif
}

}  // namespace ww
