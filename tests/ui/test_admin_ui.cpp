// The hidden admin door through the headless kiosk: the corner gesture, the PIN pad, the guard
// across restarts.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "../support/capture_stderr.h"
#include "core/admin/admin.h"
#include "kiosk_fixture.h"
#include "platform/admin/pin_verifier.h"

using namespace ww;

namespace {

const char* const kPin = "13579024";

// `admin.pin_hash=...` for a PIN made at test time (nothing is shipped).
std::string pin_hash_set() {
    static const std::string hash = hash_pin(kPin);
    REQUIRE(!hash.empty());
    return "admin.pin_hash=\"" + hash + "\"";
}

// Five taps in the top-left corner (the default gesture), 0.2 s apart.
void corner_taps(Kiosk& k, int n = 5) {
    for (int i = 0; i < n; ++i) {
        k.k->tap(10, 10);
        k.k->step(0.2);
    }
}

// Types on the open pad, as a keyboard would ('\n' = OK).
void type(Kiosk& k, const std::string& keys) {
    for (char c : keys) k.app().key(c, k.k->now());
    k.k->settle();
}

}  // namespace

TEST_CASE("without a PIN hash the corner gesture opens nothing; the taps are ordinary taps") {
    Kiosk k;
    REQUIRE(k.app().config().admin.pin_hash.empty());
    const int taps = k.app().session().taps;
    corner_taps(k);
    CHECK_FALSE(k.app().admin_visible());
    CHECK(k.app().session().taps == taps + 5);
    CHECK_FALSE(k.app().key('1', k.k->now()));  // no pad takes keys
}

TEST_CASE("with a PIN hash the corner gesture opens the PIN pad") {
    Kiosk k(1920, 1080, {pin_hash_set()});
    const int taps = k.app().session().taps;
    corner_taps(k, 4);
    CHECK_FALSE(k.app().admin_visible());
    corner_taps(k, 1);
    CHECK(k.app().admin_visible());
    CHECK(k.app().session().taps == taps + 4);  // the fifth opened the pad: no click
    CHECK(k.app().key('1', k.k->now()));
}

TEST_CASE("the PIN is never logged and never spoken") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    std::vector<std::string> said;
    AppHooks hooks;
    hooks.speak = [&](const std::string& text, const std::string&, int) { said.push_back(text); };
    k.k->set_hooks(hooks);
    k.tap("##access");
    k.tap("##speech-on");  // read-aloud on: the worst case for a pad
    k.tap("##close-access");
    REQUIRE(k.app().session().speech);
    const size_t spoken = said.size();
    REQUIRE(spoken > 0);

    corner_taps(k);
    REQUIRE(k.app().admin_visible());
    type(k, "246813\n");  // wrong
    k.k->step(1.1);       // the 1 s delay
    type(k, kPin);
    type(k, "\n");
    CHECK(log.count("event=admin_pin_failed attempt=1") == 1);
    CHECK(log.count("event=admin_open") == 1);
    CHECK(log.count("246813") == 0);
    CHECK(log.count(kPin) == 0);
    CHECK(said.size() == spoken);  // nothing at all was said while the pad was open
    for (auto& text : said) CHECK(text.find(kPin) == std::string::npos);
}

