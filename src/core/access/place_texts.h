// What the screens derive from the content for the place shown: the advice of a result, its
// take-away summary (the second QR code), and the hard words the place uses. Deriving them walks
// every text of the place and matches every glossary word, so the app keeps them per place,
// language and answers instead of deriving them again on each drawn frame (a drag redraws up to
// 60 times a second).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/content/place.h"
#include "core/guide/advice.h"

namespace ww {

struct PlaceTexts {
    Advice advice;        // result places only (advice.result is null elsewhere)
    std::string summary;  // the advice as plain text; empty elsewhere
    std::vector<const GlossaryWord*> glossary;  // the hard words of the place, in glossary order
};

class PlaceTextsCache {
  public:
    // The texts of `p` in `lang` with `answers`; derived again only when one of these or the
    // content snapshot differs from the last call.
    // `site` (the profile's [site], kept by the caller) fills "Waar gaat u heen?".
    const PlaceTexts& get(const std::shared_ptr<const Content>& content, const Place& p,
                          const std::string& lang, const Answers& answers,
                          const KioskConfig::Site* site = nullptr);

  private:
    std::shared_ptr<const Content> content_;  // keeps the pointers in texts_ valid
    Place place_;
    std::string lang_;
    Answers answers_;
    const KioskConfig::Site* site_ = nullptr;
    PlaceTexts texts_;
};

}  // namespace ww
