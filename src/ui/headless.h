// Drives a KioskApp without a window: an ImGui context with a built font atlas and no renderer
// (like ImGui's example_null). Tests, the soak run and the fuzzers use it.
#pragma once
#include <memory>

#include "ui/app.h"

namespace ww {

class HeadlessKiosk {
  public:
    HeadlessKiosk(KioskConfig config, ContentLoad content, FontFiles fonts, float w = 1920,
                  float h = 1080, double now = 0);
    ~HeadlessKiosk();

    KioskApp& app() { return *app_; }
    double now() const { return now_; }
    // Advances the fake clock by `dt` and renders one frame.
    void step(double dt = 1.0 / 60);
    // Renders frames (60 fps fake clock) until the app needs none, at most `max` frames.
    void settle(int max = 30);
    // A tap: press, one frame, release, frames until settled.
    void tap(float x, float y);
    // A drag from (x, y) by (dx, dy) over `steps` frames, then release.
    void drag(float x, float y, float dx, float dy, int steps = 10);
    // Screen rectangle of the last item with this ImGui label id in any window (e.g. "##home");
    // found by rendering a frame and searching the ids.
    bool find(const char* id, float& x, float& y);
    void resize(float w, float h);
    // Extra hooks (speech, reload) for a test; the font hook stays the headless one.
    void set_hooks(AppHooks hooks);

  private:
    ImGuiContext* ctx_ = nullptr;
    FontSet fonts_;
    FontFiles files_;
    std::function<void(TextSize)> rebuild_fonts_;
    NullTextures textures_;
    std::unique_ptr<KioskApp> app_;
    double now_;
    float w_, h_;
};

}  // namespace ww
