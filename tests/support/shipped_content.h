// The shipped layouts/ and assets/, loaded once per test binary (tests run from the repo root).
#pragma once
#include <doctest/doctest.h>

#include "core/content/content.h"

inline const ww::Content& shipped() {
    static const ww::ContentLoad load = ww::load_content("layouts", "assets");
    REQUIRE(load.content);
    return *load.content;
}
