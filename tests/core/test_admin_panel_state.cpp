// The staff side's state machine (core/admin/admin_panel_state.h) on fake clocks: the gesture,
// the PIN pad, the guard and its file, the panel's requests and the test-screen strip.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <utility>

#include "../support/capture_stderr.h"
#include "core/admin/admin_panel_state.h"

using namespace ww;
namespace fs = std::filesystem;
using Mode = AdminPanelState::Mode;
using Message = AdminPanelState::Message;

namespace {

const char* const kPin = "13579024";

const std::string& pin_hash() {
    static const std::string hash = hash_pin(kPin);
    return hash;
}

// A state folder of its own and a wall clock the test moves.
struct Staff {
    fs::path dir;
    double wall = 1.7e9;
    KioskConfig config;

    explicit Staff(int max_attempts = 5, int lockout_seconds = 300) {
        static int n = 0;
        dir = fs::temp_directory_path() /
              ("ww-admin-sm-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        config.profile = "test";
        config.admin.pin_hash = pin_hash();
        config.admin.max_attempts = max_attempts;
        config.admin.lockout_seconds = lockout_seconds;
    }
    ~Staff() { fs::remove_all(dir); }
    AdminEnv env() {
        return {dir.string(), [this] { return wall; }};
    }
    AdminPanelState make(double now = 0) { return AdminPanelState(config, now, env()); }
};

// Five taps in the top-left corner of a 1920x1080 display at 4 px/mm, 0.2 s apart from `t`.
bool gesture(AdminPanelState& s, double t) {
    bool opened = false;
    for (int i = 0; i < 5; ++i) opened = s.corner_tap(10, 10, 1920, 1080, 4, t + i * 0.2);
    return opened;
}

void type(AdminPanelState& s, const std::string& keys, double now) {
    for (char c : keys) REQUIRE(s.key(c, now, {}));
}

const std::vector<Place> kPlaces = {
    {PlaceKind::Screen, "home"}, {PlaceKind::Question, "rol"}, {PlaceKind::Result, "uwv"}};

}  // namespace

TEST_CASE("admin state: without a usable PIN hash the door stays shut") {
    CaptureStderr log;
    Staff staff;
    staff.config.admin.pin_hash.clear();
    AdminPanelState none = staff.make();
    CHECK_FALSE(none.enabled());
    CHECK(log.count("event=admin_disabled reason=no_pin") == 1);
    CHECK_FALSE(gesture(none, 0));
    CHECK(none.mode() == Mode::Closed);
    CHECK_FALSE(none.key('1', 1, {}));

    staff.config.admin.pin_hash = "plain-text";
    AdminPanelState bad = staff.make();
    CHECK_FALSE(bad.enabled());
    CHECK(log.count("event=admin_disabled reason=bad_pin_hash") == 1);
    CHECK_FALSE(gesture(bad, 0));
}

TEST_CASE("admin state: the corner gesture opens the pad; keys mean nothing while closed") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    REQUIRE(s.enabled());
    CHECK_FALSE(s.key('1', 0, {}));
    const int view = s.view();
    for (int i = 0; i < 4; ++i) CHECK_FALSE(s.corner_tap(10, 10, 1920, 1080, 4, i * 0.2));
    CHECK(s.corner_tap(10, 10, 1920, 1080, 4, 0.8));
    CHECK(s.mode() == Mode::Pad);
    CHECK(s.view() == view + 1);
    CHECK(log.count("event=admin_gesture corner=top-left") == 1);
    CHECK(s.entry_length() == 0);
    CHECK(s.pad_status(1).message == Message::None);
    // While the pad is open, the corner is an ordinary place (no second gesture).
    CHECK_FALSE(gesture(s, 2));
    CHECK(log.count("event=admin_gesture") == 1);
}

TEST_CASE("admin state: digits, erase, clear; at most 12 digits; an empty PIN is not sent") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    REQUIRE(gesture(s, 0));
    type(s, "12345678901234", 1);
    CHECK(s.entry_length() == 12);
    CHECK(s.key('\b', 1, {}));
    CHECK(s.entry_length() == 11);
    s.type_digit('x');  // not a digit
    CHECK(s.entry_length() == 11);
    s.clear_entry();
    CHECK(s.entry_length() == 0);
    s.submit(1);
    CHECK(log.count("event=admin_pin") == 0);
    CHECK_FALSE(s.key('q', 1, {}));  // a key the pad does not know
}

