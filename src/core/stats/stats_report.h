// `wegwijzer --stats` and `--stats-csv`, and the admin panel's bars: the usage figures of a
// period, computed once from the stored rows (StatsFigures) and written as text or CSV. Pure:
// rows in, text out; the SQL that reads them is platform/stats/stats_store.
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/stats/stats.h"

namespace ww {

// One daily total: `key` as daily_keys() (core/stats/stats.h) makes them.
struct DayTotal {
    std::string day;
    std::string key;
    long value = 0;
};

// What the store holds for a period.
struct StatsData {
    std::vector<SessionRecord> sessions;  // per-session rows (opt-in, stats.keep_days; unused
                                          // by the figures)
    std::vector<DayTotal> totals;         // daily totals (kept for good)
};

using Counts = std::vector<std::pair<std::string, long>>;  // most first, then by name

// A figure of fewer than kMinShown sessions is kHidden ("<5" in text, CSV and the panel): with
// the day, a small count can single a visitor out. Sessions per day are always shown.
constexpr long kMinShown = 5;
constexpr long kHidden = -1;
// A count as shown: the number, or "<5".
std::string shown_count(long v);

// Every figure comes from the daily totals (no per-session rows needed).
struct StatsFigures {
    std::string from, to;  // the period, both included
    int days = 0;
    long sessions = 0;                           // in the period
    long total_seconds = 0;                      // kHidden when sessions < kMinShown
    Counts per_day;                              // every day of the period, oldest first: sessions
    Counts seconds_per_day;                      // every day: seconds (kHidden on a quiet day)
    std::array<std::array<long, 24>, 7> week{};  // [weekday Mon=0][start hour]: sessions
    Counts lengths;                              // sessions per length bucket, shortest first
    Counts places;                               // sessions that reached each place
    Counts results;                              // sessions per guide result ("none" = no result)
    Counts drop_off;                             // sessions per last place before the reset
    Counts languages;                            // sessions per language
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
