// A content or config problem, reported as `file:line:col: message`.
#pragma once
#include <string>
#include <vector>

namespace ww {

struct Problem {
    std::string file;
    int line = 0;  // 1-based; 0 when the problem concerns the whole file
    int col = 0;
    std::string message;

    std::string format() const;
};

using Problems = std::vector<Problem>;

}  // namespace ww
