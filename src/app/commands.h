// The bodies of wegwijzer's command-line modes. src/main.cpp parses the command line
// (core/config/cli.h) and calls one of these, or runs the kiosk (app/runner.h).
#pragma once
#include <string>

#include "app/runner.h"
#include "core/base/problem.h"
#include "core/config/cli.h"
#include "core/config/config.h"

namespace ww {

// This run's profile and folders (run_setup.cpp).
struct RunSetup {
    ConfigLoad cfg;
    RunOptions run;
};
RunSetup run_setup(const CliOptions& o);

// One line per problem on stdout.
void print_problems(const Problems& problems);

// --hash-pin
int hash_pin_command();
// --check
int check_command(const RunSetup& setup, const CliOptions& o);
// --guide ANSWERS, --list-urls, --review FILE
int content_report(const KioskConfig& config, const RunOptions& run, const CliOptions& o);
// --stats, --stats-csv FILE
int stats_report(const Paths& paths, const CliOptions& o, const Clock& clock);
// --speak SCREEN --wav FILE
int speak_to_wav(const KioskConfig& config, const RunOptions& run, const std::string& name,
                 const std::string& wav);

}  // namespace ww
