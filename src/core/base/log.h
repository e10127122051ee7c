// One stable line per lifecycle event on stderr: `wegwijzer: event=NAME key=value ...`.
#pragma once
#include <initializer_list>
#include <string>
#include <utility>

namespace ww {

void log_event(const std::string& event,
               std::initializer_list<std::pair<const char*, std::string>> fields = {});

// Plain diagnostic line: `wegwijzer: message`.
void log_line(const std::string& message);

}  // namespace ww
