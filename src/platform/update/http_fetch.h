// HTTP for content updates (libcurl): a bounded GET (into memory or streamed to a file) and a
// small JSON POST. Blocking: call them from the update thread, never the frame loop. Only http://
// and https://, no signals, timeouts on connecting and on the whole transfer, a size cap that
// aborts a longer body, every curl option's result checked. Redirects: a GET of an https:// URL
// follows only https:// (at most 3), an http:// URL http:// or https://; a POST follows none
// (core/update/update_rules.h redirect_protocols). Any answer but 2xx fails.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace ww {

struct HttpLimits {
    double connect_timeout = 20;  // seconds
    double total_timeout = 600;
    uint64_t max_bytes = 1 << 20;
};

struct HttpResult {
    bool ok = false;
    std::string body;
    std::string error;  // curl's reason or "HTTP 404", for the log
};

// Call once, before any thread that uses HTTP starts (curl_global_init).
void http_global_init();

HttpResult http_get(const std::string& url, const HttpLimits& limits);
// Streams the body into `path` (created or truncated, mode 0600) and hands each piece to
// `on_data` as it arrives (hashing); the body is never held in memory. `path` is removed when the
// transfer fails.
HttpResult http_get_file(const std::string& url, const std::string& path, const HttpLimits& limits,
                         const std::function<void(const char*, size_t)>& on_data);
HttpResult http_post_json(const std::string& url, const std::string& json,
                          const HttpLimits& limits);

}  // namespace ww
