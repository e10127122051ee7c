// --tour (tests/bench.sh): the kiosk shows every place once in every text size, one frame each,
// then starts a fresh session on home; so the bench can measure memory after every font size,
// picture and screen has been used, in the real window.
#pragma once
#include <cstddef>
#include <vector>

#include "core/content/place.h"
#include "core/session/session.h"
#include "ui/app.h"

namespace ww {

class Tour {
  public:
    explicit Tour(const KioskApp& app);
    // Puts `app` on the next place (in its text size). When every step has been shown, resets
    // the session and returns false.
    bool next(KioskApp& app);
    size_t steps() const { return places_.size() * 3; }

  private:
    std::vector<Place> places_;
    size_t step_ = 0;
};

}  // namespace ww
