// libFuzzer: the .minisig parser and both signature checks (core/update/minisign.h) on fuzzed
// input. Must never crash, hang or leak, and must never call a signature good that the test key
// did not make.
//
// Input layout: the signature file's text, then a NUL byte, then the signed file's bytes.
// Without a NUL the whole input is the signature file and the file is empty.
// tests/fuzz.sh seeds the corpus with tests/core/data/minisign's signatures.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/update/minisign.h"
#include "core/update/update_rules.h"

namespace {

// tests/core/data/minisign/test.pub: key id 73A8F34F027FC8BF.
const char* const kKey = "RWS/yH8CT/Ooc1Rw94NG7XTnPcFFl3dTaGjTg6gR9RKUzgLMbejxV0T3";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static ww::MinisignKey key;
    static const bool decoded = [] {
        std::string why;
        return ww::decode_minisign_key(kKey, key, why);
    }();
    if (!decoded) abort();
    const std::string in(reinterpret_cast<const char*>(data), size);
    const size_t nul = in.find('\0');
    const std::string sig = in.substr(0, nul);
    const std::string file = nul == std::string::npos ? "" : in.substr(nul + 1);

    ww::MinisignKey other;
    std::string why;
    (void)ww::decode_minisign_key(sig, other, why);  // a key line is parsed the same way

    const ww::SignatureCheck comment = ww::verify_minisign_comment(sig, key);
    const ww::SignatureCheck full = ww::verify_minisign(file, sig, key);
    ww::Prehash h;
    h.update(file.data(), file.size());
    const ww::SignatureCheck hashed = ww::verify_minisign_prehashed(h.final(), sig, key);
    // A good check has no error and its comment; a bad one the reverse. The whole-file checks
    // hold only where the comment check does.
    for (const ww::SignatureCheck* c : {&comment, &full, &hashed})
        if (c->ok != c->error.empty() || (!c->ok && !c->trusted_comment.empty())) abort();
    if ((full.ok || hashed.ok) && !comment.ok) abort();
    if (hashed.ok && !full.ok) abort();
    if (comment.ok) {
        ww::BundleInfo info;
        (void)ww::parse_trusted_comment(comment.trusted_comment, info, why);
    }
    return 0;
}
