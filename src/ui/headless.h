// Drives a KioskApp without a window: an ImGui context with a built font atlas and no renderer
// (like ImGui's example_null). Tests, the soak run and the fuzzers use it. Each HeadlessKiosk owns
// its ImGui context and makes it current in every call, so several can live in one process.
#pragma once
#include <memory>

#include "ui/app.h"

namespace ww {

class HeadlessKiosk {
  public:
    // `paths` and `clock` as for KioskApp: no state folder and the system clock by default.
    HeadlessKiosk(KioskConfig config, ContentLoad content, FontFiles fonts, float w = 1920,
                  float h = 1080, double now = 0, const Paths& paths = {}, Clock clock = {});
    ~HeadlessKiosk();
    HeadlessKiosk(const HeadlessKiosk&) = delete;
    HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;

    // The app, with this kiosk's ImGui context made current (for direct press/apply calls).
    KioskApp& app();
    double now() const { return now_; }
    // Advances the fake clock by `dt` and renders one frame.
    void step(double dt = 1.0 / 60);
    // Renders frames (60 fps fake clock) until the app needs none, at most `max` frames.
    void settle(int max = 30);
    // A tap: press, one frame, release, frames until settled.
    void tap(float x, float y);
    // A drag from (x, y) by (dx, dy) over `steps` frames, then release.
    void drag(float x, float y, float dx, float dy, int steps = 10);
    // The tappable items of this kiosk's last frame (ids like "##home", "##tile-guide").
    const std::map<std::string, ItemRect>& items();
    // Centre of the item with this ImGui label id (e.g. "##home") in the last frame.
    bool find(const char* id, float& x, float& y);
    // A new display size (rotation, another monitor): fonts follow, as in the real window.
    void resize(float w, float h);
    // Extra hooks (speech, reload) for a test; the font hook stays the headless one.
    void set_hooks(AppHooks hooks);
    // The fonts as last built, and how many frames this kiosk's context has rendered.
    const FontSet& fonts() const { return fonts_; }
    int frame_count();

  private:
    void use();  // makes this kiosk's ImGui context current
    void build_fonts_for(TextSize size, std::shared_ptr<const Content> content);

    ImGuiContext* ctx_ = nullptr;
    FontSet fonts_;
    FontFiles files_;
    NullTextures textures_;
    std::unique_ptr<KioskApp> app_;
    double now_;
    float w_, h_;
};

}  // namespace ww
