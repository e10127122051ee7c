// The app on a real window: content loaded, fonts built for it, read-aloud on the audio device,
// and the hooks that connect the three.
#pragma once
#include <functional>
#include <memory>

#include "app/runner.h"
#include "app/start_load.h"
#include "platform/admin/pin_verifier.h"
#include "platform/speech/speaker.h"
#include "platform/stats/stats_writer.h"
#include "platform/window/gl_window.h"
#include "ui/app.h"

namespace ww {

struct WindowedKiosk {
    std::unique_ptr<ThreadPinVerifier> pins;  // the staff PIN, checked off the frame loop
    std::unique_ptr<StatsWriter> stats;       // usage figures (null when stats.enabled is false)
    std::unique_ptr<Speaker> speaker;         // silent (logged once) without an audio device
    std::unique_ptr<KioskApp> app;  // destroyed first: its hooks use the speaker and stats
};

// The usage-figures writer for `cfg` (<state folder>/stats.sqlite, dated by the run's clock), or
// null when stats.enabled is false.
std::unique_ptr<StatsWriter> make_stats_writer(const KioskConfig& cfg, const RunOptions& opts);

// The app in `win` on what `start` loaded (its fonts and pictures go to the window). `reload` asks
// the frame loop for a content reload (the admin panel's button); null = none.
WindowedKiosk make_kiosk(GlWindow& win, const KioskConfig& cfg, const RunOptions& opts,
                         StartLoad start, double now, std::function<void()> reload);

}  // namespace ww
