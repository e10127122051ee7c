// Libraries opened on first use (platform/lazy/lazy_lib.h): found, missing, or missing a function.
#include <doctest/doctest.h>

#include <cmath>

#include "platform/lazy/lazy_lib.h"

using namespace ww;

TEST_CASE("lazy library: a function of an installed library is found and called") {
    LazyLib m("libm.so.6");
    const auto cosine = m.get<double (*)(double)>("cos");
    const bool found = cosine != nullptr;
    REQUIRE(found);
    CHECK(cosine(0.0) == doctest::Approx(1.0));
    CHECK(m.ok());
    CHECK(m.error().empty());
}

TEST_CASE("lazy library: a missing library or function is an error that names it") {
    LazyLib missing("libwegwijzer-no-such-library.so.9");
    CHECK_FALSE(missing.ok());
    const bool any = missing.get<void (*)()>("anything") != nullptr;
    CHECK_FALSE(any);
    CHECK(missing.error().find("libwegwijzer-no-such-library.so.9") != std::string::npos);

    LazyLib m("libm.so.6");
    const bool no_such = m.get<void (*)()>("ww_no_such_function") != nullptr;
    CHECK_FALSE(no_such);
    CHECK_FALSE(m.ok());
    CHECK(m.error() == "libm.so.6 has no ww_no_such_function");
    const bool sine = m.get<double (*)(double)>("sin") != nullptr;
    CHECK(sine);
    CHECK(m.error() == "libm.so.6 has no ww_no_such_function");  // the first error stays
}
