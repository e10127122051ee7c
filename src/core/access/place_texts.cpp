#include "core/access/place_texts.h"

#include "core/access/speech.h"
#include "core/content/glossary.h"

namespace ww {

const PlaceTexts& PlaceTextsCache::get(const std::shared_ptr<const Content>& content,
                                       const Place& p, const std::string& lang,
                                       const Answers& answers, const KioskConfig::Site* site) {
    if (content == content_ && p == place_ && lang == lang_ && answers == answers_ && site == site_)
        return texts_;
    site_ = site;
    content_ = content;
    place_ = p;
    lang_ = lang;
    answers_ = answers;
    texts_ = {};
    if (p.kind == PlaceKind::Result) {
        texts_.advice = advice_for(*content, p.id, answers, site);
        if (texts_.advice.result) texts_.summary = summary_text(*content, texts_.advice, lang);
    }
    texts_.glossary = glossary_in(*content, place_text(*content, p, lang, answers, site), lang);
    return texts_;
}

}  // namespace ww
