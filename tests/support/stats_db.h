// Reading <state.dir>/stats.sqlite back in tests, and the fixed local times they write with.
#pragma once
#include <sqlite3.h>

#include <ctime>
#include <string>

// The columns of every row of `sql`, tab-separated, one row a line ("" when none or on error).
inline std::string sql_rows(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK)
            while (sqlite3_step(s) == SQLITE_ROW) {
                for (int i = 0; i < sqlite3_column_count(s); ++i) {
                    const unsigned char* t = sqlite3_column_text(s, i);
                    out += (i ? "\t" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "");
                }
                out += "\n";
            }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

// One SQL value as text: the first column of the first row; "" when none.
inline std::string sql_value(const std::string& db_path, const std::string& sql) {
    const std::string rows = sql_rows(db_path, sql);
    return rows.substr(0, rows.find_first_of("\t\n"));
}

// A local wall-clock time as seconds since the epoch, whatever the TZ.
inline double local_time(int year, int month, int day, int hour, int minute = 0, int second = 0) {
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    t.tm_sec = second;
    t.tm_isdst = -1;
    return static_cast<double>(std::mktime(&t));
}
