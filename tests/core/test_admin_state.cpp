// The PIN guard across restarts (core/admin_state.h): fake monotonic clocks, a fake wall clock.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../support/capture_stderr.h"
#include "core/admin/admin_state.h"

using namespace ww;
namespace fs = std::filesystem;

namespace {

constexpr double kWall = 1.7e9;  // the wall clock when the first kiosk "runs"

// A scratch folder for one test, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() /
               ("ww-state-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string str(const std::string& rel = "") const { return (path / rel).string(); }
};

// Three wrong PINs on guard A (delays 1, 2, then 4 s), saved at monotonic 103 = wall kWall.
void three_wrong(const std::string& dir) {
    PinGuard a(5, 300);
    REQUIRE(a.record(false, 100) == PinGuard::Result::Wrong);
    REQUIRE(a.record(false, 101) == PinGuard::Result::Wrong);
    REQUIRE(a.record(false, 103) == PinGuard::Result::Wrong);
    REQUIRE(a.wait_left(103) == doctest::Approx(4));
    GuardFile(dir).save(a, 103, kWall);
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("PIN guard: failures and the wait survive a restart") {
    TempDir d;
    const std::string dir = d.str("state");
    three_wrong(dir);
    CHECK(read(dir + "/admin-guard").find("failures=3\n") == 0);
    CHECK_FALSE(fs::exists(dir + "/admin-guard.tmp"));

    SUBCASE("restarted at once: 3 failures, the same 4 s wait") {
        PinGuard b(5, 300);
        GuardFile(dir).load(b, 7, kWall);  // a new process: its clock starts elsewhere
        CHECK(b.failures() == 3);
        CHECK(b.wait_left(7) == doctest::Approx(4).epsilon(0.001));
        CHECK(b.record(true, 10) == PinGuard::Result::Wait);  // even the right PIN waits
        CHECK(b.record(false, 11.01) == PinGuard::Result::Wrong);
        CHECK(b.failures() == 4);
        CHECK(b.wait_left(11.01) == doctest::Approx(8));  // the 4th wrong PIN: 8 s
    }
    SUBCASE("restarted 3 s later: 1 s left") {
        PinGuard b(5, 300);
        GuardFile(dir).load(b, 0, kWall + 3);
        CHECK(b.failures() == 3);
        CHECK(b.wait_left(0) == doctest::Approx(1).epsilon(0.001));
    }
}

TEST_CASE("PIN guard: a lockout survives a restart and ends on the wall clock") {
    TempDir d;
    const std::string dir = d.str("state");
    PinGuard a(2, 300);
    REQUIRE(a.record(false, 50) == PinGuard::Result::Wrong);
    REQUIRE(a.record(false, 52) == PinGuard::Result::Locked);
    GuardFile(dir).save(a, 52, kWall);

    PinGuard b(2, 300);
    GuardFile(dir).load(b, 0, kWall + 100);
    CHECK(b.locked(0));
    CHECK(b.wait_left(0) == doctest::Approx(200).epsilon(0.001));
    CHECK(b.record(true, 199) == PinGuard::Result::Locked);

    PinGuard c(2, 300);
    GuardFile(dir).load(c, 0, kWall + 301);
    CHECK_FALSE(c.locked(0));
    CHECK(c.wait_left(0) == 0);
    CHECK(c.failures() == 0);
    CHECK(c.record(true, 0) == PinGuard::Result::Accepted);

    SUBCASE("a right PIN saved clears the history") {
        GuardFile(dir).save(c, 0, kWall + 301);
        PinGuard e(2, 300);
        GuardFile(dir).load(e, 0, kWall + 302);
        CHECK(e.failures() == 0);
        CHECK(e.wait_left(0) == 0);
    }
}

TEST_CASE("PIN guard: a wall clock set back locks no longer than a lockout") {
    PinGuard a(2, 300);
    a.record(false, 0);
    a.record(false, 1);
    PinGuard::Saved s = a.save(1, kWall);
    PinGuard b(2, 300);
    b.restore(s, 0, kWall - 3600);  // the clock went back an hour
    CHECK(b.locked(0));
    CHECK(b.wait_left(0) == doctest::Approx(300));
    s = {1, 0, kWall + 1e6};  // a delay far away
    b.restore(s, 0, kWall);
    CHECK(b.wait_left(0) == doctest::Approx(30));
    s = {99, 0, 0};  // more failures than this profile allows: the next wrong PIN locks
    b.restore(s, 0, kWall);
    CHECK(b.failures() == 2);
    CHECK(b.record(false, 0) == PinGuard::Result::Locked);
}

TEST_CASE("guard file text: round trip; anything else is corrupt") {
    PinGuard::Saved s{3, 0, 1718000004.25}, back;
    CHECK(format_guard(s) == "failures=3\nlocked_until=0.000\nnext_try=1718000004.250\n");
    REQUIRE(parse_guard(format_guard(s), back));
    CHECK(back.failures == 3);
    CHECK(back.locked_until == 0);
    CHECK(back.next_try == doctest::Approx(1718000004.25));
    for (const char* bad :
         {"", "garbage", "failures=3\n", "failures=-1\nlocked_until=0\nnext_try=0\n",
          "failures=2.5\nlocked_until=0\nnext_try=0\n",
          "failures=3\nlocked_until=nan\nnext_try=0\n",
          "failures=3\nlocked_until=0\nnext_try=inf\n", "failures=3\nlocked_until=0\nnext_try=x\n",
          "failures=3\nfailures=0\nlocked_until=0\nnext_try=0\n",
          "failures=3\nlocked_until=0\nnext_try=0\nextra=1\n"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_guard(bad, back));
    }
}

TEST_CASE("a corrupt guard file counts as no history, is logged, and is replaced") {
    TempDir d;
    std::ofstream(d.str("admin-guard")) << "failures=-50\nlocked_until=0\nnext_try=0\n";
    CaptureStderr log;
    PinGuard g(3, 60);
    GuardFile f(d.str());
    f.load(g, 0, kWall);
    CHECK(log.count("event=state_corrupt") == 1);
    CHECK(g.failures() == 0);  // what a fresh guard has: no more tries than that
    CHECK(g.record(false, 0) == PinGuard::Result::Wrong);
    CHECK(g.record(false, 1) == PinGuard::Result::Wrong);
    CHECK(g.record(false, 3) == PinGuard::Result::Locked);  // after 3, as configured
    f.save(g, 3, kWall + 3);
    PinGuard again(3, 60);
    GuardFile(d.str()).load(again, 0, kWall + 3);
    CHECK(again.locked(0));
}

TEST_CASE("an unwritable state dir is survived and logged once; the guard works in memory") {
    TempDir d;
    std::ofstream(d.str("file")) << "a regular file";
    const std::string dir = d.str("file/state");  // root cannot create this one either
    CaptureStderr log;
    PinGuard g(5, 300);
    GuardFile f(dir);
    f.load(g, 0, kWall);
    CHECK(g.record(false, 0) == PinGuard::Result::Wrong);
    f.save(g, 0, kWall);
    CHECK(g.record(false, 1) == PinGuard::Result::Wrong);
    f.save(g, 1, kWall + 1);
    CHECK(g.failures() == 2);
    CHECK(log.count("event=state_unwritable dir=" + dir) == 1);
}

TEST_CASE("no state dir at all: memory only, logged") {
    CaptureStderr log;
    PinGuard g(5, 300);
    GuardFile f("");
    f.load(g, 0, kWall);
    f.save(g, 0, kWall);
    CHECK(log.count("event=state_unwritable") == 1);
}

TEST_CASE("the state dir is made with mode 0700 (parents as needed), the file 0600") {
    TempDir d;
    const std::string dir = d.str("a/b/wegwijzer");
    PinGuard g(5, 300);
    GuardFile f(dir);
    f.load(g, 0, kWall);
    struct stat st {};
    REQUIRE(::stat(dir.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(f.path() == dir + "/admin-guard");
    CHECK_FALSE(fs::exists(f.path()));  // nothing written before the first PIN
    g.record(false, 0);
    f.save(g, 0, kWall);
    REQUIRE(::stat(f.path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}
