// QR code modules for a URL, via libqrencode. The UI draws them; no personal data goes in.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ww {

struct QrMatrix {
    int size = 0;               // modules per side, without the quiet zone
    std::vector<uint8_t> dark;  // size*size, row-major, 1 = dark
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Empty matrix (size 0) when the text cannot be encoded.
QrMatrix make_qr(const std::string& text);

}  // namespace ww
