#include "core/base/log.h"

#include <cstdio>

namespace ww {

void log_event(const std::string& event,
               std::initializer_list<std::pair<const char*, std::string>> fields) {
    std::string line = "wegwijzer: event=" + event;
    for (auto& [k, v] : fields) {
        const bool quote = v.empty() || v.find_first_of(" \"=") != std::string::npos;
        line += std::string(" ") + k + "=" + (quote ? "\"" + v + "\"" : v);
    }
    line += "\n";
    fputs(line.c_str(), stderr);
    fflush(stderr);
}

void log_line(const std::string& message) {
    fprintf(stderr, "wegwijzer: %s\n", message.c_str());
    fflush(stderr);
}

}  // namespace ww
