#include "core/update/update_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/base/civil_date.h"

namespace ww {

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int parse_date(const std::string& t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return 0;
    const std::string y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return 0;
    const int yy = std::stoi(y), mm = std::stoi(m), dd = std::stoi(d);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (yy < 2000 || mm < 1 || mm > 12 || dd < 1 || dd > days[mm - 1]) return 0;
    const bool leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
    if (mm == 2 && dd == 29 && !leap) return 0;
    return yy * 10000 + mm * 100 + dd;
}

const char* const kOtherCommentKeys[] = {"signed", "channel", "note", nullptr};

bool parse_trusted_comment(const std::string& comment, BundleInfo& out, std::string& error) {
    std::istringstream words(comment);
    std::string w;
    bool have_version = false, have_expires = false;
    BundleInfo info;
    while (words >> w) {
        const size_t eq = w.find('=');
        if (eq == std::string::npos || eq == 0) {
            error = "the trusted comment has the word '" + w + "', not key=value";
            return false;
        }
        const std::string key = w.substr(0, eq), v = w.substr(eq + 1);
        if (key == "version") {
            if (have_version) {
                error = "the trusted comment has version= twice";
                return false;
            }
            if (!all_digits(v) || v.size() > 9 || v[0] == '0') {
                error = "version '" + v +
                        "' is not a positive whole number without leading zeros (at most 9 digits)";
                return false;
            }
            info.version = std::stol(v);
            have_version = true;
        } else if (key == "expires") {
            if (have_expires) {
                error = "the trusted comment has expires= twice";
                return false;
            }
            info.expires = parse_date(v);
            if (!info.expires) {
                error = "expires '" + v + "' is not a date like 2026-12-31";
                return false;
            }
            have_expires = true;
        } else {
            bool known = false;
            for (const char* const* k = kOtherCommentKeys; *k; ++k) known = known || key == *k;
            if (!known) {
                error = "the trusted comment has the unknown key '" + key + "'";
                return false;
            }
        }
    }
    if (!have_version || !have_expires) {
        error = "the trusted comment lacks " +
                std::string(!have_version ? "version=N" : "expires=YYYY-MM-DD");
        return false;
    }
    out = info;
    return true;
}

int add_days(int ymd, int days) {
    const CivilDate c =
        civil_from_days(days_from_civil({ymd / 10000, ymd / 100 % 100, ymd % 100}) + days);
    return c.year * 10000 + c.month * 100 + c.day;
}

std::string format_date(int ymd) {
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd / 10000 % 10000, ymd / 100 % 100, ymd % 100);
    return buf;
}

std::string bundle_verdict(const BundleInfo& info, long floor, bool refetch, int today,
                           const ChannelLimits& limits) {
    if (info.version < floor || (info.version == floor && !refetch)) return "version";
    if (info.version - floor > limits.max_version_step) return "step";
    if (info.expires < today) return "expired";
    if (info.expires > add_days(today, limits.max_expires_days)) return "expiry";
    return "";
}

long ChannelState::floor(const std::string& key_id) const {
    for (auto& [k, v] : floors)
        if (k == key_id) return v;
    return 0;
}

void ChannelState::raise(const std::string& key_id, long version) {
    for (auto& [k, v] : floors)
        if (k == key_id) {
            v = std::max(v, version);
            return;
        }
    floors.emplace_back(key_id, version);
    std::sort(floors.begin(), floors.end());
}

void ChannelState::merge_floors(const ChannelState& other) {
    for (auto& [k, v] : other.floors) raise(k, v);
}

namespace {

bool is_key_id(const std::string& s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
           });
}

}  // namespace

bool parse_channel_state(const std::string& text, ChannelState& out, std::string& error) {
    ChannelState st;
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::istringstream words(line);
        std::string what, a, b, c, extra;
        if (!(words >> what) || what[0] == '#') continue;
        const bool got_two = static_cast<bool>(words >> a >> b);
        const bool got_three = got_two && static_cast<bool>(words >> c);
        const bool more = static_cast<bool>(words >> extra);
        if (what == "floor" && got_two && !got_three && is_key_id(a) && version_of(b)) {
            st.raise(a, version_of(b));
        } else if (what == "fresh" && got_three && !more && is_key_id(a) && version_of(b) &&
                   parse_date(c)) {
            st.fresh_key = a;
            st.fresh_version = version_of(b);
            st.fresh_until = parse_date(c);
        } else {
            error = "line " + std::to_string(n) +
                    ": not 'floor <key id: 16 hex digits> <version>' or 'fresh <key id> "
                    "<version> <YYYY-MM-DD>'";
            return false;
        }
    }
    out = st;
    return true;
}

