// `wegwijzer --stats` and `--stats-csv`, and the admin panel's bars: the usage figures of a
// period, computed once from the stored rows (StatsFigures) and written as text or CSV. Pure:
// rows in, text out; the SQL that reads them is platform/stats_store.
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/kiosk/stats.h"

namespace ww {

// One daily total: `key` is "sessions", "seconds", "lang:<code>" or "result:<id>" ("result:"
// for sessions without one).
struct DayTotal {
    std::string day;
    std::string key;
    long value = 0;
};

// What the store holds for a period.
struct StatsData {
    std::vector<SessionRecord> sessions;  // per-session rows (kept stats.keep_days)
    std::vector<DayTotal> totals;         // daily totals (kept for good)
};

using Counts = std::vector<std::pair<std::string, long>>;  // most first, then by name

struct StatsFigures {
    std::string from, to;  // the period, both included
    int days = 0;
    long sessions = 0;                           // from the daily totals
    long total_seconds = 0;                      // from the daily totals
    long rows = 0;                               // sessions with a per-session row in the period
    int median_seconds = 0;                      // of those rows
    Counts per_day;                              // every day of the period, oldest first: sessions
    Counts seconds_per_day;                      // every day of the period: seconds
    std::array<std::array<long, 24>, 7> week{};  // [weekday Mon=0][start hour]: sessions
    Counts places;                               // sessions that reached each place
    Counts results;                              // sessions per guide result ("none" = no result)
    Counts drop_off;                             // sessions per last place before the reset
    Counts languages;                            // sessions per language (daily totals)
    Counts access;  // sessions that used: "text large", "text larger", "high contrast", ...
    Counts qr;      // sessions per take-away QR shown
};

// The figures of the `days` days up to and including `today` (YYYY-MM-DD).
StatsFigures stats_figures(const StatsData& data, const std::string& today, int days);
// A readable report (`wegwijzer --stats`).
std::string stats_text(const StatsFigures& f);
// The same figures, one a line: figure,key,value (`wegwijzer --stats-csv FILE`).
std::string stats_csv(const StatsFigures& f);

}  // namespace ww
