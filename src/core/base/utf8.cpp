#include "core/base/utf8.h"

namespace ww {

size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c >> 5) == 0x6) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c >> 4) == 0xE) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c >> 3) == 0x1E) {
            n = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + n > s.size()) return i;
        for (size_t k = 1; k < n; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d >> 6) != 0x2) return i;
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += n;
    }
    return std::string_view::npos;
}

}  // namespace ww
