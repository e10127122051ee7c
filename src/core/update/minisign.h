// Checking a minisign signature (https://jedisct1.github.io/minisign/) with libsodium: what the
// kiosk needs to trust a content bundle. Pure functions over bytes; no file, no network.
//
// A public key is the base64 line of `minisign -G`'s .pub file: "Ed" + 8-byte key id + 32-byte
// Ed25519 key (42 bytes). A .minisig file has four lines:
//   untrusted comment: <anything>
//   base64("ED" or legacy "Ed" + 8-byte key id + 64-byte signature)
//   trusted comment: <text>
//   base64(64-byte global signature)
// "ED" signs the BLAKE2b-512 hash of the file, "Ed" the file itself; the global signature signs
// the 64 signature bytes followed by the trusted comment's text.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ww {

struct MinisignKey {
    std::array<uint8_t, 8> key_id{};
    std::array<uint8_t, 32> key{};
};

// Decodes a public key line (surrounding blanks ignored). False with `error` set when it is not
// base64 of minisign's 42-byte "Ed" key.
bool decode_minisign_key(const std::string& line, MinisignKey& out, std::string& error);

struct SignatureCheck {
    bool ok = false;
    std::string error;            // why not, for the log (empty when ok)
    std::string trusted_comment;  // the signed comment's text, once both signatures hold
};

// Checks `signature` (the text of a .minisig file) over `data` with `key`: the format, the key
// id, the signature over the file (prehashed "ED" or legacy "Ed") and the global signature over
// the trusted comment.
// The same without the file: format, key id and the global signature over the trusted comment.
// Lets the kiosk read a bundle's version before it downloads the bundle itself.
SignatureCheck verify_minisign_comment(const std::string& signature, const MinisignKey& key);

SignatureCheck verify_minisign(const std::string& data, const std::string& signature,
                               const MinisignKey& key);

// BLAKE2b-512 of a file fed in pieces as it downloads: what a prehashed ("ED") signature signs.
class Prehash {
  public:
    Prehash();
    void update(const void* data, size_t size);
    std::array<uint8_t, 64> final();

  private:
    alignas(64) unsigned char state_[384];  // crypto_generichash_state
};

// The same as verify_minisign for a file known only by its Prehash. A legacy ("Ed") signature
// needs the whole file and is refused here (sign without `minisign -l`).
SignatureCheck verify_minisign_prehashed(const std::array<uint8_t, 64>& hash,
                                         const std::string& signature, const MinisignKey& key);

}  // namespace ww
