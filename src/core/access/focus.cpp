#include "core/access/focus.h"

#include <algorithm>
#include <cmath>

namespace ww {

Role role_of(const std::string& id) {
    auto starts = [&](const char* p) { return id.rfind(p, 0) == 0; };
    if (starts("##link-") || starts("##tile-") || starts("##card-")) return Role::Link;
    if (starts("##answer-")) return Role::Answer;
    if (starts("##question")) return Role::Question;
    return Role::Button;
}

const char* role_word(Role r) {
    switch (r) {
        case Role::Button:
            return "role_button";
        case Role::Link:
            return "role_link";
        case Role::Question:
            return "role_question";
        case Role::Answer:
            return "role_answer";
    }
    return "role_button";
}

std::vector<FocusTarget> visual_order(std::vector<FocusTarget> items) {
    std::stable_sort(items.begin(), items.end(), [](const FocusTarget& a, const FocusTarget& b) {
        const float ra = std::round(a.region), rb = std::round(b.region);
        if (ra != rb) return ra < rb;
        const float ya = std::round(a.y0), yb = std::round(b.y0);
        if (ya != yb) return ya < yb;
        return std::round(a.x0) < std::round(b.x0);
    });
    return items;
}

void Focus::update(const std::string& context, std::vector<FocusTarget> items) {
    const std::string was =
        context == context_ && index_ >= 0 && index_ < static_cast<int>(items_.size())
            ? items_[index_].id
            : std::string();
    context_ = context;
    items_ = visual_order(std::move(items));
    index_ = -1;
    if (!was.empty()) focus(was);
}

bool Focus::next() {
    if (items_.empty()) return false;
    index_ = index_ < 0 ? 0 : (index_ + 1) % static_cast<int>(items_.size());
    return true;
}

bool Focus::prev() {
    if (items_.empty()) return false;
    const int n = static_cast<int>(items_.size());
    index_ = index_ <= 0 ? n - 1 : index_ - 1;
    return true;
}

bool Focus::focus(const std::string& id) {
    for (size_t i = 0; i < items_.size(); ++i)
        if (items_[i].id == id) {
            index_ = static_cast<int>(i);
            return true;
        }
    return false;
}

const FocusTarget* Focus::focused() const {
    return index_ >= 0 && index_ < static_cast<int>(items_.size()) ? &items_[index_] : nullptr;
}

}  // namespace ww
