#include "core/base/clock.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace ww {

LocalTime local_time(double unix_time) {
    const std::time_t t = static_cast<std::time_t>(std::floor(unix_time));
    std::tm local{};
    localtime_r(&t, &local);
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", local.tm_year + 1900, local.tm_mon + 1,
             local.tm_mday);
    return {buf, local.tm_hour, local.tm_min};
}

double system_unix_time() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace ww