std::string channel_state_text(const ChannelState& st) {
    std::string out;
    for (auto& [k, v] : st.floors) out += "floor " + k + " " + std::to_string(v) + "\n";
    if (!st.fresh_key.empty() && st.fresh_version > 0 && st.fresh_until > 0)
        out += "fresh " + st.fresh_key + " " + std::to_string(st.fresh_version) + " " +
               format_date(st.fresh_until) + "\n";
    return out;
}

std::string key_id_hex(const uint8_t* id) {
    static const char* hex = "0123456789ABCDEF";
    std::string s;
    for (int i = 7; i >= 0; --i) {  // as minisign prints it: a little-endian number
        s += hex[id[i] >> 4];
        s += hex[id[i] & 15];
    }
    return s;
}

std::string redirect_protocols(const std::string& url, bool post) {
    if (post) return "";
    if (url.rfind("https://", 0) == 0) return "https";
    return "http,https";
}

std::string check_archive_entry(const std::string& path, EntryType type) {
    if (type == EntryType::Other) return "not a plain file or folder (link, device, ...)";
    if (path.empty()) return "empty name";
    if (path[0] == '/') return "absolute path";
    std::string p = path;
    if (p.rfind("./", 0) == 0) p = p.substr(2);
    if (!p.empty() && p.back() == '/') p.pop_back();
    if (p.empty()) return type == EntryType::Directory ? "" : "empty name";
    size_t start = 0;
    std::string first;
    for (;;) {
        const size_t slash = p.find('/', start);
        const std::string part =
            p.substr(start, slash == std::string::npos ? slash : slash - start);
        if (part.empty() || part == "." || part == "..") return "'..', '.' or an empty part";
        if (part.find('\\') != std::string::npos || part.find('\0') != std::string::npos)
            return "a backslash or NUL in the name";
        if (first.empty()) first = part;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    if (first != "layouts" && first != "assets") return "outside layouts/ and assets/";
    if (type == EntryType::File && p == first) return "a file where a folder belongs";
    return "";
}

double retry_delay(int attempt, double interval, double jitter01) {
    const double base = std::min(interval, 5.0 * std::pow(2.0, std::max(0, attempt - 1)));
    return base * (0.5 + std::clamp(jitter01, 0.0, 1.0));
}

double connect_timeout(double interval) {
    return std::clamp(interval / 4, 1.0, 20.0);
}
double total_timeout(double interval) {
    return std::clamp(interval / 2, 2.0, 600.0);
}

std::string content_root(const std::string& state_dir) {
    return state_dir + "/content";
}
std::string current_link(const std::string& state_dir) {
    return content_root(state_dir) + "/current";
}
std::string version_dir(const std::string& state_dir, long version) {
    return content_root(state_dir) + "/" + std::to_string(version);
}

long version_of(const std::string& name) {
    if (!all_digits(name) || name.size() > 9 || name[0] == '0') return 0;
    return std::stol(name);
}

int count_start(const std::string& file_text, const std::string& boot_id, std::string& new_text) {
    std::istringstream in(file_text);
    std::string id, n;
    int starts = 1;
    if (in >> id >> n && id == boot_id && all_digits(n) && n.size() < 9) starts = std::stoi(n) + 1;
    new_text = boot_id + " " + std::to_string(starts) + "\n";
    return starts;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string heartbeat_json(const Heartbeat& h) {
    std::ostringstream o;
    o << "{\"kiosk\":" << json_string(h.kiosk) << ",\"app_version\":" << json_string(h.app_version)
      << ",\"content_version\":" << h.content_version << ",\"uptime_seconds\":" << h.uptime_seconds
      << ",\"restarts_since_boot\":" << h.restarts_since_boot
      << ",\"last_update\":" << json_string(h.last_update)
      << ",\"sessions_today\":" << h.sessions_today << ",\"stale\":" << (h.stale ? "true" : "false")
      << "}";
    return o.str();
}

}  // namespace ww
