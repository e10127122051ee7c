#include "platform/kiosk_wiring.h"

namespace ww {

WindowedKiosk make_kiosk(GlWindow& win, const KioskConfig& cfg, const RunOptions& opts, double now,
                         std::function<void()> reload) {
    ContentLoad load = load_content(opts.layouts_dir, opts.assets_dir);
    win.build_fonts_for(parse_text_size(cfg.accessibility.text_size), load.content);
    WindowedKiosk k;
    k.app = std::make_unique<KioskApp>(cfg, std::move(load), *win.textures, win.fonts, now);
    KioskApp* app = k.app.get();
    app->set_px_per_mm(win.px_per_mm);
    app->set_log_items(opts.log_items);
    k.speaker = std::make_unique<Speaker>(cfg.accessibility.speech_rate);
    Speaker* speaker = k.speaker.get();
    AppHooks hooks;
    hooks.rebuild_fonts = [&win](TextSize s, std::shared_ptr<const Content> content) {
        win.build_fonts_for(s, std::move(content));
    };
    hooks.speak = [speaker](const std::string& text, const std::string& lang, int volume) {
        speaker->speak(text, lang, volume);
    };
    hooks.stop_speech = [speaker] { speaker->stop(); };
    hooks.reload_content = std::move(reload);
    hooks.speaking = [speaker] { return speaker->busy(); };
    app->set_hooks(std::move(hooks));
    app->set_config_path(opts.config_path);
    return k;
}

}  // namespace ww
