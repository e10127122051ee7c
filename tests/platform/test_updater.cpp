// Content updates against a local server (tests/support/update_server.py on 127.0.0.1): keys
// made now by `minisign -G -W`, bundles by src/deploy/tools/make-bundle from a copy of the shipped
// content with one sentence changed. A good bundle is applied; a bad signature, another key, a
// lower version, an expired or invalid bundle, a truncated download and a hanging server are
// rejected with their reason and change nothing. Also: unpacking refuses links, escapes and
// oversize archives; a version the kiosk cannot load is rolled back; the heartbeat; the thread.
#include <doctest/doctest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "../support/capture_stderr.h"
#include "core/content/content.h"
#include "core/update/minisign.h"
#include "platform/update/content_store.h"
#include "platform/update/http_fetch.h"
#include "platform/update/restart_count.h"
#include "platform/update/updater.h"

extern char** environ;
namespace fs = std::filesystem;
using namespace ww;

namespace {

const std::string kSrc = WEGWIJZER_SOURCE_DIR;
const std::string kOld = "Kies zelf een jobcoach. Die werkt bij een organisatie die UWV erkent.";
const std::string kNew = "Kies zelf een jobcoach. Dat kan via werk.nl.";

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}
int sh(const std::string& cmd) {
    return std::system(cmd.c_str());
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A temp folder with keys, content to publish, a web root served on 127.0.0.1 and a state.dir.
struct UpdateLab {
    fs::path dir, www, state, content;
    pid_t server = -1;
    int port = 0;

    UpdateLab() {
        static int n = 0;
        dir = fs::temp_directory_path() /
              ("ww-update-" + std::to_string(getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        www = dir / "www";
        state = dir / "state";
        content = dir / "content";
        fs::create_directories(www);
        fs::create_directories(state);
        fs::create_directories(content);
        fs::copy(kSrc + "/layouts", content / "layouts", fs::copy_options::recursive);
        fs::copy(kSrc + "/assets", content / "assets", fs::copy_options::recursive);
        for (auto k : {"good", "other"})
            REQUIRE(sh("minisign -G -W -p " + (dir / k).string() + ".pub -s " + (dir / k).string() +
                       ".key >/dev/null") == 0);
        const std::string script = kSrc + "/tests/support/update_server.py";
        const std::string port_file = (dir / "port").string();
        std::vector<std::string> args = {"/usr/bin/python3", script, www.string(), port_file,
                                         "240"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        REQUIRE(posix_spawn(&server, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
        for (int i = 0; i < 100 && !fs::exists(port_file); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        port = std::atoi(read(port_file).c_str());
        REQUIRE(port > 0);
    }
    ~UpdateLab() {
        if (server > 0) {
            kill(server, SIGTERM);
            waitpid(server, nullptr, 0);
        }
        fs::remove_all(dir);
    }
    UpdateLab(const UpdateLab&) = delete;
    UpdateLab& operator=(const UpdateLab&) = delete;

    std::string url() const {
        return "http://127.0.0.1:" + std::to_string(port) + "/bundle.tar.gz";
    }
    fs::path bundle() const { return www / "bundle.tar.gz"; }
    std::string public_key(const std::string& key = "good") const {
        const std::string pub = read(dir / (key + ".pub"));
        std::string line = pub.substr(pub.find('\n') + 1);
        return line.substr(0, line.find('\n'));
    }
    // The content with the sentence `sentence`, signed by `key` as version N.
    void publish(long version, const std::string& expires = "2027-06-30",
                 const std::string& key = "good", const std::string& sentence = kNew) {
        const fs::path guide = content / "layouts" / "guide.toml";
        std::string text = read(kSrc + "/layouts/guide.toml");
        const size_t at = text.find(kOld);
        REQUIRE(at != std::string::npos);
        text.replace(at, kOld.size(), sentence);
        write(guide, text);
        REQUIRE(sh(kSrc + "/src/deploy/tools/make-bundle --no-check --key " + (dir / key).string() +
                   ".key --version " + std::to_string(version) + " --expires " + expires +
                   " --content " + content.string() + " --out " + bundle().string() +
                   " >/dev/null 2>&1") == 0);
    }
    // The published bundle signed again (the same bytes) as `version` with `expires`.
    void resign(long version, const std::string& expires, const std::string& key = "good") {
        REQUIRE(sh(kSrc + "/src/deploy/tools/make-bundle --resign --key " + (dir / key).string() +
                   ".key --version " + std::to_string(version) + " --expires " + expires +
                   " --out " + bundle().string() + " >/dev/null 2>&1") == 0);
    }
    std::string key_id(const std::string& key = "good") const {
        MinisignKey k;
        std::string why;
        REQUIRE(decode_minisign_key(public_key(key), k, why));
        return key_id_hex(k.key_id.data());
    }
    std::string channel() const { return read(state / "update-channel"); }
    UpdaterOptions options() const {
        UpdaterOptions o;
        o.url = url();
        o.public_keys = {public_key()};
        o.state_dir = state.string();
        o.interval = 3;  // timeouts: connect 1 s, total 2 s; retry pauses up to 4.5 s
        o.attempts = 2;
        o.today = [] { return 20261123; };
        return o;
    }
    // The version folders under state/content, as "2 3".
    std::string versions() const {
        std::vector<long> v;
        std::error_code ec;
        for (auto& e : fs::directory_iterator(state / "content", ec))
            if (version_of(e.path().filename().string()))
                v.push_back(version_of(e.path().filename().string()));
        std::sort(v.begin(), v.end());
        std::string s;
        for (long x : v) s += (s.empty() ? "" : " ") + std::to_string(x);
        return s;
    }
    std::string current_guide() const {
        return read(fs::path(current_content_dir(state.string())) / "layouts" / "guide.toml");
    }
};

}  // namespace

TEST_SUITE("update") {
    TEST_CASE("a good bundle is applied; rejected ones change nothing, each with its reason") {
        CaptureStderr log;
        UpdateLab lab;
        UpdaterOptions o = lab.options();
        std::atomic<long> applied{0};
        o.on_applied = [&](long v) { applied = v; };
        Updater u(o);
        CHECK(u.running_version() == 0);

        lab.publish(2);
        CheckResult r = u.check_once();
        CHECK_MESSAGE(r.status == "ok", r.reason << ": " << r.detail);
        CHECK(r.version == 2);
        CHECK(applied == 2);
        CHECK(u.running_version() == 2);
        CHECK(current_version(lab.state.string()) == 2);
        CHECK(fs::is_symlink(current_link(lab.state.string())));
        CHECK(lab.current_guide().find(kNew) != std::string::npos);
        CHECK(log.count("event=content_update status=ok version=2") == 1);
        // The same version again: nothing to do, nothing downloaded but the signature.
        applied = 0;
        CHECK(u.check_once().status == "current");
        CHECK(applied == 0);

        struct Case {
            const char* name;
            std::function<void()> setup;
            const char* reason;
            const char* detail;
        };
        const std::vector<Case> cases = {
            {"tampered bundle",
             [&] {
                 lab.publish(3);
                 std::string b = read(lab.bundle());
                 b[b.size() / 2] ^= 0x20;
                 write(lab.bundle(), b);
             },
             "signature", "does not match the file"},
            {"tampered trusted comment",
             [&] {
                 lab.publish(3);
                 const fs::path sig = lab.www / "bundle.tar.gz.minisig";
                 std::string s = read(sig);
                 s.replace(s.find("version=3"), 9, "version=9");
                 write(sig, s);
             },
             "signature", "trusted comment's signature"},
            {"another key", [&] { lab.publish(3, "2027-06-30", "other"); }, "signature",
             "another key"},
            {"garbage signature",
             [&] { write(lab.www / "bundle.tar.gz.minisig", "<html>502</html>"); }, "signature",
             "fewer than 4 lines"},
            {"lower version", [&] { lab.publish(1); }, "version", "not newer than 2"},
            {"expired", [&] { lab.publish(4, "2026-11-22"); }, "expired", "expired on 20261122"},
            {"fails validation",
             [&] { lab.publish(5, "2027-06-30", "good", "unterminated \" quote"); }, "invalid",
             "problem"},
            {"truncated download",
             [&] {
                 lab.publish(6);
                 write(lab.www / "bundle.tar.gz.truncate", "");
             },
             "download", "bundle.tar.gz"},
            {"no bundle (404)",
             [&] {
                 fs::remove(lab.www / "bundle.tar.gz.truncate");
                 lab.publish(6);
                 fs::remove(lab.bundle());
             },
             "download", "404"},
            {"a server that hangs",
             [&] {
                 lab.publish(7);
                 write(lab.www / "bundle.tar.gz.minisig.hang", "");
             },
             "download", "minisig"},
        };
        for (auto& c : cases) {
            CAPTURE(c.name);
            c.setup();
            applied = 0;
            const auto t0 = std::chrono::steady_clock::now();
            r = u.check_once();
            CHECK(r.status == "rejected");
            CHECK(r.reason == c.reason);
            CHECK_MESSAGE(r.detail.find(c.detail) != std::string::npos, r.detail);
            CHECK(seconds_since(t0) < 20);  // generous: 2 tries of at most 2 s + one pause
            CHECK(applied == 0);
            CHECK(u.running_version() == 2);
            CHECK(current_version(lab.state.string()) == 2);
            CHECK(lab.versions() == "2");
            CHECK(lab.current_guide().find(kNew) != std::string::npos);
            CHECK(log.count(std::string("status=rejected reason=") + c.reason) >= 1);
        }
        fs::remove(lab.www / "bundle.tar.gz.minisig.hang");
        // The invalid bundle's problems are in the log, as file:line:col.
        CHECK(log.text().find("content_update: ") != std::string::npos);

        // After all that, a good newer version still goes through; the previous one is kept.
        lab.publish(8);
        r = u.check_once();
        CHECK(r.status == "ok");
        CHECK(lab.versions() == "2 8");
        lab.publish(9);
        CHECK(u.check_once().status == "ok");
        CHECK(lab.versions() == "8 9");  // older ones go
    }

    TEST_CASE("a version the kiosk cannot load is rolled back and not taken again") {
        CaptureStderr log;
        UpdateLab lab;
        Updater u(lab.options());
        lab.publish(2);
        REQUIRE(u.check_once().status == "ok");
        lab.publish(3);
        REQUIRE(u.check_once().status == "ok");
        u.failed_in_kiosk(3);
        CHECK(u.running_version() == 2);
        CHECK(current_version(lab.state.string()) == 2);
        CHECK(lab.versions() == "2");
        CHECK(log.count("event=content_update status=rolled-back version=2 failed=3") == 1);
        const CheckResult r = u.check_once();
        CHECK(r.status == "rejected");
        CHECK(r.reason == "invalid");
        // With no previous version, a rollback removes `current`: the shipped content runs.
        UpdateLab fresh;
        Updater first(fresh.options());
        fresh.publish(4);
        REQUIRE(first.check_once().status == "ok");
        first.failed_in_kiosk(4);
        CHECK(current_version(fresh.state.string()) == 0);
        CHECK_FALSE(fs::exists(current_link(fresh.state.string())));
    }

    TEST_CASE("the heartbeat reaches the status URL with its fields") {
        CaptureStderr log;
        UpdateLab lab;
        UpdaterOptions o = lab.options();
        o.status_url = "http://127.0.0.1:" + std::to_string(lab.port) + "/status";
        o.kiosk_name = "hal-2";
        o.restarts_since_boot = 3;
        o.sessions_today = [] { return 7; };
        Updater u(o);
        lab.publish(2);
        REQUIRE(u.check_once().status == "ok");
        fs::remove(lab.bundle());
        fs::remove(lab.www / "bundle.tar.gz.minisig");
        REQUIRE(u.check_once().status == "rejected");
        const std::string beats = read(lab.www / "heartbeats.jsonl");
        CHECK(beats.find("{\"kiosk\":\"hal-2\",\"app_version\":\"" WEGWIJZER_VERSION
                         "\",\"content_version\":2,\"uptime_seconds\":") == 0);
        CHECK(beats.find("\"restarts_since_boot\":3,\"last_update\":\"ok version=2\","
                         "\"sessions_today\":7,\"stale\":false}\n") != std::string::npos);
        CHECK(beats.find("\"last_update\":\"rejected reason=download\"") != std::string::npos);
        CHECK(log.count("event=heartbeat status=ok") == 2);
        // A heartbeat server that is gone: logged, nothing else.
        o.status_url = "http://127.0.0.1:1/status";
        Updater offline(o);
        offline.check_once();
        CHECK(log.count("event=heartbeat status=failed") == 1);
        // Without update.url: only the heartbeat, every interval.
        o.url.clear();
        o.status_url = "http://127.0.0.1:" + std::to_string(lab.port) + "/status";
        Updater beat_only(o);
        CHECK(beat_only.check_once().status == "off");
        CHECK(read(lab.www / "heartbeats.jsonl").find("\"last_update\":\"off version=2\"") !=
              std::string::npos);
    }

    TEST_CASE("the thread checks at once and stops at once, also while a server hangs") {
        CaptureStderr log;
        UpdateLab lab;
        UpdaterOptions o = lab.options();
        std::atomic<int> applied{0};
        o.on_applied = [&](long) { ++applied; };
        lab.publish(2);
        {
            Updater u(o);
            u.start();
            for (int i = 0; i < 200 && u.checks() < 1; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            CHECK(u.checks() >= 1);
            CHECK(applied == 1);
            CHECK(u.running_version() == 2);
        }
        lab.publish(3);
        write(lab.www / "bundle.tar.gz.minisig.hang", "");
        Updater u(o);
        u.start();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const auto t0 = std::chrono::steady_clock::now();
        u.stop();
        CHECK(seconds_since(t0) < 10);  // at most the 2 s transfer timeout, generously
        CHECK(applied == 1);
        CHECK(current_version(lab.state.string()) == 2);
        fs::remove(lab.www / "bundle.tar.gz.minisig.hang");
    }

    TEST_CASE("a stolen key's huge version or far expiry is refused; keys have their own floors") {
        CaptureStderr log;
        UpdateLab lab;
        Updater u(lab.options());
        lab.publish(2);
        REQUIRE(u.check_once().status == "ok");
        // version=999999999 expires=9999-12-31 would lock every later bundle out.
        lab.publish(999999999, "2027-06-30");
        CheckResult r = u.check_once();
        CHECK(r.status == "rejected");
        CHECK(r.reason == "step");
        CHECK_MESSAGE(r.detail.find("max_version_step=1000 above 2") != std::string::npos,
                      r.detail);
        lab.publish(3, "9999-12-31");
        r = u.check_once();
        CHECK(r.reason == "expiry");
        CHECK_MESSAGE(r.detail.find("more than 400 days ahead") != std::string::npos, r.detail);
        CHECK(u.running_version() == 2);
        lab.publish(3);
        REQUIRE(u.check_once().status == "ok");
        CHECK(lab.channel() ==
              "floor " + lab.key_id() + " 3\nfresh " + lab.key_id() + " 3 2027-06-30\n");

        // A new key rolled out beside the old one starts its own sequence; the old key's floor
        // stays where it was.
        UpdaterOptions both = lab.options();
        both.public_keys = {lab.public_key(), lab.public_key("other")};
        Updater rotated(both);
        lab.publish(1, "2027-06-30", "other");
        r = rotated.check_once();
        CHECK_MESSAGE(r.status == "ok", r.reason << ": " << r.detail);
        CHECK(rotated.running_version() == 1);
        lab.publish(3);  // the old key's last bundle: not newer than its own floor
        r = rotated.check_once();
        CHECK(r.reason == "version");
        CHECK_MESSAGE(
            r.detail.find("not newer than 3 (key " + lab.key_id() + ")") != std::string::npos,
            r.detail);
        // The old key retired (removed from the list): its bundles are another key's.
        UpdaterOptions only_new = lab.options();
        only_new.public_keys = {lab.public_key("other")};
        Updater retired(only_new);
        lab.publish(4);
        r = retired.check_once();
        CHECK(r.reason == "signature");
        CHECK(retired.running_version() == 1);
    }

    TEST_CASE("the floor survives a wiped content folder and a rollback; the shipped floor") {
        CaptureStderr log;
        UpdateLab lab;
        {
            Updater u(lab.options());
            lab.publish(3);
            REQUIRE(u.check_once().status == "ok");
        }
        const std::string floor3 = "floor " + lab.key_id() + " 3\n";
        CHECK(lab.channel().rfind(floor3, 0) == 0);
        // A state reset that loses content/: version 2 (older, unexpired) is not taken again.
        fs::remove_all(lab.state / "content");
        Updater wiped(lab.options());
        CHECK(wiped.running_version() == 0);
        lab.publish(2);
        CheckResult r = wiped.check_once();
        CHECK(r.reason == "version");
        // Version 3 itself may come back (what a rollback needs), and the floor stays.
        lab.publish(3);
        r = wiped.check_once();
        CHECK_MESSAGE(r.status == "ok", r.reason << ": " << r.detail);
        lab.publish(4);
        REQUIRE(wiped.check_once().status == "ok");
        wiped.failed_in_kiosk(4);
        CHECK(wiped.running_version() == 3);
        CHECK(lab.channel().rfind("floor " + lab.key_id() + " 4\n", 0) == 0);  // not lowered
        // The package's floor: a fresh state dir still refuses what the package was newer than.
        UpdateLab fresh;
        const fs::path shipped = fresh.dir / "update-floor";
        write(shipped, "# shipped with the package\nfloor " + fresh.key_id() + " 5\n");
        UpdaterOptions o = fresh.options();
        o.shipped_floor = shipped.string();
        Updater u(o);
        fresh.publish(4);
        CHECK(u.check_once().reason == "version");
        fresh.publish(6);
        CHECK(u.check_once().status == "ok");
    }

    TEST_CASE("a frozen server: re-signed later expiries keep it fresh; then stale, still shown") {
        CaptureStderr log;
        UpdateLab lab;
        std::atomic<int> today{20261123};
        UpdaterOptions o = lab.options();
        o.today = [&today] { return today.load(); };
        o.status_url = "http://127.0.0.1:" + std::to_string(lab.port) + "/status";
        Updater u(o);
        lab.publish(2, "2026-12-31");
        REQUIRE(u.check_once().status == "ok");
        // The publisher signs the same bundle again with a later expiry.
        lab.resign(2, "2027-02-28");
        CHECK(u.check_once().status == "current");
        today = 20270115;
        CHECK(u.check_once().status == "current");
        CHECK_FALSE(u.stale());
        // A server that serves an older signature again does not shorten it.
        lab.resign(2, "2026-12-31");
        CHECK(u.check_once().status == "current");
        today = 20270301;
        const CheckResult r = u.check_once();
        CHECK(r.status == "stale");
        CHECK(u.stale());
        CHECK(log.count("event=content_update status=stale version=2 expired=2027-02-28") == 1);
        CHECK(current_version(lab.state.string()) == 2);  // visitors still see it
        CHECK(lab.current_guide().find(kNew) != std::string::npos);
        // Also while the server is down.
        fs::remove(lab.www / "bundle.tar.gz.minisig");
        CHECK(u.check_once().status == "rejected");
        CHECK(log.count("event=content_update status=stale version=2") == 2);
        const std::string beats = read(lab.www / "heartbeats.jsonl");
        CHECK(beats.find("\"last_update\":\"current version=2\",\"sessions_today\":-1,"
                         "\"stale\":false}") != std::string::npos);
        CHECK(beats.find("\"last_update\":\"stale version=2\",\"sessions_today\":-1,"
                         "\"stale\":true}") != std::string::npos);
        // A newer bundle makes it fresh again.
        lab.publish(3, "2027-06-30");
        CHECK(u.check_once().status == "ok");
        CHECK_FALSE(u.stale());
    }

    TEST_CASE("the heartbeat reports the version shown, and follows no redirect") {
        CaptureStderr log;
        UpdateLab lab;
        UpdaterOptions o = lab.options();
        o.status_url = "http://127.0.0.1:" + std::to_string(lab.port) + "/status";
        std::atomic<long> shown{0};
        o.shown_version = [&shown] { return shown.load(); };
        Updater u(o);
        lab.publish(2);
        REQUIRE(u.check_once().status == "ok");
        // The frame loop has not loaded version 2 (yet): the heartbeat says 0, what is shown.
        CHECK(read(lab.www / "heartbeats.jsonl").find("\"content_version\":0,") !=
              std::string::npos);
        shown = 2;
        u.check_once();
        CHECK(read(lab.www / "heartbeats.jsonl").find("\"content_version\":2,") !=
              std::string::npos);
        // A POST is never redirected (it would carry the kiosk's name elsewhere).
        const size_t beats = read(lab.www / "heartbeats.jsonl").size();
        write(lab.www / "status.redirect",
              "http://127.0.0.1:" + std::to_string(lab.port) + "/elsewhere");
        u.check_once();
        CHECK(read(lab.www / "heartbeats.jsonl").size() == beats);
        CHECK(log.count("event=heartbeat status=failed detail=\"HTTP 307 (a redirect this "
                        "request does not follow)\"") == 1);
    }

    TEST_CASE("the bundle streams to a file in the state folder, hashed as it comes, capped") {
        CaptureStderr log;
        UpdateLab lab;
        lab.publish(2);
        const std::string bundle = read(lab.bundle());
        HttpLimits limits;
        limits.max_bytes = 16 << 20;
        const std::string path = (lab.state / "bundle.download").string();
        size_t seen = 0;
        HttpResult r =
            http_get_file(lab.url(), path, limits, [&](const char*, size_t n) { seen += n; });
        CHECK_MESSAGE(r.ok, r.error);
        CHECK(r.body.empty());  // nothing held in memory
        CHECK(read(path) == bundle);
        CHECK(seen == bundle.size());
        limits.max_bytes = 1000;
        r = http_get_file(lab.url(), path, limits, [](const char*, size_t) {});
        CHECK_FALSE(r.ok);
        CHECK(r.error == "larger than 1000 bytes");
        CHECK_FALSE(fs::exists(path));
        // Through the updater: the cap (update.max_bundle_mb) and no download left behind.
        UpdaterOptions o = lab.options();
        o.limits.max_download = 1000;
        Updater u(o);
        const CheckResult c = u.check_once();
        CHECK(c.reason == "download");
        CHECK_MESSAGE(c.detail.find("larger than 1000 bytes") != std::string::npos, c.detail);
        CHECK_FALSE(fs::exists(path));
        CHECK(UpdaterOptions().limits.max_download == 16u << 20);
        Updater ok(lab.options());
        CHECK(ok.check_once().status == "ok");
        CHECK_FALSE(fs::exists(path));
    }
}

TEST_CASE("unpacking refuses links, escapes, devices and oversize archives") {
    const fs::path dir = fs::temp_directory_path() / ("ww-unpack-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Archives made by Python's tarfile, each with one kind of entry.
    const std::string py = R"(
import io, sys, tarfile
def make(name, entries):
    with tarfile.open(name, "w:gz") as t:
        for kind, path, data in entries:
            i = tarfile.TarInfo(path)
            if kind == "file":
                i.size = len(data); t.addfile(i, io.BytesIO(data))
            elif kind == "dir":
                i.type = tarfile.DIRTYPE; t.addfile(i)
            elif kind == "sym":
                i.type = tarfile.SYMTYPE; i.linkname = data; t.addfile(i)
            elif kind == "hard":
                i.type = tarfile.LNKTYPE; i.linkname = data; t.addfile(i)
            elif kind == "dev":
                i.type = tarfile.CHRTYPE; i.devmajor = 1; i.devminor = 3; t.addfile(i)
d = sys.argv[1]
ok = [("dir", "layouts", b""), ("file", "layouts/kiosk.toml", b"x"), ("file", "assets/a.png", b"y")]
make(d + "/ok.tgz", ok)
make(d + "/sym.tgz", ok + [("sym", "layouts/evil", "/etc/passwd")])
make(d + "/hard.tgz", ok + [("hard", "layouts/evil", "layouts/kiosk.toml")])
make(d + "/dev.tgz", ok + [("dev", "layouts/null", b"")])
make(d + "/dotdot.tgz", ok + [("file", "layouts/../../escaped", b"z")])
make(d + "/abs.tgz", ok + [("file", "/tmp/ww-escaped", b"z")])
make(d + "/other.tgz", ok + [("file", "bin/run.sh", b"z")])
make(d + "/many.tgz", ok + [("file", "assets/%d" % n, b"") for n in range(20)])
make(d + "/big.tgz", ok + [("file", "assets/big", b"0" * 100000)])
make(d + "/nolayouts.tgz", [("file", "assets/a.png", b"y")])
)";
    write(dir / "make.py", py);
    REQUIRE(sh("/usr/bin/python3 " + (dir / "make.py").string() + " " + dir.string()) == 0);
    UnpackLimits limits;
    limits.max_entries = 10;
    limits.max_bytes = 50000;
    std::string why;
    const std::string out = (dir / "out").string();
    CHECK(unpack_bundle(read(dir / "ok.tgz"), out, limits, why));
    CHECK(read(dir / "out/layouts/kiosk.toml") == "x");
    struct Case {
        const char* file;
        const char* why;
    } cases[] = {{"sym.tgz", "link"},
                 {"hard.tgz", "link"},
                 {"dev.tgz", "link, device"},
                 {"dotdot.tgz", "'..'"},
                 {"abs.tgz", "absolute"},
                 {"other.tgz", "outside layouts/ and assets/"},
                 {"many.tgz", "more than 10 entries"},
                 {"big.tgz", "unpacked size over 50000"},
                 {"nolayouts.tgz", "no layouts/"}};
    for (auto& c : cases) {
        CAPTURE(c.file);
        CHECK_FALSE(unpack_bundle(read(dir / c.file), out, limits, why));
        CHECK_MESSAGE(why.find(c.why) != std::string::npos, why);
        CHECK_FALSE(fs::exists(out));  // nothing half-unpacked stays
    }
    CHECK_FALSE(fs::exists("/tmp/ww-escaped"));
    CHECK_FALSE(fs::exists(dir / "escaped"));
    CHECK_FALSE(unpack_bundle("<html>not an archive</html>", out, limits, why));
    const std::string ok = read(dir / "ok.tgz");
    CHECK_FALSE(unpack_bundle(ok.substr(0, ok.size() / 2), out, limits, why));
    // An archive for which libarchive gives no reason at all (a null string; fuzz_unpack found
    // it): refused with a reason of our own, no crash.
    CHECK_FALSE(unpack_bundle(read(kSrc + "/tests/core/data/unpack/no-reason.tar.gz"), out,
                              UnpackLimits{}, why));
    CHECK_MESSAGE(why.find("no reason given") != std::string::npos, why);
    fs::remove_all(dir);
}

TEST_CASE("restarts since boot count up within one boot") {
    const fs::path dir = fs::temp_directory_path() / ("ww-starts-" + std::to_string(getpid()));
    fs::remove_all(dir);
    CHECK(count_restarts_since_boot(dir.string()) == 0);
    CHECK(count_restarts_since_boot(dir.string()) == 1);
    CHECK(count_restarts_since_boot(dir.string()) == 2);
    write(dir / "starts-since-boot", "another-boot 9\n");
    CHECK(count_restarts_since_boot(dir.string()) == 0);
    fs::remove_all(dir);
}

TEST_CASE("at start, a current version that does not load rolls back to the newest kept one") {
    // After a power cut `current` may point at a version whose files are empty: the kiosk must
    // show the kept previous version, not the shipped content for good.
    const fs::path state = fs::temp_directory_path() / ("ww-recover-" + std::to_string(getpid()));
    fs::remove_all(state);
    const std::string st = state.string();
    const auto make = [&](long v, const std::string& text) {
        fs::create_directories(version_dir(st, v) + "/layouts");
        write(version_dir(st, v) + "/layouts/kiosk.toml", text);
    };
    // "Loads" here: kiosk.toml is not empty (the real check is load_content, tests/e2e, vm).
    const auto loads = [](const std::string& dir) {
        return !read(fs::path(dir) / "layouts" / "kiosk.toml").empty();
    };
    std::string error;
    make(2, "good");
    make(3, "");  // the files the power cut left empty
    REQUIRE(switch_current(st, 3, 2, error));
    CHECK(recover_current(st, loads, error) == 2);
    CHECK(error.empty());
    CHECK(current_version(st) == 2);
    CHECK_FALSE(fs::exists(version_dir(st, 3)));  // fetched again by the updater
    // A current that loads stays.
    CHECK(recover_current(st, loads, error) == 2);
    // Nothing kept that loads: the shipped content (no `current`).
    make(4, "");
    REQUIRE(switch_current(st, 4, 2, error));
    write(version_dir(st, 2) + "/layouts/kiosk.toml", "");
    CHECK(recover_current(st, loads, error) == 0);
    CHECK_FALSE(fs::exists(current_link(st)));
    fs::remove_all(state);
}

TEST_CASE(
    "make-bundle signs with a password-protected key: the password from a file or the "
    "environment; without one it says how") {
    const fs::path dir = fs::temp_directory_path() / ("ww-bundle-pw-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "content");
    fs::copy(kSrc + "/layouts", dir / "content" / "layouts", fs::copy_options::recursive);
    fs::copy(kSrc + "/assets", dir / "content" / "assets", fs::copy_options::recursive);
    const std::string d = dir.string();
    // A key with a password, as `minisign -G` makes it when asked twice.
    REQUIRE(sh("printf 'sesam 1\\nsesam 1\\n' | minisign -G -p " + d + "/pw.pub -s " + d +
               "/pw.key >/dev/null 2>&1") == 0);
    write(dir / "password", "sesam 1\n");
    const std::string make = kSrc + "/src/deploy/tools/make-bundle --no-check --key " + d +
                             "/pw.key --version 4 --expires 2027-06-30 --content " + d +
                             "/content --out " + d + "/b.tar.gz";
    const std::string verify = "minisign -Vm " + d + "/b.tar.gz -p " + d + "/pw.pub >/dev/null";
    CHECK(sh(make + " --password-file " + d + "/password </dev/null >/dev/null") == 0);
    CHECK(sh(verify) == 0);
    fs::remove(dir / "b.tar.gz.minisig");
    CHECK(sh("WEGWIJZER_BUNDLE_PASSWORD='sesam 1' " + make + " </dev/null >/dev/null") == 0);
    CHECK(sh(verify) == 0);
    CHECK(read(dir / "b.tar.gz.minisig").find("trusted comment: version=4 expires=2027-06-30") !=
          std::string::npos);
    // Without a password and without a terminal: a clear refusal.
    CHECK(sh(make + " </dev/null >/dev/null 2>" + d + "/err") != 0);
    CHECK(read(dir / "err").find("--password-file FILE or WEGWIJZER_BUNDLE_PASSWORD") !=
          std::string::npos);
    CHECK(sh("WEGWIJZER_BUNDLE_PASSWORD=wrong " + make + " </dev/null >/dev/null 2>&1") != 0);
    fs::remove_all(dir);
}
