// main's last line of defence (src/main.cpp runs everything through run_guarded).
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "../support/capture_stderr.h"
#include "core/base/guard.h"

using namespace ww;

TEST_CASE("run_guarded passes the body's exit code through and logs nothing") {
    CaptureStderr err;
    CHECK(run_guarded([] { return 0; }) == 0);
    CHECK(run_guarded([] { return 3; }) == 3);
    CHECK(err.text().empty());
}

TEST_CASE("an escaping std::exception is one event=fatal line and exit code 70") {
    CaptureStderr err;
    const int code = run_guarded([]() -> int {
        throw std::runtime_error("layouts went away\nsecond line\twith \"quotes\"");
    });
    CHECK(code == kFatalExit);
    CHECK(kFatalExit == 70);
    CHECK(err.text() ==
          "wegwijzer: event=fatal reason=\"layouts went away second line with 'quotes'\"\n");
}

TEST_CASE("a std::filesystem error from the body is caught and named") {
    CaptureStderr err;
    const int code = run_guarded([]() -> int {
        // What main's own path handling throws when the file system refuses.
        std::filesystem::directory_iterator it("/nonexistent/wegwijzer-layouts");
        return it == std::filesystem::directory_iterator() ? 0 : 1;
    });
    CHECK(code == kFatalExit);
    const std::string text = err.text();
    CHECK(text.rfind("wegwijzer: event=fatal reason=\"", 0) == 0);
    CHECK(text.find("/nonexistent/wegwijzer-layouts") != std::string::npos);
    CHECK(text.find('\n') == text.size() - 1);  // one line
}

TEST_CASE("an exception that is no std::exception is caught too") {
    CaptureStderr err;
    CHECK(run_guarded([]() -> int { throw 42; }) == kFatalExit);
    CHECK(err.text() == "wegwijzer: event=fatal reason=\"unknown exception\"\n");
}

TEST_CASE("one_line: control characters, quotes, length, never empty") {
    CHECK(one_line("a\r\n\tb  c ") == "a b c");
    CHECK(one_line("say \"hi\"") == "say 'hi'");
    CHECK(one_line("") == "unknown");
    CHECK(one_line("\n\n") == "unknown");
    CHECK(one_line(std::string(1000, 'x')).size() == 400);
    // A cut never splits a UTF-8 character: 399 ASCII bytes, then 'é' (2 bytes) over the limit.
    const std::string cut = one_line(std::string(399, 'x') + "\xc3\xa9" + "tail");
    CHECK(cut == std::string(399, 'x'));
}
