// Content updates, the pure part: minisign signatures (fixtures made by the real `minisign` 0.11
// in tests/core/data/minisign: a prehashed and a legacy signature by test.pub, one by
// other.pub), the trusted comment, version and expiry, archive entry names, retry timing, the
// start counter and the heartbeat.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/update/minisign.h"
#include "core/update/update_rules.h"

using namespace ww;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WEGWIJZER_SOURCE_DIR) + "/tests/core/data/minisign/" + name,
                     std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

MinisignKey key_from(const std::string& pub_file) {
    const std::string text = fixture(pub_file);
    const std::string line = text.substr(text.find('\n') + 1);
    MinisignKey k;
    std::string why;
    REQUIRE(decode_minisign_key(line, k, why));
    return k;
}

// Replaces line `n` (0-based) of `text`.
std::string with_line(const std::string& text, size_t n, const std::string& line) {
    std::istringstream in(text);
    std::string l, out;
    for (size_t i = 0; std::getline(in, l); ++i) out += (i == n ? line : l) + "\n";
    return out;
}

std::string line_of(const std::string& text, size_t n) {
    std::istringstream in(text);
    std::string l;
    for (size_t i = 0; std::getline(in, l); ++i)
        if (i == n) return l;
    return "";
}

}  // namespace

TEST_CASE("minisign: a good prehashed signature holds and yields the trusted comment") {
    const SignatureCheck c =
        verify_minisign(fixture("bundle.bin"), fixture("bundle.bin.minisig"), key_from("test.pub"));
    CHECK_MESSAGE(c.ok, c.error);
    CHECK(c.trusted_comment == "version=7 expires=2030-01-31");
}

TEST_CASE("minisign: a legacy (Ed, not prehashed) signature holds too") {
    const SignatureCheck c =
        verify_minisign(fixture("bundle.bin"), fixture("legacy.minisig"), key_from("test.pub"));
    CHECK_MESSAGE(c.ok, c.error);
    CHECK(line_of(fixture("legacy.minisig"), 1).rfind("RWS", 0) == 0);      // "Ed" in base64
    CHECK(line_of(fixture("bundle.bin.minisig"), 1).rfind("RUS", 0) == 0);  // "ED"
}

TEST_CASE("minisign: a tampered file fails") {
    std::string data = fixture("bundle.bin");
    data[0] ^= 1;
    for (auto sig : {"bundle.bin.minisig", "legacy.minisig"}) {
        const SignatureCheck c = verify_minisign(data, fixture(sig), key_from("test.pub"));
        CHECK_FALSE(c.ok);
        CHECK(c.error == "the signature does not match the file");
        CHECK(c.trusted_comment.empty());
    }
    CHECK_FALSE(verify_minisign(fixture("bundle.bin") + "x", fixture("bundle.bin.minisig"),
                                key_from("test.pub"))
                    .ok);
}

TEST_CASE("minisign: a tampered trusted comment fails on the global signature") {
    const std::string sig = with_line(fixture("bundle.bin.minisig"), 2,
                                      "trusted comment: version=9 expires=2030-01-31");
    const SignatureCheck c = verify_minisign(fixture("bundle.bin"), sig, key_from("test.pub"));
    CHECK_FALSE(c.ok);
    CHECK(c.error == "the trusted comment's signature does not match");
    // The untrusted comment is what it says: changing it changes nothing.
    const std::string relabelled =
        with_line(fixture("bundle.bin.minisig"), 0, "untrusted comment: anything at all");
    CHECK(verify_minisign(fixture("bundle.bin"), relabelled, key_from("test.pub")).ok);
}

TEST_CASE("minisign: another key's signature is refused") {
    const SignatureCheck c =
        verify_minisign(fixture("bundle.bin"), fixture("other.minisig"), key_from("test.pub"));
    CHECK_FALSE(c.ok);
    CHECK(c.error == "signed by another key (key id differs)");
    CHECK(
        verify_minisign(fixture("bundle.bin"), fixture("other.minisig"), key_from("other.pub")).ok);
    // Same key id, other key bytes: the signature itself fails.
    MinisignKey forged = key_from("other.pub");
    forged.key_id = key_from("test.pub").key_id;
    CHECK_FALSE(verify_minisign(fixture("bundle.bin"), fixture("bundle.bin.minisig"), forged).ok);
}

