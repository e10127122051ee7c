// Inputs found by the fuzzers (tests/fuzz/, `make fuzz`): each once broke an invariant the kiosk
// relies on, and must now be reported as a problem instead.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/config/config.h"
#include "fixture.h"

using namespace ww;

namespace {

// load_config on `text` written to a temp file.
ConfigLoad config_from(const std::string& text, const std::vector<std::string>& sets = {}) {
    char path[] = "/tmp/ww-fuzz-regression-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    std::ofstream(path, std::ios::binary) << text;
    ConfigLoad load = load_config(path, sets);
    std::remove(path);
    return load;
}

bool has_problem(const Problems& ps, const std::string& needle) {
    for (auto& p : ps)
        if (p.format().find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("fuzz_config: nan passed every range check (nan < min and nan > max are both false)") {
    SUBCASE("in the file") {
        ConfigLoad c = config_from("[display]\nmin_target_mm = nan\n");
        CHECK(has_problem(c.problems, "display.min_target_mm"));
        CHECK(c.config.display.min_target_mm == 20);
    }
    SUBCASE("with --set") {
        ConfigLoad c = config_from("", {"display.px_per_mm=nan", "touch.inertia_decay=-nan"});
        CHECK(has_problem(c.problems, "display.px_per_mm"));
        CHECK(has_problem(c.problems, "touch.inertia_decay"));
        CHECK(c.config.display.px_per_mm == 0);
        CHECK(c.config.touch.inertia_decay == 4.0);
    }
    SUBCASE("infinity was already out of range") {
        ConfigLoad c = config_from("[night]\ndim = inf\n");
        CHECK(has_problem(c.problems, "night.dim"));
        CHECK(std::isfinite(c.config.night.dim));
    }
}

TEST_CASE("fuzz_layouts: a guide without questions skipped every guide check") {
    // The home tile to the guide then opened a question that does not exist: an empty screen.
    ContentFixture f;
    SUBCASE("an empty list") {
        f.write("guide.toml", "start = \"rol\"\nquestion = []\nrule = []\nresult = []\n");
        ContentLoad load = f.load();
        CHECK_FALSE(load.ok());
        CHECK(has_problem(load.problems, "at least one [[question]]"));
    }
    SUBCASE("entries that are not tables were skipped silently") {
        f.write("guide.toml",
                "start = \"rol\"\nquestion = [\"rol\"]\nrule = [1]\nresult = [true]\n");
        ContentLoad load = f.load();
        CHECK_FALSE(load.ok());
        CHECK(has_problem(load.problems, "[[question]] entries must be tables"));
        CHECK(has_problem(load.problems, "[[rule]] entries must be tables"));
        CHECK(has_problem(load.problems, "[[result]] entries must be tables"));
    }
}
