// What the update thread fetches and sends over HTTP: the signature and the bundle, each tried
// update's attempts times with a growing, jittered pause; the heartbeat.
#include <algorithm>
#include <array>
#include <random>
#include <string>

#include "core/base/log.h"
#include "core/update/minisign.h"
#include "platform/update/http_fetch.h"
#include "platform/update/updater.h"
#include "platform/update/updater_detail.h"

namespace ww {

using namespace updater_detail;

bool Updater::with_retries(const std::string& url, uint64_t max, std::string& error,
                           const std::function<HttpResult(const HttpLimits&)>& get) {
    HttpLimits limits;
    limits.connect_timeout = connect_timeout(o_.interval);
    limits.total_timeout = total_timeout(o_.interval);
    limits.max_bytes = max;
    std::mt19937 rng(jitter_seed_++);
    std::uniform_real_distribution<double> jitter(0, 1);
    for (int attempt = 1; attempt <= o_.attempts; ++attempt) {
        const HttpResult r = get(limits);
        if (r.ok) return true;
        error = url + ": " + r.error;
        if (attempt < o_.attempts && !wait_for(retry_delay(attempt, o_.interval, jitter(rng)))) {
            error += " (stopping)";
            return false;
        }
    }
    return false;
}

bool Updater::fetch(const std::string& url, uint64_t max, std::string& body, std::string& error) {
    return with_retries(url, max, error, [&](const HttpLimits& limits) {
        HttpResult r = http_get(url, limits);
        if (r.ok) body = std::move(r.body);
        return r;
    });
}

bool Updater::fetch_file(const std::string& url, const std::string& path,
                         std::array<uint8_t, 64>& hash, std::string& error) {
    return with_retries(url, o_.limits.max_download, error, [&](const HttpLimits& limits) {
        Prehash h;
        HttpResult r =
            http_get_file(url, path, limits, [&h](const char* d, size_t n) { h.update(d, n); });
        if (r.ok) hash = h.final();
        return r;
    });
}

void Updater::heartbeat(const CheckResult& r) {
    if (o_.status_url.empty()) return;
    Heartbeat h;
    h.kiosk = o_.kiosk_name;
    h.app_version = o_.app_version;
    h.content_version = o_.shown_version ? o_.shown_version() : running_.load();
    h.stale = stale_;
    h.uptime_seconds = static_cast<long>(steady_seconds() - started_);
    h.restarts_since_boot = o_.restarts_since_boot;
    h.last_update = r.summary();
    h.sessions_today = o_.sessions_today ? o_.sessions_today() : -1;
    HttpLimits limits;
    limits.connect_timeout = connect_timeout(o_.interval);
    limits.total_timeout = std::min(30.0, total_timeout(o_.interval));
    limits.max_bytes = 64 * 1024;  // the server's answer is ignored
    const HttpResult sent = http_post_json(o_.status_url, heartbeat_json(h), limits);
    if (!sent.ok)
        log_event("heartbeat", {{"status", "failed"}, {"detail", clean(sent.error)}});
    else
        log_event("heartbeat", {{"status", "ok"}});
}

}  // namespace ww
