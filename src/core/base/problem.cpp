#include "core/base/problem.h"

namespace ww {

std::string Problem::format() const {
    const int l = line > 0 ? line : 1;
    const int c = col > 0 ? col : 1;
    return file + ":" + std::to_string(l) + ":" + std::to_string(c) + ": " + message;
}

}  // namespace ww
