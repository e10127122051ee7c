// A copy of the shipped layouts/ and assets/ in a temp folder, to edit for one test and load
// like a site's content. Removed with the object.
#pragma once
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/content/content.h"

struct ContentCopy {
    std::filesystem::path root;

    explicit ContentCopy(const std::string& name = "copy") {
        static int counter = 0;
        root = std::filesystem::temp_directory_path() /
               ("ww-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root);
        std::filesystem::copy("layouts", root / "layouts",
                              std::filesystem::copy_options::recursive);
        std::filesystem::copy("assets", root / "assets", std::filesystem::copy_options::recursive);
    }
    ~ContentCopy() { std::filesystem::remove_all(root); }
    ContentCopy(const ContentCopy&) = delete;
    ContentCopy& operator=(const ContentCopy&) = delete;

    std::string layouts() const { return (root / "layouts").string(); }
    std::string assets() const { return (root / "assets").string(); }
    ww::ContentLoad load() const { return ww::load_content(layouts(), assets()); }

    std::string path(const std::string& file) const { return (root / "layouts" / file).string(); }
    std::string read(const std::string& file) const {
        std::ifstream in(root / "layouts" / file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream(root / "layouts" / file, std::ios::binary | std::ios::trunc) << text;
    }
    // Replaces the first `from` in layouts/FILE with `to`; fails the test when absent.
    void edit(const std::string& file, const std::string& from, const std::string& to) const {
        std::string text = read(file);
        const size_t at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from << " not in " << file);
        text.replace(at, from.size(), to);
        write(file, text);
    }
};
