#include "core/touch/touch.h"

#include <cmath>

namespace ww {

namespace {
constexpr float kNowhere = -1e6f;
constexpr float kMinVelocity = 20;  // px/s below which inertia stops
}  // namespace

void TouchInput::press(float x, float y, double now) {
    down_ = true;
    dragging_ = false;
    velocity_ = 0;
    start_x_ = last_x_ = x;
    start_y_ = last_y_ = y;
    last_move_t_ = press_t_ = now;
    queue_.push_back({x, y, true});
}

void TouchInput::move(float x, float y, double now) {
    if (!down_) return;  // hover: nothing to do
    if (!dragging_ && std::hypot(x - start_x_, y - start_y_) > threshold_) {
        dragging_ = true;
        // The scroll follows the finger from where it started.
        pending_dy_ += start_y_ - y;
        last_y_ = y;
        last_move_t_ = now;
        // ImGui sees the pointer leave at once: the pressed button will not fire on release.
        queue_.clear();
        queue_.push_back({kNowhere, kNowhere, true});
        return;
    }
    if (dragging_) {
        const float dy = last_y_ - y;
        const double dt = now - last_move_t_;
        pending_dy_ += dy;
        if (dt > 0) {
            const float v = static_cast<float>(dy / dt);
            velocity_ = 0.6f * v + 0.4f * velocity_;  // smoothed
        }
        last_y_ = y;
        last_move_t_ = now;
        return;
    }
    last_x_ = x;
    last_y_ = y;
    if (!queue_.empty() && queue_.back().down)
        queue_.back() = {x, y, true};
    else
        queue_.push_back({x, y, true});
}

void TouchInput::release(float x, float y, double now) {
    if (!down_) return;
    down_ = false;
    if (dragging_) {
        dragging_ = false;
        if (now - last_move_t_ > 0.1) velocity_ = 0;  // the finger rested: no flick
        queue_.push_back({kNowhere, kNowhere, false});
    } else {
        queue_.push_back({x, y, false});
    }
}

void TouchInput::cancel() {
    queue_.clear();
    down_ = dragging_ = false;
    velocity_ = pending_dy_ = 0;
    last_ = {kNowhere, kNowhere, false};
}

PointerFrame TouchInput::frame(double now) {
    const double dt = last_frame_t_ < 0 ? 0 : now - last_frame_t_;
    last_frame_t_ = now;
    PointerFrame f;
    if (!queue_.empty()) {
        last_ = queue_.front();
        queue_.pop_front();
    } else if (!last_.down) {
        last_ = {kNowhere, kNowhere, false};  // the frame after a release: pointer leaves
    }
    f.x = last_.x;
    f.y = last_.y;
    f.down = last_.down;
    f.scroll_dy = pending_dy_;
    pending_dy_ = 0;
    if (!down_ && velocity_ != 0 && dt > 0) {
        f.scroll_dy += static_cast<float>(velocity_ * dt);
        velocity_ *= static_cast<float>(std::exp(-decay_ * dt));
        if (std::fabs(velocity_) < kMinVelocity) velocity_ = 0;
    }
    f.busy = !queue_.empty() || down_ || velocity_ != 0 || last_.down || last_.x != kNowhere;
    return f;
}

bool DoubleTap::tap(const std::string& target, double now) {
    const bool second = !target.empty() && target == last_ && now - last_t_ <= window_;
    last_ = second ? std::string() : target;
    last_t_ = now;
    return second;
}

bool KeyBounce::accept(int key, double now) {
    if (key == last_ && now - last_t_ < window_) return false;
    last_ = key;
    last_t_ = now;
    return true;
}

}  // namespace ww
