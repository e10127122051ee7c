// What each folder of src/ may not include or use: the map in src/README.md, checked over every
// .h and .cpp of every folder. A folder with code that the table does not name fails too, so a
// new folder gets its row when it is made.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Tokens = std::vector<std::string>;

Tokens operator+(Tokens a, const Tokens& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// What an include line names (`<GLFW/glfw3.h>`, `"ui/app.h"`) or the code (comments left out)
// says, matched as substrings.
const Tokens kImGui = {"<imgui", "<backends/imgui", "ImGui::"};
const Tokens kWindow = {"<GLFW/", "<glad/", "<GL/", "<X11/", "glfw", "<fontconfig/"};
// The core runs on its caller's thread and shares nothing with another: no thread, and no lock or
// atomic either, which would only be there for state another thread touches (that state lives in
// platform/, behind the lock of the thread that owns it, where ThreadSanitizer sees it).
const Tokens kThreads = {"<thread>",    "<mutex>",    "<shared_mutex>", "<condition_variable>",
                         "<atomic>",    "<future>",   "<semaphore>",    "<pthread.h>",
                         "std::thread", "std::async", "pthread_create"};
const Tokens kDlopen = {"<dlfcn.h>", "dlopen"};
const Tokens kPosix = {"<unistd.h>", "<fcntl.h>",   "<sys/",      "<poll.h>",
                       "<spawn.h>",  "<termios.h>", "<signal.h>", "<csignal>"};
const Tokens kServices = {"<curl/", "<archive", "<sqlite3.h>", "<espeak", "<pcaudio", "<systemd/"};
const Tokens kUi = {"\"ui/"};
const Tokens kPlatform = {"\"platform/"};
const Tokens kApp = {"\"app/"};

const Tokens kCore =
    kImGui + kWindow + kThreads + kDlopen + kPosix + kServices + kUi + kPlatform + kApp;
// The PIN guard's file (core/admin/admin_state.cpp: GuardFile) is written with open, fsync and
// rename in the core; until it moves to platform/admin, core/admin may use POSIX file I/O.
const Tokens kCoreAdmin =
    kImGui + kWindow + kThreads + kDlopen + kServices + kUi + kPlatform + kApp;
// Beside the window, the platform folders that need no window keep off GLFW, GL and ImGui, so
// they build without the GUI (the ThreadSanitizer build).
const Tokens kHeadless = kImGui + kWindow + kUi + kApp;

// Every folder under src/ with code, and what it may not include or use.
const std::map<std::string, Tokens> kRules = {
    {"core/access", kCore},
    {"core/admin", kCoreAdmin},
    {"core/base", kCore},
    {"core/config", kCore},
    {"core/content", kCore},
    {"core/guide", kCore},
    {"core/lifecycle", kCore},
    {"core/schedule", kCore},
    {"core/session", kCore},
    {"core/stats", kCore},
    {"core/touch", kCore},
    {"core/update", kCore},
    {"ui", kWindow + kThreads + kDlopen + kPosix + kServices + kPlatform + kApp},
    {"platform/admin", kHeadless + kDlopen + kServices},
    {"platform/assets", kThreads + kDlopen + kPosix + kServices + kApp},
    {"platform/display", kImGui + kDlopen + kServices + kUi + kApp + Tokens{"std::thread"}},
    {"platform/lazy", kHeadless + kThreads + kPosix + kServices + Tokens{"\"core/"}},
    {"platform/service", kHeadless + kDlopen + Tokens{"<curl/", "<archive", "<sqlite3.h>"}},
    {"platform/speech", kHeadless + kPosix + Tokens{"<curl/", "<archive", "<sqlite3.h>"}},
    {"platform/stats", kHeadless + kDlopen + Tokens{"<curl/", "<archive", "<espeak"}},
    {"platform/update", kHeadless + Tokens{"<sqlite3.h>", "<espeak", "<pcaudio"}},
    {"platform/window", kThreads + kDlopen + kServices + kApp},
    // The frame loop, --proof and the commands: everything below, but no library opened by hand.
    {"app", kDlopen + Tokens{"<curl/", "<archive", "<espeak", "<pcaudio"}},
    // main.cpp parses the command line and dispatches.
    {"", kImGui + kWindow + kThreads + kDlopen + kPosix + kServices + kUi + kPlatform},
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// `text` without its comments, so a comment may name what the code may not use. String and
// character literals are kept, and a "//" or "/*" inside one starts no comment.
std::string code_of(const std::string& text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, 2, "//") == 0) {
            i = text.find('\n', i);
        } else if (text.compare(i, 2, "/*") == 0) {
            i = text.find("*/", i);
            if (i != std::string::npos) i += 2;
        } else if (text.compare(i, 3, "R\"(") == 0) {
            const size_t end = text.find(")\"", i);
            const size_t stop = end == std::string::npos ? end : end + 2;
            out += text.substr(i, stop - i);
            i = stop;
        } else if (text[i] == '"' || text[i] == '\'') {
            const char quote = text[i];
            out += text[i++];
            while (i < text.size() && text[i] != quote && text[i] != '\n') {
                if (text[i] == '\\' && i + 1 < text.size()) out += text[i++];
                out += text[i++];
            }
            if (i < text.size()) out += text[i++];
        } else {
            out += text[i++];
        }
        if (i == std::string::npos) break;
    }
    return out;
}

