// Where the kiosk looks with no --config / --layouts: the package's folders for the installed
// binary, the source tree for a developer's build.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/config/default_paths.h"

using namespace ww;
namespace fs = std::filesystem;

namespace {
// A fake root with <root>/usr/bin/wegwijzer and, optionally, the package's content.
struct FakeRoot {
    fs::path root = fs::temp_directory_path() / ("ww-paths-" + std::to_string(::getpid()));
    InstallDirs dirs;
    explicit FakeRoot(bool with_content) {
        fs::remove_all(root);
        fs::create_directories(root / "usr/bin");
        std::ofstream(root / "usr/bin/wegwijzer") << "binary";
        if (with_content) fs::create_directories(root / "usr/share/wegwijzer/layouts");
        fs::create_directories(root / "work/layouts");
        fs::create_directories(root / "empty");
        dirs = {(root / "usr/bin").string(), (root / "usr/share").string(), (root / "etc").string(),
                (root / "var").string()};
    }
    ~FakeRoot() { fs::remove_all(root); }
    std::string path(const char* p) const { return (root / p).string(); }
};
}  // namespace

TEST_CASE("the installed binary uses the package's content, profile and state folder") {
    FakeRoot r(true);
    const DefaultPaths p =
        default_paths(r.path("usr/bin/wegwijzer"), r.path("work"), "/src", r.dirs);
    CHECK(p.installed);
    CHECK(p.layouts == r.path("usr/share/wegwijzer/layouts"));
    CHECK(p.config == r.path("etc/wegwijzer/kiosk.toml"));
    CHECK(p.state_dir == r.path("var/lib/wegwijzer"));
    // Through a symlink (as /proc/self/exe may name it) it is still the installed binary.
    fs::create_symlink(r.path("usr/bin/wegwijzer"), r.root / "link");
    CHECK(default_paths(r.path("link"), r.path("work"), "/src", r.dirs).installed);
}

TEST_CASE("a build tree binary uses the working directory's layouts, else the source tree") {
    FakeRoot r(true);
    std::ofstream(r.root / "wegwijzer") << "another binary";
    const DefaultPaths here = default_paths(r.path("wegwijzer"), r.path("work"), "/src", r.dirs);
    CHECK_FALSE(here.installed);
    CHECK(here.layouts == "layouts");
    CHECK(here.config == "kiosk-config/default.toml");
    CHECK(here.state_dir.empty());
    const DefaultPaths tree = default_paths(r.path("wegwijzer"), r.path("empty"), "/src", r.dirs);
    CHECK(tree.layouts == "/src/layouts");
    CHECK(tree.config == "/src/kiosk-config/default.toml");
}

TEST_CASE("a binary in bindir without the package's content is no install") {
    FakeRoot r(false);
    const DefaultPaths p =
        default_paths(r.path("usr/bin/wegwijzer"), r.path("empty"), "/src", r.dirs);
    CHECK_FALSE(p.installed);
    CHECK(p.layouts == "/src/layouts");
}

TEST_CASE("a layouts/ in the working directory that cannot be examined is an error, no guess") {
    FakeRoot r(false);
    fs::create_symlink("layouts", r.root / "empty" / "layouts");  // a loop
    CHECK_THROWS_AS(default_paths(r.path("wegwijzer"), r.path("empty"), "/src", r.dirs),
                    fs::filesystem_error);
}