TEST_CASE("minisign: malformed signature files are refused with a reason") {
    const std::string good = fixture("bundle.bin.minisig");
    const std::string data = fixture("bundle.bin");
    const MinisignKey key = key_from("test.pub");
    const std::string sig_line = line_of(good, 1);
    struct Case {
        std::string text, error;
    } cases[] = {
        {"", "the signature file has fewer than 4 lines"},
        {"garbage\n<html>\n", "the signature file has fewer than 4 lines"},
        {with_line(good, 0, "comment: x"),
         "the signature file does not start with 'untrusted comment:'"},
        {with_line(good, 1, "not base64!"), "the signature line is not base64 of 74 bytes"},
        {with_line(good, 1, sig_line.substr(0, 40)),
         "the signature line is not base64 of 74 bytes"},
        {with_line(good, 1, "AA" + sig_line.substr(2)),
         "unknown signature algorithm (not ED or Ed)"},
        {with_line(good, 2, "version=7 expires=2030-01-31"),
         "the third line does not start with 'trusted comment: '"},
        {with_line(good, 3, "AAAA"), "the global signature line is not base64 of 64 bytes"},
        {with_line(good, 2, "trusted comment: version=7\x01"),
         "the trusted comment has unprintable characters"},
    };
    for (auto& c : cases) {
        const SignatureCheck r = verify_minisign(data, c.text, key);
        CHECK_FALSE(r.ok);
        CHECK(r.error == c.error);
    }
    // CRLF line ends (a file edited on Windows) still verify.
    std::string crlf;
    for (char ch : good) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    CHECK(verify_minisign(data, crlf, key).ok);
}

TEST_CASE("minisign: public keys decode only from the .pub file's base64 line") {
    MinisignKey k;
    std::string why;
    const std::string line = line_of(fixture("test.pub"), 1);
    CHECK(decode_minisign_key("  " + line + "\n", k, why));
    CHECK_FALSE(decode_minisign_key("", k, why));
    CHECK_FALSE(decode_minisign_key(line.substr(0, 40), k, why));
    CHECK_FALSE(decode_minisign_key(line_of(fixture("test.pub"), 0), k, why));
    CHECK(why.find("42 bytes") != std::string::npos);
    // A signature line is base64 too, but 74 bytes.
    CHECK_FALSE(decode_minisign_key(line_of(fixture("bundle.bin.minisig"), 1), k, why));
    // 42 bytes that do not start with "Ed".
    CHECK_FALSE(decode_minisign_key("AA" + line.substr(2), k, why));
    CHECK(why.find("\"Ed\"") != std::string::npos);
}

TEST_CASE("trusted comment: version and expiry") {
    BundleInfo b;
    std::string why;
    REQUIRE(parse_trusted_comment("version=12 expires=2027-02-28", b, why));
    CHECK(b.version == 12);
    CHECK(b.expires == 20270228);
    // Order does not matter; other words only from the allow-list, as key=value.
    REQUIRE(parse_trusted_comment("signed=2027-01-01 expires=2028-02-29 channel=hal version=3", b,
                                  why));
    CHECK(b.version == 3);
    CHECK(b.expires == 20280229);
    for (auto bad : {"", "version=1", "expires=2027-01-01", "version=0 expires=2027-01-01",
                     "version=-1 expires=2027-01-01", "version=x expires=2027-01-01",
                     "version=1 expires=2027-02-29", "version=1 expires=2027-13-01",
                     "version=1 expires=27-01-01", "version=1 expires=2027-1-1",
                     "version=9999999999 expires=2027-01-01"})
        CHECK_MESSAGE(!parse_trusted_comment(bad, b, why), bad);
}

TEST_CASE("trusted comment: strict (each key once, no leading zeros, an allow-list)") {
    BundleInfo b;
    std::string why;
    const struct {
        const char* comment;
        const char* why;
    } bad[] = {
        {"version=3 version=999999999 expires=2027-01-01", "version= twice"},
        {"version=3 expires=2027-01-01 expires=2099-12-31", "expires= twice"},
        {"version=03 expires=2027-01-01", "leading zeros"},
        {"version=007 expires=2027-01-01", "leading zeros"},
        {"timestamp:1 version=3 expires=2027-01-01", "not key=value"},
        {"version=3 expires=2027-01-01 floor=0", "unknown key 'floor'"},
        {"version=3 expires=2027-01-01 =x", "not key=value"},
    };
    for (auto& c : bad) {
        CAPTURE(c.comment);
        CHECK_FALSE(parse_trusted_comment(c.comment, b, why));
        CHECK_MESSAGE(why.find(c.why) != std::string::npos, why);
    }
}

