// Keyboard and speech-mode focus (EN 301 549 5.1.3, 5.1.6): the focusable items of the current
// place in visual order, which one is focused, next/previous with wrap-around. Pure: the ui hands
// in what it drew each frame (ids, labels, rectangles); tests use made-up items.
#pragma once
#include <string>
#include <vector>

namespace ww {

// The kind of item, spoken after its label (the words are role_* in layouts/kiosk.toml).
enum class Role { Button, Link, Question, Answer };

struct FocusTarget {
    std::string id;     // the ui's item id, e.g. "##tile-guide"
    std::string label;  // what the item says on screen
    Role role = Role::Button;
    // Where it is drawn (pixels, the whole item): y in its page, i.e. with the scroll offset of
    // its scrolling area added, so scrolling does not change the order.
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    // The top of its scrolling area on screen, or of the item itself when it does not scroll:
    // a page under the header comes after the header, above a header at the bottom (reach mode)
    // before it.
    float region = 0;
    bool selected =
        false;  // the current choice of its group (EN 301 549 5.6.1: said, not only shown)
};

// The kind of an item from its id: "##link-", "##tile-", "##card-" are links to a screen,
// "##answer-" answers, "##question" the question; everything else a button.
Role role_of(const std::string& id);
// The [ui] word that names `r`: "role_button", "role_link", "role_question", "role_answer".
const char* role_word(Role r);
// `items` sorted as read: by region, then top to bottom, then left to right (y then x of the
// top-left corner, rounded to whole pixels so one row of items stays one row).
std::vector<FocusTarget> visual_order(std::vector<FocusTarget> items);

class Focus {
  public:
    // The items drawn in `context` (the place, or a panel over it) this frame. Another context
    // than last time: nothing focused. The same one: the focused item stays focused when it is
    // still there (its index may change), else nothing is.
    void update(const std::string& context, std::vector<FocusTarget> items);
    // Moves to the next / previous item, wrapping around; from nothing focused, next is the
    // first item and previous the last. False when there is nothing to focus.
    bool next();
    bool prev();
    // Focuses the item with this id; false when it is not there.
    bool focus(const std::string& id);
    void clear() { index_ = -1; }
    // The focused item, or null.
    const FocusTarget* focused() const;
    int index() const { return index_; }
    const std::vector<FocusTarget>& items() const { return items_; }
    const std::string& context() const { return context_; }

  private:
    std::string context_;
    std::vector<FocusTarget> items_;
    int index_ = -1;
};

}  // namespace ww
