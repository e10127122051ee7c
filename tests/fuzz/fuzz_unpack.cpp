// libFuzzer: unpacking a fuzzed archive (platform/update/content_store.h unpack_bundle, libarchive)
// into a temporary folder. Must never crash, hang or leak, never write outside its destination,
// never leave a half-unpacked destination behind, and what it unpacks holds only plain files and
// folders under layouts/ and assets/.
//
// Input: the archive's bytes (.tar.gz, or anything). tests/fuzz.sh seeds the corpus with small
// bundles of the shipped layouts.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "platform/update/content_store.h"

namespace fs = std::filesystem;

namespace {

std::string g_root;  // the temp folder; unpacking goes to g_root/out

void cleanup() {
    std::error_code ec;
    if (!g_root.empty()) fs::remove_all(g_root, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char tmpl[] = "/tmp/ww-fuzz-unpack-XXXXXX";
    if (!mkdtemp(tmpl)) abort();
    g_root = tmpl;
    std::atexit(cleanup);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string archive(reinterpret_cast<const char*>(data), size);
    const fs::path out = fs::path(g_root) / "out";
    ww::UnpackLimits limits;
    limits.max_bytes = 1 << 20;
    limits.max_entries = 200;
    std::string why;
    const bool ok = ww::unpack_bundle(archive, out.string(), limits, why);
    std::error_code ec;
    if (!ok && (why.empty() || fs::exists(out, ec))) abort();  // nothing half-unpacked stays
    // Nothing but out/ in the temp folder: no escape.
    for (auto& e : fs::directory_iterator(g_root, ec))
        if (e.path().filename() != "out") abort();
    if (ok) {
        for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::end(it);
             it.increment(ec)) {
            const fs::file_status st = it->symlink_status(ec);
            if (st.type() != fs::file_type::regular && st.type() != fs::file_type::directory)
                abort();
            const std::string top = fs::relative(it->path(), out, ec).begin()->string();
            if (top != "layouts" && top != "assets") abort();
        }
    }
    fs::remove_all(out, ec);
    return 0;
}
