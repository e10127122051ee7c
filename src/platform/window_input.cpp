#include "platform/window_input.h"

#include <GLFW/glfw3.h>

#include <string>

#include "core/base/log.h"
#include "ui/app.h"

namespace ww {

void connect_input(GLFWwindow* w, WindowInput& st) {
    glfwSetWindowUserPointer(w, &st);
    glfwSetCursorPosCallback(w, [](GLFWwindow* w, double x, double y) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        st->x = x;
        st->y = y;
        st->app->move(static_cast<float>(x), static_cast<float>(y), glfwGetTime());
        st->dirty = true;
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int button, int action, int) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;  // a palm or second finger: ignored
        glfwGetCursorPos(w, &st->x, &st->y);
        const float x = static_cast<float>(st->x), y = static_cast<float>(st->y);
        if (action == GLFW_PRESS)
            st->app->press(x, y, glfwGetTime());
        else
            st->app->release(x, y, glfwGetTime());
        st->dirty = true;
    });
    // Keys do nothing in the kiosk: no Esc, F11, Alt+F4 or shortcut leaves it.
    glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int, int action, int) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (action != GLFW_PRESS) return;
        // ... except in the staff PIN pad and panel (digits, Enter, Backspace, Esc, x).
        int ch = 0;
        if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9)
            ch = '0' + (key - GLFW_KEY_0);
        else if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9)
            ch = '0' + (key - GLFW_KEY_KP_0);
        else if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)
            ch = '\n';
        else if (key == GLFW_KEY_BACKSPACE)
            ch = '\b';
        else if (key == GLFW_KEY_ESCAPE)
            ch = 27;
        else if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z)
            ch = 'a' + (key - GLFW_KEY_A);
        if (ch && st->app->key(ch, glfwGetTime()))
            st->dirty = true;
        else  // a digit typed before the PIN pad opened may be a PIN: never log which one
            log_event("key_ignored",
                      {{"key", ch >= '0' && ch <= '9' ? "digit" : std::to_string(key)}});
    });
    glfwSetWindowCloseCallback(w, [](GLFWwindow* w) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (st->kiosk) {
            glfwSetWindowShouldClose(w, GLFW_FALSE);
            log_event("close_ignored");
        }
    });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* w) {
        static_cast<WindowInput*>(glfwGetWindowUserPointer(w))->dirty = true;
    });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* w, int, int) {
        static_cast<WindowInput*>(glfwGetWindowUserPointer(w))->dirty = true;
    });
}

}  // namespace ww
