#include "ui/headless.h"

#include <imgui.h>

namespace ww {

HeadlessKiosk::HeadlessKiosk(KioskConfig config, ContentLoad content, FontFiles fonts, float w,
                             float h, double now, const Paths& paths, Clock clock)
    : files_(std::move(fonts)), now_(now), w_(w), h_(h) {
    ctx_ = ImGui::CreateContext();
    use();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {w, h};
    build_fonts_for(parse_text_size(config.accessibility.text_size), content.content);
    app_ = std::make_unique<KioskApp>(std::move(config), std::move(content), textures_, fonts_, now,
                                      paths, std::move(clock));
    set_hooks({});
}

HeadlessKiosk::~HeadlessKiosk() {
    use();
    app_.reset();
    ImGui::DestroyContext(ctx_);
}

void HeadlessKiosk::use() {
    ImGui::SetCurrentContext(ctx_);
}

void HeadlessKiosk::build_fonts_for(TextSize size, std::shared_ptr<const Content> content) {
    use();
    ImGuiIO& io = ImGui::GetIO();
    build_fonts(*io.Fonts, fonts_, files_, std::move(content), w_, h_, kAssumedPxPerMm, size);
    unsigned char* px;
    int tw, th;
    io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
}

KioskApp& HeadlessKiosk::app() {
    use();
    return *app_;
}

int HeadlessKiosk::frame_count() {
    use();
    return ImGui::GetFrameCount();
}

void HeadlessKiosk::set_hooks(AppHooks hooks) {
    hooks.rebuild_fonts = [this](TextSize size, std::shared_ptr<const Content> content) {
        build_fonts_for(size, std::move(content));
    };
    app_->set_hooks(std::move(hooks));
}

void HeadlessKiosk::resize(float w, float h) {
    use();
    w_ = w;
    h_ = h;
    ImGui::GetIO().DisplaySize = {w, h};
    build_fonts_for(fonts_.size, fonts_.content);
}

void HeadlessKiosk::step(double dt) {
    use();
    now_ += dt;
    app_->frame(now_);
}

void HeadlessKiosk::settle(int max) {
    use();
    for (int i = 0; i < max; ++i) {
        now_ += 1.0 / 60;
        if (!app_->frame(now_)) break;
    }
}

void HeadlessKiosk::tap(float x, float y) {
    use();
    app_->press(x, y, now_);
    app_->release(x, y, now_ + 0.001);  // shorter than a frame: must still count
    settle();
}

void HeadlessKiosk::drag(float x, float y, float dx, float dy, int steps) {
    use();
    app_->press(x, y, now_);
    step();
    for (int i = 1; i <= steps; ++i) {
        app_->move(x + dx * i / steps, y + dy * i / steps, now_);
        step();
    }
    app_->release(x + dx, y + dy, now_);
    settle(600);
}

const std::map<std::string, ItemRect>& HeadlessKiosk::items() {
    return app_->ui().items;
}

bool HeadlessKiosk::find(const char* id, float& x, float& y) {
    auto& all = items();
    auto it = all.find(id);
    if (it == all.end()) return false;
    x = (it->second.x0 + it->second.x1) / 2;
    y = (it->second.y0 + it->second.y1) / 2;
    return true;
}

}  // namespace ww
