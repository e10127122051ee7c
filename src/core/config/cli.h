// The command line of build/wegwijzer.
#pragma once
#include <string>
#include <vector>

namespace ww {

struct CliOptions {
    std::string config;             // --config FILE (empty = kiosk-config/default.toml)
    std::string layouts;            // --layouts DIR (empty = the shipped layouts/)
    std::vector<std::string> sets;  // --set KEY=VALUE, in order
    bool windowed = false;          // --windowed
    int width = 0, height = 0;      // --size WxH (0 = from config / monitor)
    std::string lang;               // --lang CODE
    std::string theme;              // --theme NAME
    std::string text_size;          // --text-size normal|large|larger
    bool check = false;             // --check
    std::string proof_dir;          // --proof DIR
    std::string speak_screen;       // --speak SCREEN_ID (with --wav FILE)
    std::string wav;
    std::string guide;         // --guide rol=...,uitkering=...,steun=...
    bool list_urls = false;    // --list-urls
    std::string review;        // --review FILE.html
    bool hash_pin = false;     // --hash-pin
    bool log_items = false;    // --log-items: log where each button is (for test automation)
    bool log_visits = false;   // --log-visits: log a visitor's places and choices (tests, bench)
    bool log_latency = false;  // --log-latency: log each tap's time to the new place (bench)
    bool tour = false;         // --tour: show every place in every text size once (bench)
    bool stats = false;        // --stats: the usage figures as a report
    std::string stats_csv;     // --stats-csv FILE: the same figures as CSV ("-" = stdout)
    int stats_days = 28;       // --days N: the period of --stats / --stats-csv
    bool help = false, version = false, help_config = false;
};

struct CliParse {
    CliOptions options;
    std::string error;  // non-empty: print usage, exit 2
};

CliParse parse_cli(const std::vector<std::string>& args);
std::string usage();

}  // namespace ww
