#include "app/kiosk_wiring.h"

#include "platform/stats/stats_store.h"

namespace ww {

std::unique_ptr<StatsWriter> make_stats_writer(const KioskConfig& cfg, const RunOptions& opts) {
    if (!cfg.stats.enabled) return nullptr;
    StatsSettings s;
    const std::string& dir = opts.paths.state_dir;
    s.path = dir.empty() ? "" : stats_path(dir);
    s.keep_days = cfg.stats.keep_days;
    s.clock = opts.clock;
    return std::make_unique<StatsWriter>(std::move(s));
}

WindowedKiosk make_kiosk(GlWindow& win, const KioskConfig& cfg, const RunOptions& opts,
                         StartLoad start, double now, std::function<void()> reload) {
    ContentLoad load = std::move(start.content);
    win.files = std::move(start.fonts);
    win.textures->adopt(std::move(start.pictures));
    if (start.atlas_built)
        win.upload_font_texture();
    else
        win.build_fonts_for(parse_text_size(cfg.accessibility.text_size), load.content);
    WindowedKiosk k;
    k.app = std::make_unique<KioskApp>(cfg, std::move(load), *win.textures, win.fonts, now,
                                       opts.paths, opts.clock);
    KioskApp* app = k.app.get();
    app->set_px_per_mm(win.px_per_mm);
    app->set_log_items(opts.log_items);
    app->set_log_visits(opts.log_visits);
    k.pins = std::make_unique<ThreadPinVerifier>();
    app->set_pin_verifier(k.pins.get());
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
    k.stats = make_stats_writer(cfg, opts);
    if (StatsWriter* stats = k.stats.get()) {
        hooks.session_ended = [stats](SessionRecord r) { stats->push(std::move(r)); };
        hooks.usage_figures = [stats] { return stats->recent(); };
    }
    app->set_hooks(std::move(hooks));
    return k;
}

}  // namespace ww
