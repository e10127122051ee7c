// What the kiosk's first frame needs and no window does: the content (read and checked), the font
// files (fontconfig), home's pictures decoded, and the font atlas. The real window loads them on
// a thread of its own while the main thread opens the display and the GL context, which on a
// software renderer is most of a start (tests/bench.sh: first_frame_ms).
#pragma once
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/content/content.h"
#include "platform/assets/pictures.h"
#include "ui/fonts.h"

namespace ww {

struct StartLoad {
    ContentLoad content;
    FontFiles fonts;
    std::map<std::string, DecodedPicture> pictures;  // home's, by file name (none if broken)
    bool atlas_built = false;  // the FontJob's atlas and set hold this content's fonts
};

struct StartPaths {
    std::string layouts, assets;
    std::string font_regular, font_bold;  // fontconfig patterns or paths (fonts.* in the profile)
};

// The atlas to build once the display's size is known. ImGui allocates through its current
// context, so nothing may create one (or touch `atlas`) until take() has returned.
struct FontJob {
    ImFontAtlas* atlas = nullptr;
    FontSet* set = nullptr;
    float width = 0, height = 0, px_per_mm = 0;
    TextSize size = TextSize::Normal;
    double viewing_cm = 50;
};

// Everything but the atlas, on the calling thread (--proof, tests).
StartLoad load_start(const StartPaths& paths);

// load_start on a thread of its own, then the atlas when build_fonts() gives its job. Signals
// stay blocked on that thread as on the one that makes the loader.
class StartLoader {
  public:
    explicit StartLoader(StartPaths paths);
    ~StartLoader();  // waits for the thread; a job not given by then is not built
    StartLoader(const StartLoader&) = delete;
    StartLoader& operator=(const StartLoader&) = delete;

    void build_fonts(const FontJob& job);
    // Waits for the load (and the atlas, if build_fonts was called). Once.
    StartLoad take();

  private:
    void run(const StartPaths& paths);

    std::mutex m_;
    std::condition_variable cv_;
    std::optional<FontJob> job_;
    bool no_job_ = false;  // take() or the destructor came first: no atlas
    StartLoad load_;
    std::thread thread_;
};

}  // namespace ww
