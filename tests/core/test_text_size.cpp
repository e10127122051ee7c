// EN 301 549 5.1.4: "large" text has a capital H of at least 0.7 degrees of visual angle at the
// profile's viewing distance, for every shipped profile.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/access/text_size.h"
#include "core/config/config.h"

using namespace ww;

TEST_CASE("minimum cap height from the viewing distance") {
    CHECK(min_cap_height_mm(50) == doctest::Approx(6.109).epsilon(0.001));
    CHECK(min_cap_height_mm(100) == doctest::Approx(2 * min_cap_height_mm(50)));
}

TEST_CASE("Large and Larger meet 5.1.4 on every profile; Normal is left alone") {
    int profiles = 0;
    for (auto& entry : std::filesystem::directory_iterator("kiosk-config")) {
        if (entry.path().extension() != ".toml") continue;
        const ConfigLoad load = load_config(entry.path().string(), {});
        CAPTURE(entry.path().string());
        REQUIRE(load.ok());
        const double ppm =
            load.config.display.px_per_mm > 0 ? load.config.display.px_per_mm : kAssumedPxPerMm;
        const double d = load.config.display.viewing_distance_cm;
        const double need = min_cap_height_mm(d);
        // Normal sizes as the screen layout picks them: a small and a big screen.
        for (float normal : {18.0f, 28.0f, 40.0f}) {
            CAPTURE(normal);
            CHECK(body_px_for(TextSize::Normal, normal, ppm, d) == normal);
            const float large = body_px_for(TextSize::Large, normal, ppm, d);
            const float larger = body_px_for(TextSize::Larger, normal, ppm, d);
            CHECK(cap_height_mm(large, ppm) >= need);
            CHECK(large >= normal * 1.35f);
            CHECK(larger > large);
            MESSAGE(entry.path().filename().string()
                    << ": " << d << " cm, " << ppm << " px/mm: cap >= " << need << " mm; Large "
                    << large << " px = " << cap_height_mm(large, ppm) << " mm cap");
        }
        ++profiles;
    }
    CHECK(profiles > 0);
}

TEST_CASE("Larger stays within what the screen can lay out, never below Large") {
    const float large = body_px_for(TextSize::Large, 28, 5.0, 50);
    CHECK(body_px_for(TextSize::Larger, 28, 5.0, 50) == doctest::Approx(large * 1.25f));
    CHECK(body_px_for(TextSize::Larger, 28, 5.0, 50, 60) == doctest::Approx(60));
    CHECK(body_px_for(TextSize::Larger, 28, 5.0, 50, 30) == doctest::Approx(large));  // rule first
    CHECK(body_px_for(TextSize::Larger, 28, 3.6, 50, 60) ==
          doctest::Approx(body_px_for(TextSize::Large, 28, 3.6, 50) * 1.25f));
}

TEST_CASE("a sharp screen far away gets larger Large text") {
    // 15.6" 1080p (about 5.7 px/mm) read from 80 cm: 9.8 mm cap height -> about 107 px font.
    const float large = body_px_for(TextSize::Large, 28, 5.7, 80);
    CHECK(cap_height_mm(large, 5.7) >= min_cap_height_mm(80));
    CHECK(large > 28 * 1.35f);
}

TEST_CASE("the cap-height ratio matches the Noto Sans file (when installed)") {
    const char* path = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        MESSAGE("skipped: " << path << " not installed");
        return;
    }
    const std::vector<unsigned char> d((std::istreambuf_iterator<char>(f)),
                                       std::istreambuf_iterator<char>());
    auto u16 = [&](size_t at) { return static_cast<uint16_t>(d.at(at) << 8 | d.at(at + 1)); };
    auto u32 = [&](size_t at) { return static_cast<uint32_t>(u16(at)) << 16 | u16(at + 2); };
    size_t head = 0, hhea = 0, os2 = 0;
    for (size_t i = 0, n = u16(4); i < n; ++i) {
        const std::string tag(d.begin() + 12 + 16 * i, d.begin() + 16 + 16 * i);
        const size_t off = u32(12 + 16 * i + 8);
        if (tag == "head") head = off;
        if (tag == "hhea") hhea = off;
        if (tag == "OS/2") os2 = off;
    }
    REQUIRE((head && hhea && os2));
    const double em = u16(head + 18);
    const double ascent = static_cast<int16_t>(u16(hhea + 4)),
                 descent = static_cast<int16_t>(u16(hhea + 6));
    const double cap = static_cast<int16_t>(u16(os2 + 88));
    CHECK(cap / em == doctest::Approx(kCapHeightEm).epsilon(0.005));
    CHECK((ascent - descent) / em == doctest::Approx(kFontPxPerEm).epsilon(0.005));
}
