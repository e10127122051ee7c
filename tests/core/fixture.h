// A scratch copy of the shipped layouts/ and assets/ that a test may break on purpose.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/content/content.h"

struct ContentFixture {
    std::filesystem::path root;
    ContentFixture() {
        root = std::filesystem::temp_directory_path() /
               ("ww-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root);
        std::filesystem::copy("layouts", root / "layouts",
                              std::filesystem::copy_options::recursive);
        std::filesystem::copy("assets", root / "assets", std::filesystem::copy_options::recursive);
    }
    ~ContentFixture() { std::filesystem::remove_all(root); }
    std::string path(const std::string& rel) const { return (root / "layouts" / rel).string(); }
    std::string read(const std::string& rel) const {
        std::ifstream in(path(rel), std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(path(rel), std::ios::binary) << text;
    }
    // Replaces the first `from` in file `rel` with `to`; fails the test when absent.
    void edit(const std::string& rel, const std::string& from, const std::string& to) const;
    ww::ContentLoad load() const {
        return ww::load_content((root / "layouts").string(), (root / "assets").string());
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

#include <doctest/doctest.h>
#include <unistd.h>

inline void ContentFixture::edit(const std::string& rel, const std::string& from,
                                 const std::string& to) const {
    std::string s = read(rel);
    const size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " << from);
    s.replace(at, from.size(), to);
    write(rel, s);
}

// The one problem whose message contains `needle`, formatted; empty when none.
inline std::string find_problem(const ww::Problems& ps, const std::string& needle) {
    for (auto& p : ps)
        if (p.format().find(needle) != std::string::npos) return p.format();
    return {};
}
