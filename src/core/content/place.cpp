#include "core/content/place.h"

namespace ww {

const char* Place::kind_name() const {
    switch (kind) {
        case PlaceKind::Screen:
            return "screen";
        case PlaceKind::Question:
            return "question";
        case PlaceKind::Result:
            return "result";
    }
    return "";
}

std::string Place::key() const {
    return std::string(kind_name()) + ":" + id;
}

std::string Place::file_name() const {
    switch (kind) {
        case PlaceKind::Screen:
            return id;
        case PlaceKind::Question:
            return "guide-" + id;
        case PlaceKind::Result:
            return "result-" + id;
    }
    return id;
}

std::vector<Place> all_places(const Content& c) {
    std::vector<Place> out;
    for (auto& s : c.screens) out.push_back({PlaceKind::Screen, s.id});
    for (auto& q : c.guide.questions) out.push_back({PlaceKind::Question, q.id});
    for (auto& r : c.guide.results) out.push_back({PlaceKind::Result, r.id});
    return out;
}

bool place_exists(const Content& c, const Place& p) {
    switch (p.kind) {
        case PlaceKind::Screen:
            return c.screen(p.id) != nullptr;
        case PlaceKind::Question:
            return c.guide.question(p.id) != nullptr;
        case PlaceKind::Result:
            return c.guide.result(p.id) != nullptr;
    }
    return false;
}

std::string place_title(const Content& c, const Place& p, const std::string& lang) {
    switch (p.kind) {
        case PlaceKind::Screen:
            if (auto s = c.screen(p.id)) return s->title.in(lang);
            break;
        case PlaceKind::Question:
            if (auto q = c.guide.question(p.id)) return q->text.in(lang);
            break;
        case PlaceKind::Result:
            if (auto r = c.guide.result(p.id)) return r->title.in(lang);
            break;
    }
    return p.id;
}

bool place_from_name(const Content& c, const std::string& name, Place& out) {
    for (auto& p : all_places(c))
        if (p.file_name() == name) {
            out = p;
            return true;
        }
    return false;
}

}  // namespace ww
