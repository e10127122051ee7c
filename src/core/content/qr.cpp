#include "core/content/qr.h"

#include <qrencode.h>

namespace ww {

QrMatrix make_qr(const std::string& text) {
    QrMatrix m;
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_L);
    if (!code) return m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace ww
