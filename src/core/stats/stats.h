// Anonymous usage figures: what one visitor session did, as one SessionRecord, with nothing that
// singles the visitor out (the start hour, not the time; place ids, not text; no identifier).
// The app keeps a SessionTracker beside the Session and hands the finished record to the stats
// writer (platform/stats/stats_writer.h), which stores it in <state.dir>/stats.sqlite. Pure: the
// clocks are the caller's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/session/session.h"

namespace ww {

struct SessionRecord {
    std::string day;                   // local date of the first touch, YYYY-MM-DD
    int hour = 0;                      // local hour of the first touch, 0..23 (minutes dropped)
    int seconds = 0;                   // first touch to the reset, whole seconds
    std::string lang;                  // language at the end
    std::vector<std::string> places;   // place keys reached ("screen:home"), sorted, once each
    std::string result;                // the guide result reached last ("" = none)
    std::vector<std::string> qr;       // take-away QR codes shown: urls.toml names, "summary"
    std::string text_size = "normal";  // the largest text size used
    bool high_contrast = false;        // high contrast used
    bool read_aloud = false;           // read-aloud turned on
    bool reach = false;                // reach mode used
    std::string last_place;            // place key at the reset: where visitors give up
    std::string end;                   // why it ended: idle, content, exit
    bool operator==(const SessionRecord& o) const;
};

// What one session adds to the daily totals, (key, amount): "sessions" 1, "seconds" its
// length, "lang:<code>", "result:<id>" ("result:" for none) — the four kept since the first
// version — then its details: "place:<key>" for each place reached, "last:<key>",
// "qr:<name>", "access:<option>" for each option used, "hour:HH" (start hour) and
// "len:<bucket>" (length_bucket). The figures need nothing else: no row per session.
using TotalsDelta = std::vector<std::pair<std::string, long>>;
TotalsDelta daily_keys(const SessionRecord& r);
// The details only (daily_keys without the first four): what an old row folds into.
TotalsDelta detail_keys(const SessionRecord& r);
// The length histogram: the bucket of a session of `seconds` as "len:SSSS" (its lower bound in
// seconds), and each bucket's key with its words, shortest first.
std::string length_bucket(int seconds);
const std::vector<std::pair<std::string, std::string>>& length_buckets();

// Dates as day numbers (days since 1970-01-01) and back; weekday 0 = Monday.
long day_number(const std::string& day);  // -1 when `day` is not YYYY-MM-DD
std::string day_string(long number);
int weekday(const std::string& day);

// The take-away QR codes on place `p`: a qr block's urls.toml name; on a result its official
// page's name and "summary" (the visitor's advice as text; its content is not recorded).
std::vector<std::string> qr_codes_on(const Content& c, const Place& p, const Answers& answers);

class SessionTracker {
  public:
    // A visitor's touch at `now` (caller's clock) and `wall` (unix time): starts a session when
    // none runs.
    void touch(double now, double wall);
    bool running() const { return running_; }
    // What the session shows now; call after every change of place or setting.
    void observe(const Session& s, const Content& c);
    // Staff opened the PIN pad: this is no visitor session; it is not recorded.
    void discard() { running_ = false; }
    // Ends the running session: its record, or nothing when none runs.
    std::optional<SessionRecord> finish(const Session& s, double now, const std::string& end);

  private:
    bool running_ = false;
    double start_ = 0;
    SessionRecord r_;
};

}  // namespace ww