TEST_CASE("admin state: a wrong PIN says so and makes the next try wait; then the right one") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    REQUIRE(gesture(s, 0));
    type(s, "246813\n", 1);
    CHECK(log.count("event=admin_pin_failed attempt=1") == 1);
    CHECK(s.mode() == Mode::Pad);
    CHECK(s.entry_length() == 0);
    AdminPanelState::PadStatus st = s.pad_status(1);
    CHECK(st.message == Message::WrongPin);
    CHECK_FALSE(st.locked);
    CHECK(st.wait == 1);

    // Too soon: the PIN is not even looked at, and stays typed.
    type(s, std::string(kPin) + "\n", 1.5);
    CHECK(log.count("event=admin_pin_refused reason=wait") == 1);
    CHECK(s.mode() == Mode::Pad);
    CHECK(s.entry_length() == 8);
    CHECK(s.pad_status(2.1).wait == 0);
    CHECK(s.pad_status(2.1).message == Message::WrongPin);  // "Wrong PIN. Try again."

    const int view = s.view();
    CHECK(s.key('\n', 2.1, {}));
    CHECK(s.mode() == Mode::Panel);
    CHECK(s.view() == view + 1);
    CHECK(s.entry_length() == 0);
    CHECK(log.count("event=admin_open profile=test") == 1);
    CHECK(log.count(kPin) == 0);
    CHECK(log.count("246813") == 0);
}

TEST_CASE("admin state: cancel closes the pad and forgets the digits") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    REQUIRE(gesture(s, 0));
    type(s, "135", 1);
    CHECK(s.key(27, 1, {}));
    CHECK(s.mode() == Mode::Closed);
    CHECK(log.count("event=admin_close reason=cancel") == 1);
    REQUIRE(gesture(s, 5));
    CHECK(s.entry_length() == 0);
}

TEST_CASE("admin state: too many wrong PINs lock the pad, across a restart, until it lifts") {
    CaptureStderr log;
    Staff staff(2, 60);
    {
        AdminPanelState s = staff.make(100);
        REQUIRE(gesture(s, 100));
        type(s, "111111\n", 101);
        type(s, "222222\n", 103);
        CHECK(log.count("event=admin_lockout seconds=60") == 1);
        const AdminPanelState::PadStatus st = s.pad_status(103);
        CHECK(st.locked);
        CHECK(st.wait == 60);
        CHECK(st.message == Message::TooManyWrong);
        type(s, std::string(kPin) + "\n", 110);
        CHECK(log.count("event=admin_pin_refused reason=locked") == 1);
        CHECK(s.mode() == Mode::Pad);
    }
    // A restart 10 s later (wall clock) on a new process clock: still locked for 50 s.
    staff.wall += 10;
    AdminPanelState again = staff.make(0);
    CHECK(log.count("event=admin_guard_restored failures=2 locked=1") == 1);
    REQUIRE(gesture(again, 0));
    CHECK(again.pad_status(1).locked);
    type(again, std::string(kPin) + "\n", 1);
    CHECK(log.count("event=admin_pin_refused reason=locked") == 2);
    CHECK(again.mode() == Mode::Pad);
    // Once the lockout is over the right PIN opens the panel.
    CHECK_FALSE(again.pad_status(51).locked);
    type(again, std::string(kPin) + "\n", 51);
    CHECK(again.mode() == Mode::Panel);
    CHECK(log.count(kPin) == 0);
}

// The panel open with the right PIN at `now`.
AdminPanelState& open_panel(AdminPanelState& s, double now) {
    REQUIRE(gesture(s, now));
    type(s, std::string(kPin) + "\n", now + 1);
    REQUIRE(s.mode() == Mode::Panel);
    return s;
}

