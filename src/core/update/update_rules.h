// The rules of content updates (README: Content updates): what a signed bundle's trusted comment
// says, which bundles are taken, which archive entries may be unpacked, how often to retry, where
// versions live under state.dir, what the heartbeat says. Pure functions; the download thread,
// libarchive and the folder switch live in src/platform/content_update.*.
#pragma once
#include <cstdint>
#include <string>

namespace ww {

// ---- the trusted comment: "version=N expires=YYYY-MM-DD" (other words are ignored)
struct BundleInfo {
    long version = 0;  // > 0
    int expires = 0;   // YYYYMMDD
};
bool parse_trusted_comment(const std::string& comment, BundleInfo& out, std::string& error);

// "YYYY-MM-DD" -> YYYYMMDD, 0 when it is no real date.
int parse_date(const std::string& text);

// "" when the bundle is taken; else the reason: "version" (not newer than `running_version`) or
// "expired" (its expiry date lies before `today`, YYYYMMDD; valid through that day).
std::string bundle_verdict(const BundleInfo& info, long running_version, int today);

// ---- archive entries
enum class EntryType { File, Directory, Other };  // Other: symlink, hardlink, device, fifo ...
struct UnpackLimits {
    uint64_t max_bytes = 256ull << 20;  // total unpacked size
    int max_entries = 10000;
    uint64_t max_download = 128ull << 20;  // the .tar.gz itself
    uint64_t max_signature = 4096;         // the .minisig
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
    int sessions_today = -1;  // -1 = unknown
};
std::string heartbeat_json(const Heartbeat& h);
// A string as a JSON string literal (quotes included).
std::string json_string(const std::string& s);

}  // namespace ww
