#include "core/base/guard.h"

#include <exception>

#include "core/base/log.h"

namespace ww {

std::string one_line(const std::string& what) {
    constexpr size_t kMax = 400;
    std::string out;
    for (const char ch : what) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const char put = c < 0x20 || c == 0x7f ? ' ' : ch == '"' ? '\'' : ch;
        if (put == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += put;
    }
    if (out.size() > kMax) {
        size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? "unknown" : out;
}

int run_guarded(const std::function<int()>& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        log_event("fatal", {{"reason", one_line(e.what())}});
    } catch (...) {
        log_event("fatal", {{"reason", "unknown exception"}});
    }
    return kFatalExit;
}

}  // namespace ww