TEST_CASE("admin state: reload and exit come out as requests for the app") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    REQUIRE(gesture(s, 0));
    CHECK(s.key('x', 1, kPlaces) == std::nullopt);  // the pad has no exit key
    CHECK(s.key('r', 1, kPlaces) == std::nullopt);
    s.close("cancel");
    open_panel(s, 2);

    std::optional<AdminRequest> r = s.key('r', 4, kPlaces);
    REQUIRE(r);
    CHECK(r->kind == AdminRequest::Reload);
    CHECK(log.count("event=admin_reload") == 1);
    CHECK(s.reload().kind == AdminRequest::Reload);  // the button
    CHECK(log.count("event=admin_reload") == 2);
    CHECK(s.mode() == Mode::Panel);  // the panel stays for the result

    r = s.key('x', 4, kPlaces);
    REQUIRE(r);
    CHECK(r->kind == AdminRequest::Exit);
    CHECK(s.exit_kiosk().kind == AdminRequest::Exit);
    CHECK(log.count("event=admin_exit") == 2);

    CHECK(s.key('q', 4, kPlaces) == std::nullopt);
    r = s.key(27, 4, kPlaces);
    REQUIRE(r);
    CHECK(r->kind == AdminRequest::None);
    CHECK(s.mode() == Mode::Closed);
    CHECK(log.count("event=admin_close reason=closed") == 1);
}

TEST_CASE("admin state: test screens step through every place and wrap around") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    open_panel(s, 0);
    CHECK(s.test_index() == -1);

    int view = s.view();
    AdminRequest r = s.test_step(1, kPlaces);
    CHECK(r.kind == AdminRequest::ShowPlace);
    CHECK(r.place == kPlaces[0]);
    CHECK(s.mode() == Mode::Test);
    CHECK(s.test_index() == 0);
    CHECK(s.view() == view + 1);
    CHECK(log.count("event=admin_test place=screen:home n=1/3") == 1);

    CHECK(s.test_step(-1, kPlaces).place == kPlaces[2]);  // back past the first: the last
    CHECK(s.test_index() == 2);
    CHECK(log.count("event=admin_test place=result:uwv n=3/3") == 1);
    CHECK(s.test_step(1, kPlaces).place == kPlaces[0]);  // on past the last: the first
    CHECK(s.test_step(1, kPlaces).place == kPlaces[1]);
    CHECK(s.key('t', 9, kPlaces) == std::nullopt);  // the strip takes no keys

    view = s.view();
    s.back_to_panel();
    CHECK(s.mode() == Mode::Panel);
    CHECK(s.test_index() == -1);
    CHECK(s.view() == view + 1);
    // From the panel, "Previous" would start at the last; 't' starts at the first.
    CHECK(s.test_step(-1, kPlaces).place == kPlaces[2]);
    s.back_to_panel();
    std::optional<AdminRequest> k = s.key('t', 9, kPlaces);
    REQUIRE(k);
    CHECK(k->kind == AdminRequest::ShowPlace);
    CHECK(k->place == kPlaces[0]);

    // Nothing to show (no content): nothing happens.
    s.back_to_panel();
    CHECK(s.test_step(1, {}).kind == AdminRequest::None);
    CHECK(s.mode() == Mode::Panel);
    // The places vanished under the strip: it closes.
    s.test_step(1, kPlaces);
    s.check_test(3);
    CHECK(s.mode() == Mode::Test);
    s.check_test(0);
    CHECK(s.mode() == Mode::Closed);
    CHECK(log.count("event=admin_close reason=test-done") == 1);
}

TEST_CASE("admin state: a session reset closes whatever is open, and logs only then") {
    CaptureStderr log;
    Staff staff;
    AdminPanelState s = staff.make();
    s.close("session-reset");  // closed already: nothing to log
    CHECK(log.count("event=admin_close") == 0);

    REQUIRE(gesture(s, 0));
    type(s, "13", 1);
    s.close("session-reset");
    CHECK(s.mode() == Mode::Closed);
    CHECK(log.count("event=admin_close reason=session-reset") == 1);

    open_panel(s, 10);
    s.test_step(1, kPlaces);
    s.close("session-reset");
    CHECK(s.mode() == Mode::Closed);
    CHECK(s.test_index() == -1);
    CHECK(log.count("event=admin_close reason=session-reset") == 2);
}

TEST_CASE("admin state: a PIN under 8 digits is a wrong PIN, even when the hash is of it") {
    CaptureStderr log;
    Staff staff;
    staff.config.admin.pin_hash = hash_pin("1357902");  // made by an older version
    AdminPanelState s = staff.make();
    REQUIRE(gesture(s, 0));
    type(s, "1357902\n", 1);
    CHECK(s.mode() == Mode::Pad);
    CHECK(log.count("event=admin_pin_failed attempt=1") == 1);
    CHECK(s.pad_status(1).message == Message::WrongPin);
}

