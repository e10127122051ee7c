// The beat of a stream of frames (a drag, a flick, the frames that settle a change): when each
// may start, and when a drawn one is shown, at most 60 a second.
//
// Where the buffer swap waits for the display's refresh (vsync), the swap paces the stream: the
// next frame starts as it returns. A clock of our own on top would beat against the refresh (a
// frame that starts a little late misses its refresh and shows a whole one later).
//
// Without vsync (Xvfb, a software renderer on plain X, some drivers) frames start on our clock,
// 1/60 s apart, and take as long to draw as their content asks: under llvmpipe at 1080p 6 to
// 11 ms for the same scrolling screen. Shown as soon as drawn, they reached the screen up to 5 ms
// early or late, and the drag's frame times went 11, 22, 16 ms (p99 22 ms, tests/bench.sh). So a
// frame drawn early is held until the longest drawing time of the last frames has passed since
// its start: every frame of the stream is shown the same time after its start, on a steady beat.
#pragma once
#include <algorithm>
#include <array>

namespace ww {

class FramePacer {
  public:
    double min_interval = 1.0 / 60;  // seconds between frame starts
    double vsync_wait = 0.002;       // a swap that waited this long waited for the refresh

    // When a stream's frame that `started` should be shown (its swap called); at once when
    // the swap paces (vsync) or for a frame that is no part of a stream.
    double show_at(double started) const { return vsync_ ? started : started + budget_; }

    // A frame `started`, was drawn at `drawn` (glFinish), its swap called at `swapped` and
    // returned at `shown`, in seconds on one clock.
    void done(double started, double drawn, double swapped, double shown) {
        vsync_ = shown - swapped >= vsync_wait;
        next_ = vsync_ ? shown : started + min_interval;
        recent_[n_++ % recent_.size()] = drawn - started;
        const size_t have = std::min(n_, recent_.size());
        const double longest = *std::max_element(recent_.begin(), recent_.begin() + have);
        budget_ = std::min(longest + kMargin, min_interval - kMargin);
    }
    // The earliest start of the next frame of a stream.
    double next() const { return next_; }

  private:
    static constexpr double kMargin = 0.0005;
    std::array<double, 30> recent_{};  // drawing times of the last half second of frames
    size_t n_ = 0;
    double next_ = -1e9;  // no frame yet: at once
    double budget_ = 0;
    bool vsync_ = false;
};

}  // namespace ww
