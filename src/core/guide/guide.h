// The decision guide's rules: which result fits a set of answers, and checks over every path.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/content/content.h"

namespace ww {

using Answers = std::map<std::string, std::string>;  // question id -> answer value

// True when every question of `when` was answered with one of its values.
bool conditions_hold(const std::map<std::string, std::vector<std::string>>& when,
                     const Answers& answers);

// The first rule whose conditions all hold; nullptr when none does.
const Rule* match_rule(const Guide& g, const Answers& answers);

// One complete walk through the guide.
struct GuidePath {
    std::vector<std::pair<std::string, std::string>> steps;  // (question id, answer value)
    std::string result;                                      // empty when no rule matches
};

// Every path from the start question to the end (capped at `limit` paths).
std::vector<GuidePath> all_paths(const Guide& g, size_t limit = 100000);

// Structural checks: start exists, answers lead to questions, no loops, every path ends in a
// result, every result is reachable, rules name known questions, values and results.
void validate_guide(const Guide& g, const std::vector<std::string>& screen_ids, Problems& out);

}  // namespace ww
