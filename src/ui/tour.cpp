#include "ui/tour.h"

namespace ww {

Tour::Tour(const KioskApp& app) : places_(app.all_places()) {}

bool Tour::next(KioskApp& app) {
    if (step_ >= steps()) {
        app.reset_session("tour");
        return false;
    }
    static constexpr TextSize kSizes[] = {TextSize::Normal, TextSize::Large, TextSize::Larger};
    app.session().text_size = kSizes[step_ / places_.size()];
    app.show(places_[step_ % places_.size()]);  // keeps the text size
    ++step_;
    return true;
}

}  // namespace ww
