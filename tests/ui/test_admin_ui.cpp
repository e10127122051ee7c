// The hidden admin door through the headless kiosk: the corner gesture, the PIN pad, the guard
// across restarts.
#include <doctest/doctest.h>

#include "../support/capture_stderr.h"
#include "core/kiosk/admin.h"
#include "kiosk_fixture.h"

using namespace ww;

namespace {

const char* const kPin = "135790";

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
