// A place a visitor can be: an information screen, a guide question or a guide result. One model
// for its id, its title, and how it is named in logs, in file names and on the command line.
#pragma once
#include <string>
#include <vector>

#include "core/content/content.h"

namespace ww {

enum class PlaceKind { Screen, Question, Result };

struct Place {
    PlaceKind kind = PlaceKind::Screen;
    std::string id;
    bool operator==(const Place& o) const { return kind == o.kind && id == o.id; }
    // "screen:home", "question:rol", "result:uwv-eigen": scroll memory and --log-items.
    std::string key() const;
    // "screen", "question", "result": the log field, as in `event=navigate question=rol`.
    const char* kind_name() const;
    // "vormen", "guide-rol", "result-uwv-eigen": --proof file names and --speak arguments.
    std::string file_name() const;
};

// Every place of the content: screens, then questions, then results.
std::vector<Place> all_places(const Content& c);
bool place_exists(const Content& c, const Place& p);
// The title of `p` in `lang` (a screen's title, a question's text, a result's title); the id
// when the content has no such place.
std::string place_title(const Content& c, const Place& p, const std::string& lang);
// The place whose file_name() is `name`; false when the content has none.
bool place_from_name(const Content& c, const std::string& name, Place& out);

}  // namespace ww
