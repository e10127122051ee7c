// The screen's power, through the X server's DPMS extension (libXext): dark at night between
// visitors, on again for a session. At start it also switches off the X screen saver and DPMS's
// own timeouts, so only the kiosk decides when the screen sleeps. A display without DPMS (Xvfb,
// the dummy driver, some panels) is logged once; the kiosk then keeps the dimmed attract loop.
#pragma once

typedef struct _XDisplay Display;

namespace ww {

class ScreenPower {
  public:
    ScreenPower();  // on the display GLFW opened; call after the window exists
    // Dark (true) or on; does nothing when the screen already is so.
    void set_dark(bool dark);
    bool available() const { return available_; }

  private:
    Display* display_ = nullptr;
    bool available_ = false;
    bool dark_ = false;
    bool told_unavailable_ = false;
};

}  // namespace ww