TEST_CASE("wrong PINs and a lockout survive a restart of the kiosk") {
    const std::string dir = fresh_state_dir();
    const std::vector<std::string> sets = {pin_hash_set(), "state.dir=\"" + dir + "\"",
                                           "admin.max_attempts=2"};
    CaptureStderr log;
    {
        Kiosk a(1920, 1080, sets);
        corner_taps(a);
        type(a, "111111\n");
        a.k->step(1.1);
        type(a, "222222\n");
        REQUIRE(log.count("event=admin_lockout") == 1);
    }
    Kiosk b(1920, 1080, sets);  // the restart: same state.dir, a new clock
    CHECK(log.count("event=admin_guard_restored failures=2 locked=1") == 1);
    corner_taps(b);
    REQUIRE(b.app().admin_visible());
    type(b, std::string(kPin) + "\n");
    CHECK(log.count("event=admin_pin_refused reason=locked") == 1);
    CHECK(log.count("event=admin_open") == 0);  // still locked: the right PIN waits too
    CHECK(b.app().admin_visible());

    Kiosk fresh(1920, 1080, {pin_hash_set()});  // another state.dir: no history
    corner_taps(fresh);
    type(fresh, std::string(kPin) + "\n");
    CHECK(log.count("event=admin_open") == 1);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

// The staff buttons are drawn with the shared widgets, so tests tap them by id like any other.
namespace {

// Taps the PIN on the pad's own digit keys, then OK.
void tap_pin(Kiosk& k, const std::string& pin) {
    for (char c : pin) k.tap(std::string("##pad-") + c);
    k.tap("##pad-ok");
}

// Opens the panel through the corner, the pad's keys and the right PIN.
void open_panel(Kiosk& k) {
    corner_taps(k);
    REQUIRE(k.visible("##pad-ok"));
    tap_pin(k, kPin);
    REQUIRE(k.visible("##panel-exit"));
}

}  // namespace

TEST_CASE("the PIN pad's keys are tappable items; a PIN tapped on them opens the panel") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    CHECK_FALSE(k.visible("##pad-1"));
    corner_taps(k);
    for (const char* id :
         {"##pad-0", "##pad-1", "##pad-2", "##pad-3", "##pad-4", "##pad-5", "##pad-6", "##pad-7",
          "##pad-8", "##pad-9", "##pad-ok", "##pad-clear", "##pad-cancel"})
        CHECK_MESSAGE(k.visible(id), id);
    for (int i = 0; i < 3; ++i) k.k->step();
    CHECK(log.count("event=admin_pad ") == 1);  // the positions, for the real-window test
    CHECK(log.count(" ok=") == 1);

    tap_pin(k, "246813");  // wrong
    CHECK(log.count("event=admin_pin_failed attempt=1") == 1);
    CHECK(k.visible("##pad-ok"));
    k.k->step(1.1);  // the 1 s delay
    tap_pin(k, kPin);
    CHECK(log.count("event=admin_open") == 1);
    CHECK_FALSE(k.visible("##pad-ok"));
    for (const char* id : {"##panel-reload", "##panel-test", "##panel-close", "##panel-exit"})
        CHECK_MESSAGE(k.visible(id), id);
    for (int i = 0; i < 3; ++i) k.k->step();
    CHECK(log.count("event=admin_panel ") == 1);
    CHECK(log.count(" exit=") == 1);
    CHECK(log.count(kPin) == 0);
    CHECK(log.count("246813") == 0);
}

TEST_CASE("the pad's Clear forgets the digits; Cancel closes the pad") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    corner_taps(k);
    for (char c : std::string(kPin)) k.tap(std::string("##pad-") + c);
    k.tap("##pad-clear");
    k.tap("##pad-ok");  // nothing typed: nothing sent
    CHECK(log.count("event=admin_pin") == 0);
    CHECK(log.count("event=admin_open") == 0);
    k.tap("##pad-cancel");
    CHECK_FALSE(k.app().admin_visible());
    CHECK_FALSE(k.visible("##pad-ok"));
    CHECK(log.count("event=admin_close reason=cancel") == 1);
}

TEST_CASE("the panel's buttons: reload asks the runner, test screens step, exit ends the kiosk") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    int reloads = 0;
    AppHooks hooks;
    hooks.reload_content = [&] { ++reloads; };
    k.k->set_hooks(hooks);
    open_panel(k);

    k.tap("##panel-reload");
    CHECK(reloads == 1);
    CHECK(log.count("event=admin_reload") == 1);
    CHECK(k.visible("##panel-reload"));  // the panel stays, for the result

    const std::vector<Place> places = k.app().all_places();
    REQUIRE(places.size() > 2);
    k.tap("##panel-test");
    CHECK(k.place() == places[0]);
    CHECK_FALSE(k.visible("##panel-exit"));
    k.tap("##test-next");
    CHECK(k.place() == places[1]);
    CHECK(log.count("event=admin_test place=" + places[1].key() + " n=2/" +
                    std::to_string(places.size())) == 1);
    k.tap("##test-prev");
    k.tap("##test-prev");  // before the first: the last
    CHECK(k.place() == places.back());
    k.tap("##test-panel");
    CHECK(k.visible("##panel-exit"));

    CHECK_FALSE(k.app().exit_requested());
    k.tap("##panel-exit");
    CHECK(k.app().exit_requested());
    CHECK(log.count("event=admin_exit") == 1);

    k.tap("##panel-close");
    CHECK_FALSE(k.app().admin_visible());
    CHECK(log.count("event=admin_close reason=closed") == 1);
}

