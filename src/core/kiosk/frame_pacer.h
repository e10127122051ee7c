// When the next frame of a stream (a drag, a flick, the frames that settle a change) may start:
// at most 60 a second. Where the buffer swap waits for the display's refresh (vsync), the swap
// paces the stream by itself, and a clock of our own on top of it beats against the refresh: a
// frame that starts a little late misses its refresh and shows a whole one later (the drag's
// frame time p99 was 22-31 ms at 60 fps, tests/bench.sh). So after a swap that waited, the next
// frame starts at once; after one that did not (no vsync: some drivers), it waits out the rest of
// the interval.
#pragma once

namespace ww {

struct FramePacer {
    double min_interval = 1.0 / 60;  // seconds between frame starts, at least
    double vsync_wait = 0.002;       // a swap that waited this long waited for the refresh

    // A frame `started`, had finished drawing at `drawn` and was on screen at `shown` (when the
    // swap returned); all in seconds on one clock.
    void done(double started, double drawn, double shown) {
        next_ = shown - drawn >= vsync_wait ? shown : started + min_interval;
    }
    // The earliest start of the next frame of a stream.
    double next() const { return next_; }

  private:
    double next_ = -1e9;  // no frame yet: at once
};

}  // namespace ww
