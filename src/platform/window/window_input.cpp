#include "platform/window/window_input.h"

#include <GLFW/glfw3.h>

#include <optional>
#include <string>

#include "core/base/log.h"
#include "ui/app.h"

namespace ww {

std::optional<NavKey> nav_key_of(int key, int mods) {
    // A numeric keypad works as a visitor's keypad, with Num Lock on or off (GLFW reports its keys
    // as KP_ either way, so the lock's state never matters: EN 301 549 5.6.1): 8 and 4 back, 2
    // and 6 on, 5 (the key with the raised dot) chooses, 7 home, 1 back a screen, 9 help, 3 again.
    switch (key) {
        case GLFW_KEY_TAB:
            return (mods & GLFW_MOD_SHIFT) ? NavKey::Prev : NavKey::Next;
        case GLFW_KEY_DOWN:
        case GLFW_KEY_RIGHT:
        case GLFW_KEY_KP_2:
        case GLFW_KEY_KP_6:
            return NavKey::Next;
        case GLFW_KEY_UP:
        case GLFW_KEY_LEFT:
        case GLFW_KEY_KP_8:
        case GLFW_KEY_KP_4:
            return NavKey::Prev;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
        case GLFW_KEY_SPACE:
        case GLFW_KEY_KP_5:
            return NavKey::Activate;
        case GLFW_KEY_BACKSPACE:
        case GLFW_KEY_KP_1:
            return NavKey::Back;
        case GLFW_KEY_HOME:
        case GLFW_KEY_KP_7:
            return NavKey::Home;
        case GLFW_KEY_F1:
        case GLFW_KEY_KP_9:
            return NavKey::Help;
        case GLFW_KEY_R:
        case GLFW_KEY_KP_3:
            return NavKey::Repeat;
        default:
            return std::nullopt;  // Escape, F11, Alt+F4 ... stay blocked
    }
}

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
        if (action != GLFW_PRESS) st->at_once = true;
    });
    // No key leaves the kiosk: Esc, F11, Alt+F4 and other shortcuts do nothing. A visitor's
    // navigation keys (nav_key) work; the open staff PIN pad and panel take their keys instead.
    glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int, int action, int mods) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (action != GLFW_PRESS) return;
        // "+", "-" and "?" come as characters (any layout, the keypad too): see the char callback.
        if (key == GLFW_KEY_KP_ADD || key == GLFW_KEY_KP_SUBTRACT || key == GLFW_KEY_MINUS ||
            key == GLFW_KEY_EQUAL || key == GLFW_KEY_SLASH)
            return;
        if (!st->app->admin_visible()) {
            if (auto nav = nav_key_of(key, mods)) {
                if (st->app->nav_key(*nav, glfwGetTime())) st->dirty = st->at_once = true;
                return;
            }
        }
        // ... the staff PIN pad and panel (digits, Enter, Backspace, Esc, x).
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
            st->dirty = st->at_once = true;
        else {  // a digit may be a PIN, letters may be a visitor's words: never log which
            st->app->silence();
            const bool digit = ch >= '0' && ch <= '9';
            const bool letter = ch >= 'a' && ch <= 'z';
            log_event("key_ignored", {{"key", digit    ? "digit"
                                              : letter ? "letter"
                                                       : std::to_string(key)}});
        }
    });
    glfwSetCharCallback(w, [](GLFWwindow* w, unsigned int codepoint) {
        auto* st = static_cast<WindowInput*>(glfwGetWindowUserPointer(w));
        if (st->app->admin_visible()) return;
        std::optional<NavKey> nav;
        if (codepoint == '+') nav = NavKey::VolumeUp;
        if (codepoint == '-') nav = NavKey::VolumeDown;
        if (codepoint == '?') nav = NavKey::Help;
        if (nav && st->app->nav_key(*nav, glfwGetTime())) st->dirty = st->at_once = true;
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
