// The rules of content updates (README: Content updates): what a signed bundle's trusted comment
// says, which bundles are taken, which archive entries may be unpacked, how often to retry, where
// versions live under state.dir, what the heartbeat says. Pure functions; the download thread,
// libarchive and the folder switch live in src/platform/update/.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ww {

// ---- the trusted comment: "version=N expires=YYYY-MM-DD", each exactly once, N without leading
// zeros; other words only `key=value` with a key from kOtherCommentKeys (anything else is refused:
// a comment the kiosk does not understand is not trusted).
struct BundleInfo {
    long version = 0;  // > 0
    int expires = 0;   // YYYYMMDD
};
extern const char* const kOtherCommentKeys[];  // {"signed", "channel", "note", nullptr}
bool parse_trusted_comment(const std::string& comment, BundleInfo& out, std::string& error);

// "YYYY-MM-DD" -> YYYYMMDD, 0 when it is no real date.
int parse_date(const std::string& text);
// YYYYMMDD plus `days` (may be negative) -> YYYYMMDD.
int add_days(int yyyymmdd, int days);
// YYYYMMDD -> "YYYY-MM-DD".
std::string format_date(int yyyymmdd);

// What the kiosk accepts from a key (README: Content updates, key rotation).
struct ChannelLimits {
    long max_version_step = 1000;  // update.max_version_step
    int max_expires_days = 400;    // an expiry further ahead is refused
};
// "" when the bundle may be taken: `floor` is the highest version taken from the bundle's key
// (0 = none yet: a newly trusted key starts its own sequence). A bundle at its floor is taken
// again only when `refetch` (it is the bundle last taken, and another version runs: a rollback).
// Else the reason: "version" (below the floor, or at it), "step" (more than max_version_step
// above the floor), "expired" (before `today`, YYYYMMDD; valid through that day) or "expiry" (more
// than max_expires_days ahead).
std::string bundle_verdict(const BundleInfo& info, long floor, bool refetch, int today,
                           const ChannelLimits& limits = {});

// ---- the channel state (<state>/update-channel, and the shipped floor file): one line each,
//   floor <key id, 16 hex digits as minisign shows it> <version>      the highest version taken
//   from that key fresh <key id> <version> <YYYY-MM-DD>        the bundle last taken, and the
//   freshest expiry
//                                                seen for it (re-signed: README, freeze)
// Lines starting with # and blank lines are ignored.
struct ChannelState {
    std::vector<std::pair<std::string, long>> floors;  // key id hex -> version, sorted by key
    std::string fresh_key;                             // key id hex of the bundle last taken
    long fresh_version = 0;
    int fresh_until = 0;  // YYYYMMDD
    long floor(const std::string& key_id) const;
    // Raises the key's floor to `version` (never lowers it).
    void raise(const std::string& key_id, long version);
    // Every floor of `other` raised into this one.
    void merge_floors(const ChannelState& other);
};
// False with `error` ("line N: ...") on a line it does not understand.
bool parse_channel_state(const std::string& text, ChannelState& out, std::string& error);
std::string channel_state_text(const ChannelState& state);
// 8 key id bytes as minisign shows them ("minisign public key 6A74..."): 16 upper-case hex digits.
std::string key_id_hex(const uint8_t* id);

// ---- redirects: the protocols a transfer may follow ("" = none). A POST follows none; an
// https:// URL only https://; an http:// URL http:// or https://.
std::string redirect_protocols(const std::string& url, bool post);

// ---- archive entries
enum class EntryType { File, Directory, Other };  // Other: symlink, hardlink, device, fifo ...
struct UnpackLimits {
    uint64_t max_bytes = 256ull << 20;  // total unpacked size
    int max_entries = 10000;
    uint64_t max_download = 16ull << 20;  // the .tar.gz itself (update.max_bundle_mb)
    uint64_t max_signature = 4096;        // the .minisig
};
// "" when an entry may be unpacked: a file or folder under layouts/ or assets/ (an optional
// leading "./"), relative, without "..", "." or empty parts; else why not.
std::string check_archive_entry(const std::string& path, EntryType type);

// ---- timing
// Seconds before retry `attempt` (1, 2, ...) after a failed download: 5 s doubling each time,
// never more than `interval`, times a jitter factor from `jitter01` (0..1 -> 0.5..1.5).
double retry_delay(int attempt, double interval, double jitter01);
// Connect and total timeouts for one download: a check never runs into the next one.
double connect_timeout(double interval);
double total_timeout(double interval);

// ---- folders under state.dir
std::string content_root(const std::string& state_dir);               // <state>/content
std::string current_link(const std::string& state_dir);               // <state>/content/current
std::string version_dir(const std::string& state_dir, long version);  // <state>/content/<N>
// A version folder's name -> its version; 0 when the name is not a positive number.
long version_of(const std::string& name);

// ---- starts since boot: the counter file holds "<boot id> <starts>". Returns this start's
// count (1 for the first start since boot) and the file's new text.
int count_start(const std::string& file_text, const std::string& boot_id, std::string& new_text);

// ---- the heartbeat (update.status_url): no personal data, only these fields.
struct Heartbeat {
    std::string kiosk;         // kiosk.name
    std::string app_version;   // WEGWIJZER_VERSION
    long content_version = 0;  // 0 = the shipped content
    long uptime_seconds = 0;
    int restarts_since_boot = 0;
    std::string last_update;  // "ok version=N", "rejected reason=... " or "none"
    bool stale = false;       // the freshest signature of the shown version has expired
    int sessions_today = -1;  // -1 = unknown
};
std::string heartbeat_json(const Heartbeat& h);
// A string as a JSON string literal (quotes included).
std::string json_string(const std::string& s);

}  // namespace ww
