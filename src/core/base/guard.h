// The last line of defence of main: an exception that nothing else caught ends the process with
// one `event=fatal` log line instead of std::terminate's abort without a word.
#pragma once
#include <functional>
#include <string>

namespace ww {

// The exit code of a run that ended in an uncaught exception (EX_SOFTWARE, sysexits.h).
constexpr int kFatalExit = 70;

// Runs `body` and returns what it returns. An exception that escapes it is logged as
// `wegwijzer: event=fatal reason="..."` and becomes kFatalExit.
int run_guarded(const std::function<int()>& body);

// `what` as one log-safe line: control characters (newlines, tabs) become spaces, runs of spaces
// one, quotes single quotes; trimmed; at most 400 bytes (cut on a UTF-8 boundary); never empty.
std::string one_line(const std::string& what);

}  // namespace ww