TEST_CASE("a bundle is taken only when newer than its key's floor, near, and not expired") {
    BundleInfo b;
    b.version = 5;
    b.expires = 20261231;
    CHECK(bundle_verdict(b, 4, false, 20261123) == "");
    CHECK(bundle_verdict(b, 0, false, 20261231) == "");  // valid through its expiry day
    CHECK(bundle_verdict(b, 5, false, 20261123) == "version");
    CHECK(bundle_verdict(b, 9, false, 20261123) == "version");
    CHECK(bundle_verdict(b, 9, true, 20261123) == "version");
    CHECK(bundle_verdict(b, 4, false, 20270101) == "expired");
    // The bundle last taken, while another version runs (a rollback): fetched again.
    CHECK(bundle_verdict(b, 5, true, 20261123) == "");
    // A stolen key or a typo: version=999999999 expires=9999-12-31 is refused.
    BundleInfo huge;
    huge.version = 999999999;
    huge.expires = 99991231;
    CHECK(bundle_verdict(huge, 4, false, 20261123) == "step");
    huge.version = 6;
    CHECK(bundle_verdict(huge, 4, false, 20261123) == "expiry");
    ChannelLimits tight;
    tight.max_version_step = 3;
    CHECK(bundle_verdict(b, 2, false, 20261123, tight) == "");
    CHECK(bundle_verdict(b, 1, false, 20261123, tight) == "step");
    // A newly trusted key starts its own sequence at 1 (floor 0), up to the step.
    b.version = 1;
    CHECK(bundle_verdict(b, 0, false, 20261123) == "");
    // ~400 days ahead: taken; 401: refused.
    b.expires = add_days(20261123, 400);
    CHECK(bundle_verdict(b, 0, false, 20261123) == "");
    b.expires = add_days(20261123, 401);
    CHECK(bundle_verdict(b, 0, false, 20261123) == "expiry");
}

TEST_CASE("dates: add_days and format_date") {
    CHECK(add_days(20261123, 0) == 20261123);
    CHECK(add_days(20261231, 1) == 20270101);
    CHECK(add_days(20280228, 1) == 20280229);
    CHECK(add_days(20270101, -1) == 20261231);
    CHECK(add_days(20261123, 400) == 20271228);
    CHECK(format_date(20270105) == "2027-01-05");
}

