// What the updater's files share (platform/update/updater*.cpp, restart_count.cpp); not for
// use outside platform/update.
#pragma once
#include <string>

namespace ww::updater_detail {

double steady_seconds();
// A value for `detail="..."` in the log: one line, no double quotes.
std::string clean(std::string s);
// The whole file; empty when it cannot be read.
std::string read_text(const std::string& path);

}  // namespace ww::updater_detail
