// Asks for a new admin PIN on the command line (`wegwijzer --hash-pin`).
#pragma once
#include <string>

namespace ww {

// Reads a PIN from stdin and checks it with pin_problem(). On a terminal: prompts on stderr,
// reads twice without echo and compares; the terminal is restored afterwards, also on Ctrl-C.
// From a pipe: one line. False with `error` set when there is no valid PIN.
bool read_new_pin(std::string& pin, std::string& error);

}  // namespace ww
