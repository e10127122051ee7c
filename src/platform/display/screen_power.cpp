#include "platform/display/screen_power.h"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

#include "core/base/log.h"

// GLFW's X11 display (glfw3native.h would also want the Xrandr headers, which we do not use).
extern "C" Display* glfwGetX11Display(void);

namespace ww {

ScreenPower::ScreenPower() {
    display_ = glfwGetX11Display();
    if (!display_) return;
    // No blanking by the X server: it would show a black screen in the middle of a visit.
    XSetScreenSaver(display_, 0, 0, DontPreferBlanking, AllowExposures);
    int event = 0, error = 0;
    available_ = DPMSQueryExtension(display_, &event, &error) && DPMSCapable(display_);
    if (available_) {
        DPMSSetTimeouts(display_, 0, 0, 0);
        DPMSEnable(display_);
        DPMSForceLevel(display_, DPMSModeOn);
    }
    XFlush(display_);
}

void ScreenPower::set_dark(bool dark) {
    if (dark == dark_) return;
    dark_ = dark;
    if (!available_) {
        if (dark && !told_unavailable_)
            log_event("screen_power", {{"status", "unavailable"}, {"fallback", "dim"}});
        told_unavailable_ = true;
        return;
    }
    DPMSForceLevel(display_, dark ? DPMSModeOff : DPMSModeOn);
    XFlush(display_);
    log_event("screen_power", {{"state", dark ? "off" : "on"}});
}

}  // namespace ww
