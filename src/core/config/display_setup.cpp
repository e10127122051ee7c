#include "core/config/display_setup.h"

namespace ww {

std::vector<std::string> touch_matrix(const std::string& rotation) {
    // xrandr turns the picture counter-clockwise for "left" and clockwise for "right" (man
    // xrandr); these are libinput's matrices for 90, 270 and 180 degrees clockwise, which bring
    // a touch back under the finger on the turned picture.
    if (rotation == "left") return {"0", "-1", "1", "1", "0", "0", "0", "0", "1"};
    if (rotation == "right") return {"0", "1", "0", "-1", "0", "1", "0", "0", "1"};
    if (rotation == "inverted") return {"-1", "0", "1", "0", "-1", "1", "0", "0", "1"};
    return {"1", "0", "0", "0", "1", "0", "0", "0", "1"};
}

std::vector<Argv> display_setup_commands(const KioskConfig& config) {
    std::vector<Argv> out;
    const std::string& rotation = config.display.rotation;
    if (rotation != "normal") out.push_back({"xrandr", "--orientation", rotation});
    if (!config.touch.device.empty()) {
        Argv xinput = {"xinput", "set-prop", config.touch.device,
                       "Coordinate Transformation Matrix"};
        for (auto& m : touch_matrix(rotation)) xinput.push_back(m);
        out.push_back(std::move(xinput));
    }
    return out;
}

std::string command_text(const Argv& argv) {
    std::string out;
    for (auto& a : argv) {
        if (!out.empty()) out += ' ';
        const bool plain = !a.empty() && a.find_first_not_of(
                                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789-_.,:/+=@%") == std::string::npos;
        if (plain) {
            out += a;
            continue;
        }
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

}  // namespace ww
