// A scratch copy of the shipped layouts/ and assets/ that a test may break on purpose.
#pragma once
#include "../support/content_copy.h"

using ContentFixture = ContentCopy;

// The first problem whose `file:line:col: message` contains `needle`; empty when none does.
inline std::string find_problem(const ww::Problems& ps, const std::string& needle) {
    for (auto& p : ps)
        if (p.format().find(needle) != std::string::npos) return p.format();
    return {};
}