namespace {
// A verifier the test answers for: what a thread would say, when the test says so.
struct FakeVerifier : PinVerifier {
    int started = 0;
    std::string pin;
    std::optional<bool> verdict;
    void start(const std::string&, const std::string& p) override {
        ++started;
        pin = p;
        verdict.reset();
    }
    std::optional<bool> poll() override { return std::exchange(verdict, std::nullopt); }
};
}  // namespace

TEST_CASE(
    "admin state: with a verifier, OK starts a check; the pad says checking until its "
    "verdict") {
    CaptureStderr log;
    Staff staff;
    FakeVerifier v;
    AdminPanelState s = staff.make();
    s.set_verifier(&v);
    REQUIRE(gesture(s, 0));
    type(s, std::string(kPin) + "\n", 1);
    CHECK(v.started == 1);
    CHECK(v.pin == kPin);
    CHECK(s.checking());
    CHECK(s.pad_status(1).checking);
    CHECK(s.mode() == Mode::Pad);
    CHECK(s.entry_length() == 0);
    s.type_digit('1');  // the pad takes nothing while it checks
    CHECK(s.entry_length() == 0);
    s.poll(1.1);  // no verdict yet
    CHECK(s.checking());
    v.verdict = true;
    s.poll(1.2);
    CHECK_FALSE(s.checking());
    CHECK(s.mode() == Mode::Panel);
    CHECK(log.count("event=admin_open profile=test") == 1);
    CHECK(log.count(kPin) == 0);
}

TEST_CASE("admin state: a verdict after the pad closed counts a wrong PIN but opens nothing") {
    CaptureStderr log;
    Staff staff;
    FakeVerifier v;
    AdminPanelState s = staff.make();
    s.set_verifier(&v);
    REQUIRE(gesture(s, 0));
    type(s, "24681357\n", 1);
    s.close("session-reset");
    v.verdict = false;
    s.poll(1.1);
    CHECK(log.count("event=admin_pin_failed attempt=1") == 1);
    // A right PIN typed on a pad that was closed (and opened again) opens nothing either.
    REQUIRE(gesture(s, 5));
    type(s, std::string(kPin) + "\n", 6);
    s.close("cancel");
    REQUIRE(gesture(s, 7));
    v.verdict = true;
    s.poll(8);
    CHECK(s.mode() == Mode::Pad);
    CHECK(log.count("event=admin_open") == 0);
}

TEST_CASE(
    "admin state: fails closed when the guard cannot be kept: the gesture is refused after "
    "a start until the state is writable or a lockout's time has passed") {
    CaptureStderr log;
    Staff staff(2, 60);
    fs::create_directories(staff.dir);
    const fs::path blocker = staff.dir / "file";
    std::ofstream(blocker) << "a regular file";
    const fs::path unwritable = blocker / "state";  // root cannot make this one either
    AdminEnv env{unwritable.string(), [&] { return staff.wall; }};
    {
        AdminPanelState s(staff.config, 100, env);
        CHECK(log.count("event=state_unwritable") == 1);
        CHECK(log.count("event=admin_guard_closed reason=state_unwritable seconds=60") == 1);
        CHECK_FALSE(gesture(s, 100));
        CHECK(s.mode() == Mode::Closed);
        CHECK(log.count("event=admin_pin_refused reason=state_unwritable seconds=60") == 1);
        CHECK_FALSE(gesture(s, 150));
        // A lockout's time after the start the pad opens; wrong PINs still lock it (in memory).
        REQUIRE(gesture(s, 160));
        type(s, "11111111\n", 161);
        type(s, "22222222\n", 163);
        CHECK(log.count("event=admin_lockout seconds=60") == 1);
        CHECK(s.pad_status(164).locked);
        type(s, std::string(kPin) + "\n", 170);
        CHECK(s.mode() == Mode::Pad);  // locked: not even checked
        CHECK(log.count("event=admin_pin_refused reason=locked") == 1);
    }
    // A restart on the same unwritable state: closed again for a lockout's time, so a
    // restart hands out no fresh guesses.
    {
        AdminPanelState s(staff.config, 0, env);
        CHECK_FALSE(gesture(s, 0));
        // Once the state can be written again, the gesture opens the pad at once.
        fs::remove(blocker);
        REQUIRE(gesture(s, 5));
        CHECK(s.mode() == Mode::Pad);
        CHECK(fs::is_directory(unwritable));
    }
}
