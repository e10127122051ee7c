// Turns raw pointer events (GLFW delivers touch as a mouse) into what the UI needs: a pointer
// state per frame for ImGui, and scroll offsets for drags and flicks. No ImGui here.
//
// - A press that moves further than the threshold becomes a drag: ImGui then sees the pointer
//   leave, so the button it started on does not fire, and the movement scrolls instead.
// - Press and release are queued and handed out one per frame, so a tap shorter than a frame
//   still reaches ImGui as a press followed by a release (ImGui issue #2074).
// - Between presses the pointer is "nowhere", so nothing shows a hover effect.
#pragma once
#include <deque>
#include <string>

namespace ww {

struct PointerFrame {
    float x = -1e6f, y = -1e6f;  // where ImGui should see the pointer (-1e6 = nowhere)
    bool down = false;
    float scroll_dy = 0;  // add to the scroll offset of the area under the pointer
    bool busy = false;    // more frames needed (queued events, drag or inertia running)
};

class TouchInput {
  public:
    explicit TouchInput(float threshold_px = 24, float decay_per_s = 4)
        : threshold_(threshold_px), decay_(decay_per_s) {}
    void set_threshold(float px) { threshold_ = px; }
    void set_decay(float per_s) { decay_ = per_s; }

    void press(float x, float y, double now);
    void move(float x, float y, double now);
    void release(float x, float y, double now);
    void cancel();  // drop everything (session reset, attract)

    // The pointer state for the next frame.
    PointerFrame frame(double now);

    bool dragging() const { return dragging_; }
    // A finger down and still (no drag) for at least `seconds` (speech mode's hold).
    bool held(double now, double seconds) const {
        return down_ && !dragging_ && now - press_t_ >= seconds;
    }
    // When the current press started (on the caller's clock).
    double press_time() const { return press_t_; }
    bool down() const { return down_; }
    // Where the current press started (for the scroll area under the finger).
    float press_x() const { return start_x_; }
    float press_y() const { return start_y_; }

  private:
    struct Sample {
        float x, y;
        bool down;
    };
    float threshold_;
    float decay_;
    std::deque<Sample> queue_;
    bool down_ = false, dragging_ = false;
    float start_x_ = 0, start_y_ = 0, last_y_ = 0, last_x_ = 0;
    float pending_dy_ = 0;
    float velocity_ = 0;  // px/s, for inertia after a flick
    double last_move_t_ = 0, last_frame_t_ = -1, press_t_ = 0;
    Sample last_{-1e6f, -1e6f, false};
};

// Speech mode's taps: one tap hears an item, a second tap on the same item within `window`
// seconds chooses it.
class DoubleTap {
  public:
    explicit DoubleTap(double window = 0.6) : window_(window) {}
    // A tap on `target` (an item id; "" = none): true when it is the second of a double tap
    // (then the next tap starts afresh).
    bool tap(const std::string& target, double now);
    void reset() { last_.clear(); }

  private:
    double window_;
    std::string last_;
    double last_t_ = -1e9;
};

// Keys that bounce (EN 301 549 5.8): a second press of the same key within `window` seconds of
// the last accepted one is not accepted. A window of 0 accepts every press.
class KeyBounce {
  public:
    explicit KeyBounce(double window = 0) : window_(window) {}
    bool accept(int key, double now);

  private:
    double window_;
    int last_ = -1;
    double last_t_ = -1e9;
};

}  // namespace ww
