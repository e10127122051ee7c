// The folders of a run (core/config/paths.h): one rule for the content, the profile and the
// state folder, whichever part of the kiosk asks.
#include <doctest/doctest.h>

#include "core/config/paths.h"

using namespace ww;

namespace {
DefaultPaths source_tree() {
    DefaultPaths d;
    d.layouts = "/src/layouts";
    d.config = "/src/kiosk-config/default.toml";
    return d;
}
DefaultPaths installed() {
    DefaultPaths d;
    d.installed = true;
    d.layouts = "/usr/share/wegwijzer/layouts";
    d.config = "/etc/wegwijzer/kiosk.toml";
    d.state_dir = "/var/lib/wegwijzer";
    return d;
}
}  // namespace

TEST_CASE("paths: the content and profile from the command line, else the shipped ones") {
    const Paths shipped = resolve_paths({installed(), "", "", "", nullptr, nullptr});
    CHECK(shipped.layouts == "/usr/share/wegwijzer/layouts");
    CHECK(shipped.assets == "/usr/share/wegwijzer/assets");
    CHECK(shipped.config == "/etc/wegwijzer/kiosk.toml");
    const PathInputs named{installed(), "site/layouts/", "site.toml", "", nullptr, nullptr};
    const Paths p = resolve_paths(named);
    CHECK(p.layouts == "site/layouts/");
    CHECK(p.assets == "site/assets");
    CHECK(p.config == "site.toml");
    CHECK(profile_path(named) == "site.toml");
    CHECK(resolve_paths({source_tree(), "layouts", "", "", nullptr, nullptr}).assets == "assets");
}

TEST_CASE("paths: state.dir, else the package's, else XDG_STATE_HOME, else HOME, else none") {
    auto state = [](DefaultPaths d, const char* set, const char* xdg, const char* home) {
        return resolve_paths({std::move(d), "", "", set, xdg, home}).state_dir;
    };
    CHECK(state(installed(), "/srv/k", "/x/state", "/home/k") == "/srv/k");
    CHECK(state(installed(), "", "/x/state", "/home/k") == "/var/lib/wegwijzer");
    CHECK(state(source_tree(), "/srv/k", "/x/state", "/home/k") == "/srv/k");
    CHECK(state(source_tree(), "", "/x/state", "/home/k") == "/x/state/wegwijzer");
    CHECK(state(source_tree(), "", nullptr, "/home/k") == "/home/k/.local/state/wegwijzer");
    CHECK(state(source_tree(), "", "", "/home/k") == "/home/k/.local/state/wegwijzer");
    CHECK(state(source_tree(), "", "relative", "/home/k") == "/home/k/.local/state/wegwijzer");
    CHECK(state(source_tree(), "", nullptr, nullptr).empty());
    CHECK(state(source_tree(), "", nullptr, "").empty());
}

TEST_CASE("paths: updates are followed with a state folder and no --layouts, from any tree") {
    CHECK(resolve_paths({installed(), "", "", "", nullptr, nullptr}).follow_updates);
    // From a source tree too: the same folder as the PIN guard and the usage figures.
    CHECK(resolve_paths({source_tree(), "", "", "", "/x/state", nullptr}).follow_updates);
    CHECK_FALSE(resolve_paths({installed(), "layouts", "", "", nullptr, nullptr}).follow_updates);
    CHECK_FALSE(resolve_paths({source_tree(), "", "", "", nullptr, nullptr}).follow_updates);
}
