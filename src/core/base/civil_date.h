// Days since 1970-01-01 of a date in the proleptic Gregorian calendar, and back (Howard
// Hinnant's days_from_civil / civil_from_days): no time zone, no C library, any year.
#pragma once

namespace ww {

struct CivilDate {
    int year = 1970, month = 1, day = 1;
};

long days_from_civil(CivilDate date);
CivilDate civil_from_days(long days);

}  // namespace ww
