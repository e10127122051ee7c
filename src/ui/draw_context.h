// What every drawing function of a frame needs, in one place.
#pragma once
#include <string>

#include "core/access/palette.h"
#include "core/content/content.h"
#include "core/session/session.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/textures.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ww {

struct DrawContext {
    const Content& content;
    const Session& session;
    const Metrics& m;
    const Palette& p;
    FontSet& fonts;
    TextureSource& textures;
    Action& action;  // set by a tap; applied after the frame
    UiState& ui;     // the widgets' items, focus and caches: this kiosk's

    const std::string& lang() const { return session.lang; }
    const std::string& word(const char* key) const { return content.word(key, session.lang); }
    const std::string& tr(const Text& t) const { return t.in(session.lang); }
    void request(Action::Kind k, std::string arg = {}) const { action = {k, std::move(arg)}; }
};

}  // namespace ww
