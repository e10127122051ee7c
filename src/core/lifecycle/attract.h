// Timing of the attract loop. A software renderer pays ~16 ms per full-screen frame, so the loop
// animates at its frame cap only while a message fades in or out; in between it draws one frame
// a second (the invitation blinks at 1 Hz, well below any flash threshold).
#pragma once
#include <cstddef>

namespace ww {

struct AttractTiming {
    double period = 8;  // seconds each message stays
    int fps = 10;       // frame cap during a fade

    double fade() const;                           // length of a fade in or out
    size_t message(double t, size_t count) const;  // which message shows at t (seconds)
    float alpha(double t) const;                   // 0..1 opacity of that message
    bool blink_on(double t) const;                 // the invitation's 1 Hz blink
    double next_frame(double t) const;             // when the picture next changes
};

}  // namespace ww
