/* The floor for tests/bench.sh: a bare GLFW window with a GL 3.3 context that clears and swaps
 * once, logs `event=first_frame` like the kiosk, then waits for events until SIGTERM. */
#include <GLFW/glfw3.h>
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t quit = 0;

static void on_term(int sig) {
    (void)sig;
    quit = 1;
    glfwPostEmptyEvent();
}

int main(void) {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : NULL;
    GLFWwindow* w = glfwCreateWindow(mode ? mode->width : 1920, mode ? mode->height : 1080, "bare",
                                     monitor, NULL);
    if (!w) return 1;
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);
    signal(SIGTERM, on_term);
    glClearColor(0.2f, 0.3f, 0.4f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(w);
    fprintf(stderr, "bare: event=first_frame\n");
    fflush(stderr);
    while (!quit && !glfwWindowShouldClose(w)) glfwWaitEvents();
    glfwDestroyWindow(w);
    glfwTerminate();
    return 0;
}
