// HTTP for content updates (libcurl): a bounded GET and a small JSON POST. Blocking: call them
// from the update thread, never the frame loop. Only http:// and https://, no signals, timeouts
// on connecting and on the whole transfer, and a size cap that aborts a longer body.
#pragma once
#include <cstdint>
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
HttpResult http_post_json(const std::string& url, const std::string& json,
                          const HttpLimits& limits);

}  // namespace ww
