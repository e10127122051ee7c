// display.rotation and touch.device become xrandr and xinput commands, argv exactly as they run.
#include <doctest/doctest.h>

#include "core/config/config.h"
#include "core/config/display_setup.h"

using namespace ww;

namespace {
KioskConfig with(const std::string& rotation, const std::string& device = "") {
    KioskConfig c;
    c.display.rotation = rotation;
    c.touch.device = device;
    return c;
}
const std::string kCtm = "Coordinate Transformation Matrix";
}  // namespace

TEST_CASE("the default profile runs nothing") {
    CHECK(display_setup_commands(KioskConfig{}).empty());
    CHECK(display_setup_commands(with("normal")).empty());
}

TEST_CASE("each rotation turns the picture with xrandr, and nothing else without a touch.device") {
    for (const char* r : {"left", "right", "inverted"}) {
        CAPTURE(r);
        CHECK(display_setup_commands(with(r)) == std::vector<Argv>{{"xrandr", "--orientation", r}});
    }
}

TEST_CASE("touch.device: its matrix follows the rotation, after xrandr") {
    CHECK(display_setup_commands(with("left", "Test Touch")) ==
          std::vector<Argv>{{"xrandr", "--orientation", "left"},
                            {"xinput", "set-prop", "Test Touch", kCtm, "0", "-1", "1", "1", "0",
                             "0", "0", "0", "1"}});
    CHECK(display_setup_commands(with("right", "Test Touch")) ==
          std::vector<Argv>{{"xrandr", "--orientation", "right"},
                            {"xinput", "set-prop", "Test Touch", kCtm, "0", "1", "0", "-1", "0",
                             "1", "0", "0", "1"}});
    CHECK(display_setup_commands(with("inverted", "Test Touch")) ==
          std::vector<Argv>{{"xrandr", "--orientation", "inverted"},
                            {"xinput", "set-prop", "Test Touch", kCtm, "-1", "0", "1", "0", "-1",
                             "1", "0", "0", "1"}});
    // Not turned: the screen is left alone, the touchscreen gets the identity back.
    CHECK(display_setup_commands(with("normal", "pointer:ELAN Touchscreen")) ==
          std::vector<Argv>{{"xinput", "set-prop", "pointer:ELAN Touchscreen", kCtm, "1", "0", "0",
                             "0", "1", "0", "0", "0", "1"}});
}

// The matrices, checked by what they do: a touch on the panel's top-left, top-right and
// bottom-left corner lands on the corner of the turned picture that is there now.
TEST_CASE("each matrix puts a touch under the finger on the turned picture") {
    auto apply = [](const std::string& rotation, double x, double y) {
        std::vector<double> m;
        for (auto& s : touch_matrix(rotation)) m.push_back(std::stod(s));
        REQUIRE(m.size() == 9);
        CHECK(m[6] == 0);
        CHECK(m[7] == 0);
        CHECK(m[8] == 1);
        return std::pair<double, double>{m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
    };
    using P = std::pair<double, double>;
    // left: the picture turned counter-clockwise; its top-left is at the panel's bottom-left.
    CHECK(apply("left", 0, 1) == P{0, 0});
    CHECK(apply("left", 0, 0) == P{1, 0});  // the panel's top-left: the picture's top-right
    CHECK(apply("left", 1, 1) == P{0, 1});
    // right: turned clockwise; its top-left is at the panel's top-right.
    CHECK(apply("right", 1, 0) == P{0, 0});
    CHECK(apply("right", 1, 1) == P{1, 0});
    CHECK(apply("right", 0, 0) == P{0, 1});
    // inverted: upside down.
    CHECK(apply("inverted", 1, 1) == P{0, 0});
    CHECK(apply("inverted", 0, 1) == P{1, 0});
    CHECK(apply("normal", 0.25, 0.75) == P{0.25, 0.75});
}

TEST_CASE("a command as one log line, quoted like a shell would need it") {
    CHECK(command_text({"xrandr", "--orientation", "left"}) == "xrandr --orientation left");
    CHECK(command_text({"xinput", "set-prop", "Test Touch", kCtm, "0", "-1", "1", "1", "0", "0",
                        "0", "0", "1"}) ==
          "xinput set-prop 'Test Touch' 'Coordinate Transformation Matrix' 0 -1 1 1 0 0 0 0 1");
    CHECK(command_text({"xinput", "set-prop", "Bob's pad", ""}) ==
          "xinput set-prop 'Bob'\\''s pad' ''");
}

TEST_CASE("display.rotation takes four values; a wrong one is a file:line:col problem") {
    const ConfigLoad ok = load_config("", {"display.rotation=right", "touch.device=Test Touch"});
    CHECK(ok.ok());
    CHECK(ok.config.display.rotation == "right");
    CHECK(ok.config.touch.device == "Test Touch");
    const ConfigLoad bad = load_config("", {"display.rotation=portrait"});
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].format() ==
          "--set display.rotation=portrait:1:20: 'display.rotation' is 'portrait'; it must be one "
          "of normal, left, right, inverted");
    CHECK(bad.config.display.rotation == "normal");
}
