// libFuzzer: the shipped layouts/ with one file replaced by the input, then load_content (which
// validates everything) and the guide checks. Must never crash, hang or leak, whatever the input.
//
// The first byte picks the file (the rest is its text):
//   0 -> kiosk.toml   1 -> guide.toml   2 -> screens/home.toml   3 -> screens/fuzz.toml (new)
// tests/fuzz.sh seeds the corpus with the shipped files, each behind its selector byte.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/content/content.h"
#include "core/guide/guide.h"

namespace fs = std::filesystem;

namespace {

std::string g_dir;                          // the temp layouts dir
std::string g_assets;                       // the temp assets dir
std::map<std::string, std::string> g_orig;  // relative path -> shipped text

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const std::string& path, const char* data, size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
}

// A 1x1 PNG: every shipped asset name exists and decodes, without decoding 1080p pictures on
// every input (which made the fuzzer 50x slower).
const unsigned char kTinyPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
    0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0x68, 0x68, 0x68, 0x00, 0x00, 0x03, 0x04, 0x01, 0x81, 0x4b, 0xd3, 0xd2,
    0x10, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void cleanup() {
    std::error_code ec;
    if (!g_dir.empty()) fs::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char tmpl[] = "/tmp/ww-fuzz-layouts-XXXXXX";
    if (!mkdtemp(tmpl)) abort();
    g_dir = tmpl;
    const fs::path src = fs::path(WEGWIJZER_SOURCE_DIR) / "layouts";
    fs::create_directories(g_dir + "/screens");
    for (auto& e : fs::recursive_directory_iterator(src)) {
        if (e.path().extension() != ".toml") continue;
        const std::string rel = fs::relative(e.path(), src).string();
        g_orig[rel] = slurp(e.path());
        const std::string& text = g_orig[rel];
        spit(g_dir + "/" + rel, text.data(), text.size());
    }
    g_assets = g_dir + "/assets";
    fs::create_directories(g_assets);
    for (auto& e : fs::directory_iterator(fs::path(WEGWIJZER_SOURCE_DIR) / "assets"))
        if (e.path().extension() == ".png")
            spit(g_assets + "/" + e.path().filename().string(),
                 reinterpret_cast<const char*>(kTinyPng), sizeof kTinyPng);
    std::atexit(cleanup);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    static const char* files[] = {"kiosk.toml", "guide.toml", "screens/home.toml",
                                  "screens/fuzz.toml"};
    const std::string rel = files[data[0] % 4];
    const std::string path = g_dir + "/" + rel;
    spit(path, reinterpret_cast<const char*>(data + 1), size - 1);

    ww::ContentLoad load = ww::load_content(g_dir, g_assets);
    for (auto& p : load.problems) (void)p.format();
    if (load.content) {
        const ww::Content& c = *load.content;
        (void)c.all_strings();
        for (auto& l : c.languages) (void)c.word("home", l);
        const ww::Guide& g = c.guide;
        for (auto& path : ww::all_paths(g, 2000)) {
            ww::Answers answers(path.steps.begin(), path.steps.end());
            (void)ww::match_rule(g, answers);
        }
        // Content without problems is what the kiosk shows: what it relies on must hold.
        if (load.ok()) {
            if (c.languages.empty() || !c.screen(c.home)) abort();
            for (auto& s : c.screens)  // a tile to the guide must find its first question
                for (auto& b : s.blocks)
                    if (auto k = std::get_if<ww::Tiles>(&b))
                        for (auto& t : k->tiles)
                            if (t.screen == "guide" && !g.question(g.start)) abort();
            for (auto& q : g.questions)
                for (auto& a : q.answers)
                    if (!a.next.empty() && !g.question(a.next)) abort();
            for (auto& path : ww::all_paths(g, 2000))
                if (path.result.empty() || !g.result(path.result)) abort();
        }
    }

    // Put the shipped file back (or remove the extra screen).
    auto it = g_orig.find(rel);
    if (it != g_orig.end())
        spit(path, it->second.data(), it->second.size());
    else
        fs::remove(path);
    return 0;
}