TEST_CASE("a runner without a reload hook says so; the panel opens when out of order too") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    open_panel(k);
    k.tap("##panel-reload");
    CHECK(log.count("admin: this runner cannot reload content") == 1);

    ConfigLoad cfg = load_config("kiosk-config/default.toml", {pin_hash_set()});
    REQUIRE(cfg.ok());
    Paths paths;
    paths.state_dir = k.state_dir;
    HeadlessKiosk broken(cfg.config, load_content("no-such-layouts", "assets"),
                         find_fonts("Noto Sans", "Noto Sans:bold"), 1920, 1080, 0, paths);
    broken.settle();
    REQUIRE(broken.app().out_of_order());
    for (int i = 0; i < 5; ++i) {
        broken.tap(10, 10);
        broken.step(0.2);
    }
    REQUIRE(broken.app().admin_visible());
    float x = 0, y = 0;
    for (char c : std::string(kPin) + "k") {
        const std::string id = c == 'k' ? "##pad-ok" : std::string("##pad-") + c;
        REQUIRE(broken.find(id.c_str(), x, y));
        broken.tap(x, y);
    }
    CHECK(broken.find("##panel-exit", x, y));
    CHECK_FALSE(broken.find("##panel-test", x, y));  // nothing to test
}

TEST_CASE("an idle reset closes the panel with the visitor's session") {
    CaptureStderr log;
    Kiosk k(1920, 1080, {pin_hash_set()});
    open_panel(k);
    k.k->step(91);  // idle_timeout: the warning
    k.k->step(31);  // warning_seconds: the reset
    k.k->settle();
    CHECK(log.count("event=session_reset reason=idle") == 1);
    CHECK(log.count("event=admin_close reason=session-reset") == 1);
    CHECK_FALSE(k.app().admin_visible());
    CHECK_FALSE(k.visible("##panel-exit"));
}

TEST_CASE(
    "the PIN is checked off the frame loop: frames go on at once, the pad says checking, "
    "the panel opens with the verdict") {
    Kiosk k(1920, 1080, {pin_hash_set()});
    // The real check, held until the test lets it go (at most 5 s): a frame that waited for it
    // would take that long.
    std::mutex m;
    std::condition_variable cv;
    bool go = false;
    ThreadPinVerifier pins([&](const std::string& hash, const std::string& pin) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait_for(lock, std::chrono::seconds(5), [&] { return go; });
        return verify_pin(hash, pin);
    });
    k.app().set_pin_verifier(&pins);
    corner_taps(k);
    REQUIRE(k.app().admin_visible());
    for (char c : std::string(kPin)) k.tap(std::string("##pad-") + c);
    const auto t0 = std::chrono::steady_clock::now();
    k.tap("##pad-ok");
    for (int i = 0; i < 10; ++i) k.k->step();
    const auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took < std::chrono::seconds(2));
    CHECK(k.app().admin_state().checking());
    CHECK(k.app().admin_state().pad_status(k.k->now()).checking);
    CHECK(k.app().admin_state().mode() == AdminPanelState::Mode::Pad);
    {
        std::lock_guard<std::mutex> lock(m);
        go = true;
    }
    cv.notify_all();
    for (int i = 0; i < 600 && k.app().admin_state().checking(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        k.k->step();
    }
    CHECK(k.app().admin_state().mode() == AdminPanelState::Mode::Panel);
    k.app().set_pin_verifier(nullptr);
}

TEST_CASE("the PIN guard is dated by the kiosk's clock, not the system's") {
    CaptureStderr log;
    double wall = 1'000'000;  // 1970-01-12: a time the system clock never shows now
    Clock clock;
    clock.unix_time = [&wall] { return wall; };
    const std::string dir = fresh_state_dir();
    const std::vector<std::string> sets = {pin_hash_set(), "state.dir=\"" + dir + "\"",
                                           "admin.max_attempts=2", "admin.lockout_seconds=300"};
    {
        Kiosk a(1920, 1080, sets, clock);
        corner_taps(a);
        type(a, "111111\n");
        a.k->step(1.1);
        type(a, "222222\n");
        REQUIRE(log.count("event=admin_lockout") == 1);
    }
    std::ifstream in(dir + "/admin-guard");
    const std::string guard((std::istreambuf_iterator<char>(in)), {});
    CHECK_MESSAGE(guard.find("locked_until=10003") != std::string::npos, guard);

    wall += 100;  // a restart 100 s later on the same clock: still locked
    Kiosk b(1920, 1080, sets, clock);
    corner_taps(b);
    REQUIRE(b.app().admin_visible());
    type(b, std::string(kPin) + "\n");
    CHECK(log.count("event=admin_pin_refused reason=locked") == 1);
    CHECK(log.count("event=admin_open") == 0);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}
