#include "core/session/session.h"

#include <algorithm>
#include <array>
#include <functional>

#include "core/config/choices.h"

namespace ww {

Session fresh_session(const SessionDefaults& d) {
    Session s;
    s.history = {{PlaceKind::Screen, d.home}};
    s.lang = d.lang;
    s.text_size = d.text_size;
    s.theme = d.theme;
    s.speech_volume = d.speech_volume;
    return s;
}

namespace {
// The index of `s` in `names`; 0 (the first, normal) when it is none of them.
template <size_t N>
int index_of(const std::array<const char*, N>& names, const std::string& s) {
    const auto it = std::find(names.begin(), names.end(), s);
    return it == names.end() ? 0 : static_cast<int>(it - names.begin());
}
}  // namespace

TextSize parse_text_size(const std::string& s) {
    return static_cast<TextSize>(index_of(kTextSizeNames, s));
}
Theme parse_theme(const std::string& s) {
    return static_cast<Theme>(index_of(kThemeNames, s));
}
const char* name_of(TextSize t) {
    return kTextSizeNames[static_cast<size_t>(t)];
}
const char* name_of(Theme t) {
    return kThemeNames[static_cast<size_t>(t)];
}

void open_screen(Session& s, const std::string& id) {
    if (s.current() == Place{PlaceKind::Screen, id}) return;
    s.history.push_back({PlaceKind::Screen, id});
}

void start_guide(Session& s, const Guide& g) {
    s.answers.clear();
    s.history.push_back({PlaceKind::Question, g.start});
}

bool answer(Session& s, const Guide& g, const std::string& value) {
    if (s.current().kind != PlaceKind::Question) return false;
    const Question* q = g.question(s.current().id);
    if (!q) return false;
    for (auto& a : q->answers) {
        if (a.value != value) continue;
        s.answers[q->id] = value;
        if (!a.next.empty()) {
            s.history.push_back({PlaceKind::Question, a.next});
        } else {
            const Rule* r = match_rule(g, s.answers);
            if (!r) return false;
            s.history.push_back({PlaceKind::Result, r->result});
        }
        return true;
    }
    return false;
}

void go_back(Session& s) {
    if (s.history.size() <= 1) return;
    const Place left = s.history.back();
    s.history.pop_back();
    s.scroll.erase(left.key());
    // Returning to a question un-answers it, so the visitor chooses again.
    if (s.current().kind == PlaceKind::Question) s.answers.erase(s.current().id);
    if (left.kind == PlaceKind::Question && s.current().kind != PlaceKind::Question)
        s.answers.clear();
}

void go_home(Session& s, const std::string& home) {
    s.history = {{PlaceKind::Screen, home}};
    s.answers.clear();
    s.scroll.clear();
}

std::pair<int, int> question_progress(const Session& s, const Guide& g) {
    int n = 0;
    for (auto& p : s.history)
        if (p.kind == PlaceKind::Question) ++n;
    // Longest chain of questions from the start (the guide has no loops; validated).
    std::function<int(const std::string&, int)> depth = [&](const std::string& id, int guard) {
        const Question* q = g.question(id);
        if (!q || guard > 64) return 0;
        int best = 0;
        for (auto& a : q->answers)
            if (!a.next.empty()) best = std::max(best, depth(a.next, guard + 1));
        return 1 + best;
    };
    // Questions after the current one on the longest remaining path.
    const int remaining =
        s.current().kind == PlaceKind::Question ? depth(s.current().id, 0) - 1 : 0;
    return {n, n + remaining};
}

bool walk_to(Session& s, const Content& c, const Place& p) {
    if (!place_exists(c, p)) return false;
    if (p.kind == PlaceKind::Screen) {
        if (p.id != c.home) open_screen(s, p.id);
        return true;
    }
    for (auto& path : all_paths(c.guide)) {
        Session t = s;
        start_guide(t, c.guide);
        for (auto& [q, v] : path.steps) {
            if (t.current() == p) break;
            answer(t, c.guide, v);
        }
        if (t.current() == p) {
            s = t;
            return true;
        }
    }
    return false;
}

}  // namespace ww
