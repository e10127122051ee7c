#include "app/start_load.h"

#include <sys/resource.h>
#include <unistd.h>

#include "core/content/pictures.h"
#include "platform/assets/font_files.h"

namespace ww {

StartLoad load_start(const StartPaths& paths) {
    StartLoad s;
    s.content = load_content(paths.layouts, paths.assets);
    s.fonts = find_fonts(paths.font_regular, paths.font_bold);
    if (s.content.ok())
        for (const std::string& file : pictures_on(*s.content.content, s.content.content->home))
            if (DecodedPicture p = decode_picture(paths.assets + "/" + file); p.rgba)
                s.pictures.emplace(file, std::move(p));
    return s;
}

StartLoader::StartLoader(StartPaths paths) : thread_([this, p = std::move(paths)] { run(p); }) {}

StartLoader::~StartLoader() {
    {
        std::lock_guard<std::mutex> lock(m_);
        no_job_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void StartLoader::build_fonts(const FontJob& job) {
    {
        std::lock_guard<std::mutex> lock(m_);
        job_ = job;
    }
    cv_.notify_all();
}

StartLoad StartLoader::take() {
    {
        std::lock_guard<std::mutex> lock(m_);
        no_job_ = true;  // a job given before now is still built: the thread checks it first
    }
    cv_.notify_all();
    thread_.join();
    return std::move(load_);
}

void StartLoader::run(const StartPaths& paths) {
    // Below the main thread and the X server: their work (opening the display, the window and the
    // GL context) is the path to the first frame; this thread needs less time than that, and
    // on a machine of two cores it would otherwise take theirs.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    StartLoad s = load_start(paths);
    std::optional<FontJob> job;
    {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [this] { return job_ || no_job_; });
        job = job_;
    }
    if (job) {
        ww::build_fonts(*job->atlas, *job->set, s.fonts, s.content.content, job->width, job->height,
                        job->px_per_mm, job->size, job->viewing_cm);
        s.atlas_built = true;
    }
    load_ = std::move(s);  // read by take() after the join
}

}  // namespace ww
