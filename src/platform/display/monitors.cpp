#include "platform/display/monitors.h"

#include <GLFW/glfw3.h>

#include <string>

#include "core/base/log.h"

namespace ww {

namespace {
// GLFW's monitor callback carries no user pointer.
GLFWwindow* s_window = nullptr;
const KioskConfig* s_cfg = nullptr;
}  // namespace

float monitor_px_per_mm(GLFWmonitor* monitor) {
    if (!monitor) return 0;
    int mm_w = 0, mm_h = 0;
    glfwGetMonitorPhysicalSize(monitor, &mm_w, &mm_h);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode || mm_w < 50 || mm_w > 5000) return 0;  // projectors and Xvfb report odd sizes
    const float v = static_cast<float>(mode->width) / static_cast<float>(mm_w);
    return v >= 1.0f && v <= 40.0f ? v : 0;
}

GLFWmonitor* pick_monitor(int index) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count == 0) return nullptr;
    return monitors[index < count ? index : 0];
}

void follow_monitor_reconnects(GLFWwindow* window, const KioskConfig& cfg) {
    s_window = window;
    s_cfg = &cfg;
    glfwSetMonitorCallback([](GLFWmonitor*, int event) {
        if (event != GLFW_CONNECTED || !s_cfg->window.fullscreen) return;
        GLFWmonitor* m = pick_monitor(s_cfg->window.monitor);
        if (!m) return;
        const GLFWvidmode* mode = glfwGetVideoMode(m);
        glfwSetWindowMonitor(s_window, m, 0, 0, mode->width, mode->height, mode->refreshRate);
        log_event("monitor_connected", {{"width", std::to_string(mode->width)},
                                        {"height", std::to_string(mode->height)}});
    });
}

}  // namespace ww
