#include "core/update/minisign.h"

#include <sodium.h>

#include <cstring>
#include <vector>

namespace ww {

namespace {

constexpr size_t kSigBytes = 64;
constexpr const char* kUntrusted = "untrusted comment:";
constexpr const char* kTrusted = "trusted comment: ";

bool sodium_ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Base64 (standard alphabet, with padding) of exactly `want` bytes; false otherwise.
bool decode_exact(const std::string& text, size_t want, std::vector<uint8_t>& out) {
    out.assign(want + 3, 0);
    size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    if (end != text.data() + text.size() || len != want) return false;
    out.resize(want);
    return true;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = nl + 1;
    }
    return lines;
}

bool printable(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace

bool decode_minisign_key(const std::string& line, MinisignKey& out, std::string& error) {
    if (!sodium_ready()) {
        error = "libsodium failed to start";
        return false;
    }
    std::vector<uint8_t> raw;
    if (!decode_exact(trim(line), 42, raw)) {
        error =
            "is not a minisign public key (the base64 line of `minisign -G`'s .pub file: 42 "
            "bytes)";
        return false;
    }
    if (raw[0] != 'E' || raw[1] != 'd') {
        error = "is not an Ed25519 minisign public key (it must start with \"Ed\")";
        return false;
    }
    std::memcpy(out.key_id.data(), raw.data() + 2, 8);
    std::memcpy(out.key.data(), raw.data() + 10, 32);
    return true;
}

namespace {

// The .minisig's parts once its format, key id and global signature hold.
struct ParsedSignature {
    std::vector<uint8_t> sig;  // algorithm (2) + key id (8) + signature (64)
    std::string comment;
};

SignatureCheck check_signature_file(const std::string& signature, const MinisignKey& key,
                                    ParsedSignature& p) {
    SignatureCheck r;
    if (!sodium_ready()) {
        r.error = "libsodium failed to start";
        return r;
    }
    const std::vector<std::string> lines = split_lines(signature);
    if (lines.size() < 4) {
        r.error = "the signature file has fewer than 4 lines";
        return r;
    }
    if (lines[0].rfind(kUntrusted, 0) != 0) {
        r.error = "the signature file does not start with 'untrusted comment:'";
        return r;
    }
    if (!decode_exact(trim(lines[1]), 2 + 8 + kSigBytes, p.sig)) {
        r.error = "the signature line is not base64 of 74 bytes";
        return r;
    }
    const bool hashed = p.sig[0] == 'E' && p.sig[1] == 'D';
    const bool legacy = p.sig[0] == 'E' && p.sig[1] == 'd';
    if (!hashed && !legacy) {
        r.error = "unknown signature algorithm (not ED or Ed)";
        return r;
    }
    if (std::memcmp(p.sig.data() + 2, key.key_id.data(), 8) != 0) {
        r.error = "signed by another key (key id differs)";
        return r;
    }
    if (lines[2].rfind(kTrusted, 0) != 0) {
        r.error = "the third line does not start with 'trusted comment: '";
        return r;
    }
    p.comment = lines[2].substr(std::strlen(kTrusted));
    if (!printable(p.comment)) {
        r.error = "the trusted comment has unprintable characters";
        return r;
    }
    std::vector<uint8_t> global;
    if (!decode_exact(trim(lines[3]), kSigBytes, global)) {
        r.error = "the global signature line is not base64 of 64 bytes";
        return r;
    }
    std::vector<uint8_t> signed_comment(p.sig.begin() + 10, p.sig.end());
    signed_comment.insert(signed_comment.end(), p.comment.begin(), p.comment.end());
    if (crypto_sign_verify_detached(global.data(), signed_comment.data(), signed_comment.size(),
                                    key.key.data())) {
        r.error = "the trusted comment's signature does not match";
        return r;
    }
    r.ok = true;
    r.trusted_comment = p.comment;
    return r;
}

}  // namespace

SignatureCheck verify_minisign_comment(const std::string& signature, const MinisignKey& key) {
    ParsedSignature p;
    return check_signature_file(signature, key, p);
}

SignatureCheck verify_minisign(const std::string& data, const std::string& signature,
                               const MinisignKey& key) {
    ParsedSignature p;
    SignatureCheck r = check_signature_file(signature, key, p);
    if (!r.ok) return r;
    if (p.sig[1] == 'D') {
        Prehash h;
        h.update(data.data(), data.size());
        return verify_minisign_prehashed(h.final(), signature, key);
    }
    if (crypto_sign_verify_detached(p.sig.data() + 10,
                                    reinterpret_cast<const uint8_t*>(data.data()), data.size(),
                                    key.key.data())) {
        r.ok = false;
        r.error = "the signature does not match the file";
        r.trusted_comment.clear();
    }
    return r;
}

static_assert(sizeof(crypto_generichash_state) <= 384, "Prehash::state_ too small");

Prehash::Prehash() {
    sodium_ready();
    crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(state_), nullptr, 0,
                            crypto_generichash_BYTES_MAX);
}

void Prehash::update(const void* data, size_t size) {
    crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(state_),
                              static_cast<const unsigned char*>(data), size);
}

std::array<uint8_t, 64> Prehash::final() {
    std::array<uint8_t, 64> out{};
    crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(state_), out.data(),
                             out.size());
    return out;
}

SignatureCheck verify_minisign_prehashed(const std::array<uint8_t, 64>& hash,
                                         const std::string& signature, const MinisignKey& key) {
    ParsedSignature p;
    SignatureCheck r = check_signature_file(signature, key, p);
    if (!r.ok) return r;
    if (p.sig[1] != 'D') {
        r.ok = false;
        r.error = "a legacy signature (minisign -l) is not taken: sign without -l";
        r.trusted_comment.clear();
        return r;
    }
    if (crypto_sign_verify_detached(p.sig.data() + 10, hash.data(), hash.size(), key.key.data())) {
        r.ok = false;
        r.error = "the signature does not match the file";
        r.trusted_comment.clear();
    }
    return r;
}

}  // namespace ww
