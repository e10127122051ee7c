// The picture files a screen shows (its tiles and image blocks), in the order they are drawn.
// The kiosk decodes home's before its window is open, so the first frame waits for none.
#pragma once
#include <string>
#include <vector>

#include "core/content/content.h"

namespace ww {

// Each file once; none for an unknown screen.
std::vector<std::string> pictures_on(const Content& c, const std::string& screen_id);

}  // namespace ww