// "file: token" for every token of `forbidden` in `text`.
std::vector<std::string> findings(const std::string& name, const std::string& text,
                                  const Tokens& forbidden) {
    const std::string code = code_of(text);
    std::vector<std::string> out;
    for (auto& token : forbidden)
        if (code.find(token) != std::string::npos) out.push_back(name + ": " + token);
    return out;
}

}  // namespace

TEST_CASE("every folder of src/ keeps to its row of the layering table") {
    const fs::path src = fs::path(WEGWIJZER_SOURCE_DIR) / "src";
    REQUIRE(fs::is_directory(src / "core"));
    std::map<std::string, int> scanned;  // folder -> files
    std::vector<std::string> found;
    for (auto& e : fs::recursive_directory_iterator(src)) {
        const std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        const std::string file = fs::relative(e.path(), src).generic_string();
        const std::string folder = fs::relative(e.path().parent_path(), src).generic_string();
        const std::string row = folder == "." ? "" : folder;
        ++scanned[row];
        auto rule = kRules.find(row);
        if (rule == kRules.end()) {
            found.push_back(file + ": its folder has no row in the table");
            continue;
        }
        for (auto& f : findings(file, read(e.path()), rule->second)) found.push_back(f);
    }
    for (auto& [folder, tokens] : kRules)
        CHECK_MESSAGE(scanned.count(folder) == 1,
                      "the table's folder src/" << folder << " has no code");
    CHECK(scanned["core/base"] > 5);  // the scan saw the tree, not an empty folder
    std::string list;
    for (auto& f : found) list += "\n  " + f;
    CHECK_MESSAGE(found.empty(), "src/ breaks its layering (src/README.md):" << list);
}

TEST_CASE("the layering scan finds what it looks for") {
    CHECK(findings("a.cpp", "#include <thread>\nstd::thread t;", kCore).size() == 2);
    CHECK(findings("b.cpp", "#include <dlfcn.h>\nvoid* l = dlopen(\"x\", 0);", kCore).size() == 2);
    CHECK(findings("c.cpp", "#include <atomic>\n#include <sys/stat.h>", kCore).size() == 2);
    CHECK(findings("d.cpp", "#include \"platform/stats/stats_store.h\"", kRules.at("ui")).size() ==
          1);
    CHECK(findings("e.cpp", "#include \"app/runner.h\"", kRules.at("platform/window")).size() == 1);
    CHECK(
        findings("f.cpp", "int threads = 1;  // no std::thread, no <GLFW/glfw3.h>", kCore).empty());
    CHECK(findings("g.cpp", "/* dlopen(\"x\") */ int x;", kCore).empty());
    CHECK(findings("h.cpp", "auto u = \"http://x\"; void* l = dlopen(u, 0);", kCore).size() == 1);
    CHECK(findings("i.cpp", "auto g = \"layouts/*.toml\"; std::thread t;", kCore).size() == 1);
    // The folders where they belong have them: the Speaker's thread, the lazy libraries.
    const fs::path platform = fs::path(WEGWIJZER_SOURCE_DIR) / "src/platform";
    CHECK(findings("speaker.cpp", read(platform / "speech/speaker.cpp"), kThreads).size() >= 2);
    CHECK(findings("lazy_lib.cpp", read(platform / "lazy/lazy_lib.cpp"), kDlopen).size() == 2);
}