TEST_CASE("the channel state: floors per key and the freshest expiry") {
    ChannelState st;
    std::string why;
    REQUIRE(
        parse_channel_state("# shipped\n\nfloor 0123456789ABCDEF 12\nfloor "
                            "FEDCBA9876543210 3\nfresh 0123456789ABCDEF 12 2027-06-30\n",
                            st, why));
    CHECK(st.floor("0123456789ABCDEF") == 12);
    CHECK(st.floor("FEDCBA9876543210") == 3);
    CHECK(st.floor("0000000000000000") == 0);
    CHECK(st.fresh_key == "0123456789ABCDEF");
    CHECK(st.fresh_version == 12);
    CHECK(st.fresh_until == 20270630);
    st.raise("0123456789ABCDEF", 5);  // never lowered
    CHECK(st.floor("0123456789ABCDEF") == 12);
    ChannelState shipped;
    shipped.raise("0000000000000001", 40);
    shipped.raise("FEDCBA9876543210", 2);
    st.merge_floors(shipped);
    CHECK(channel_state_text(st) ==
          "floor 0000000000000001 40\nfloor 0123456789ABCDEF 12\nfloor FEDCBA9876543210 3\n"
          "fresh 0123456789ABCDEF 12 2027-06-30\n");
    ChannelState back;
    REQUIRE(parse_channel_state(channel_state_text(st), back, why));
    CHECK(channel_state_text(back) == channel_state_text(st));
    for (auto bad : {"floor 0123 1\n", "floor 0123456789ABCDEF 0\n", "floor 0123456789abcdef 1\n",
                     "fresh 0123456789ABCDEF 1 2027-02-30\n", "fresh 1 2027-02-28\n",
                     "floor 0123456789ABCDEF 1 2\n", "garbage\n"})
        CHECK_MESSAGE(!parse_channel_state(bad, back, why), bad);
    CHECK(why.find("line 1") == 0);
    const uint8_t id[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
    CHECK(key_id_hex(id) == "EFCDAB8967452301");
}

TEST_CASE("redirects: https only from https, none for a POST") {
    CHECK(redirect_protocols("https://x/b.tar.gz", false) == "https");
    CHECK(redirect_protocols("http://x/b.tar.gz", false) == "http,https");
    CHECK(redirect_protocols("https://x/status", true) == "");
    CHECK(redirect_protocols("http://x/status", true) == "");
}

TEST_CASE("archive entries: only plain files and folders under layouts/ and assets/") {
    CHECK(check_archive_entry("layouts/kiosk.toml", EntryType::File) == "");
    CHECK(check_archive_entry("./layouts/screens/home.toml", EntryType::File) == "");
    CHECK(check_archive_entry("assets/", EntryType::Directory) == "");
    CHECK(check_archive_entry("./", EntryType::Directory) == "");
    CHECK(check_archive_entry("assets/img/a.png", EntryType::File) == "");
    CHECK(check_archive_entry("/etc/passwd", EntryType::File) == "absolute path");
    CHECK(check_archive_entry("layouts/../../x", EntryType::File) != "");
    CHECK(check_archive_entry("../layouts/x", EntryType::File) != "");
    CHECK(check_archive_entry("layouts/./x", EntryType::File) != "");
    CHECK(check_archive_entry("layouts//x", EntryType::File) != "");
    CHECK(check_archive_entry("layouts/a\\..\\b", EntryType::File) != "");
    CHECK(check_archive_entry("other/x", EntryType::File) == "outside layouts/ and assets/");
    CHECK(check_archive_entry("layouts", EntryType::File) != "");
    CHECK(check_archive_entry("", EntryType::File) != "");
    CHECK(check_archive_entry("layouts/link", EntryType::Other) != "");
}

TEST_CASE("retries back off with jitter, within the interval") {
    CHECK(retry_delay(1, 3600, 0.5) == doctest::Approx(5));
    CHECK(retry_delay(2, 3600, 0.5) == doctest::Approx(10));
    CHECK(retry_delay(3, 3600, 0.0) == doctest::Approx(10));
    CHECK(retry_delay(3, 3600, 1.0) == doctest::Approx(30));
    CHECK(retry_delay(30, 3600, 0.5) == doctest::Approx(3600));
    CHECK(retry_delay(4, 3, 0.5) == doctest::Approx(3));
    CHECK(connect_timeout(3600) == 20);
    CHECK(total_timeout(3600) == 600);
    CHECK(total_timeout(3) == 2);
    CHECK(connect_timeout(3) == 1);
}

TEST_CASE("version folders and the start counter") {
    CHECK(version_dir("/var/lib/wegwijzer", 4) == "/var/lib/wegwijzer/content/4");
    CHECK(current_link("/s") == "/s/content/current");
    CHECK(version_of("12") == 12);
    for (auto bad : {"", "current", "07", "1a", "-1", ".tmp-3", "0"}) CHECK(version_of(bad) == 0);
    std::string text;
    CHECK(count_start("", "boot-a", text) == 1);
    CHECK(text == "boot-a 1\n");
    CHECK(count_start(text, "boot-a", text) == 2);
    CHECK(count_start(text, "boot-b", text) == 1);
    CHECK(count_start("garbage", "boot-b", text) == 1);
}

TEST_CASE("the heartbeat is small JSON without personal data") {
    Heartbeat h;
    h.kiosk = "hal \"2\"";
    h.app_version = "0.1.0";
    h.content_version = 4;
    h.uptime_seconds = 3600;
    h.restarts_since_boot = 1;
    h.last_update = "ok version=4";
    h.sessions_today = 12;
    CHECK(heartbeat_json(h) ==
          "{\"kiosk\":\"hal \\\"2\\\"\",\"app_version\":\"0.1.0\",\"content_version\":4,"
          "\"uptime_seconds\":3600,\"restarts_since_boot\":1,\"last_update\":\"ok version=4\","
          "\"sessions_today\":12,\"stale\":false}");
    CHECK(json_string("a\nb\x01") == "\"a\\nb\\u0001\"");
}

TEST_CASE("minisign: the trusted comment can be checked before the file is there") {
    const MinisignKey key = key_from("test.pub");
    const SignatureCheck c = verify_minisign_comment(fixture("bundle.bin.minisig"), key);
    CHECK_MESSAGE(c.ok, c.error);
    CHECK(c.trusted_comment == "version=7 expires=2030-01-31");
    const std::string sig = with_line(fixture("bundle.bin.minisig"), 2,
                                      "trusted comment: version=9 expires=2030-01-31");
    CHECK_FALSE(verify_minisign_comment(sig, key).ok);
    CHECK_FALSE(verify_minisign_comment(fixture("other.minisig"), key).ok);
}

TEST_CASE("minisign: a file hashed in pieces as it downloads checks as the whole") {
    const MinisignKey key = key_from("test.pub");
    const std::string data = fixture("bundle.bin");
    Prehash h;
    for (size_t at = 0; at < data.size(); at += 7)
        h.update(data.data() + at, std::min<size_t>(7, data.size() - at));
    const SignatureCheck c =
        verify_minisign_prehashed(h.final(), fixture("bundle.bin.minisig"), key);
    CHECK_MESSAGE(c.ok, c.error);
    CHECK(c.trusted_comment == "version=7 expires=2030-01-31");
    Prehash other;
    other.update("x", 1);
    CHECK_FALSE(verify_minisign_prehashed(other.final(), fixture("bundle.bin.minisig"), key).ok);
    Prehash whole;
    whole.update(data.data(), data.size());
    const SignatureCheck legacy =
        verify_minisign_prehashed(whole.final(), fixture("legacy.minisig"), key);
    CHECK_FALSE(legacy.ok);
    CHECK(legacy.error.find("legacy") != std::string::npos);
}
