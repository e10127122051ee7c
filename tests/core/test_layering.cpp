// The core has no thread and loads no device library: threads (the Speaker) and dlopen (the
// libraries opened on first use, platform/lazy/lazy_lib.h) belong in src/platform. Scans every
// src/core/**/*.{h,cpp} for them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kForbidden = {"std::thread", "<thread>", "pthread_create", "dlopen",
                                             "<dlfcn.h>"};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// "file: token" for every forbidden token in `text`.
std::vector<std::string> findings(const std::string& name, const std::string& text) {
    std::vector<std::string> out;
    for (auto& token : kForbidden)
        if (text.find(token) != std::string::npos) out.push_back(name + ": " + token);
    return out;
}

}  // namespace

TEST_CASE("nothing under src/core uses a thread or dlopen") {
    const fs::path core = fs::path(WEGWIJZER_SOURCE_DIR) / "src" / "core";
    REQUIRE(fs::is_directory(core));
    int scanned = 0;
    std::vector<std::string> found;
    for (auto& e : fs::recursive_directory_iterator(core)) {
        const std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        ++scanned;
        for (auto& f : findings(fs::relative(e.path(), core).string(), read(e.path())))
            found.push_back(f);
    }
    CHECK(scanned > 20);  // the scan saw the core, not an empty folder
    std::string list;
    for (auto& f : found) list += "\n  " + f;
    CHECK_MESSAGE(found.empty(), "src/core must not use threads or dlopen (src/platform):" << list);
}

TEST_CASE("the layering scan finds what it looks for") {
    CHECK(findings("a.cpp", "#include <thread>\nstd::thread t;").size() == 2);
    CHECK(findings("b.cpp", "#include <dlfcn.h>\nvoid* l = dlopen(\"x\", 0);").size() == 2);
    CHECK(findings("c.cpp", "pthread_create(&t, 0, f, 0);").size() == 1);
    CHECK(findings("d.cpp", "int threads = 1; // no device").empty());
    // The platform files where they belong have them: the Speaker's thread, the lazy libraries.
    const fs::path platform = fs::path(WEGWIJZER_SOURCE_DIR) / "src/platform";
    CHECK(findings("speaker.cpp", read(platform / "speech/speaker.cpp")).size() >= 2);
    CHECK(findings("lazy_lib.cpp", read(platform / "lazy/lazy_lib.cpp")).size() == 2);
}
