#include "platform/http_fetch.h"

#include <curl/curl.h>

#include <memory>

#include "platform/lazy_lib.h"

namespace ww {

namespace {

// libcurl, opened when the updater starts (only with update.url set; platform/lazy_lib.h).
struct Curl {
    LazyLib lib{"libcurl.so.4"};
    WW_LAZY_FN(lib, curl_global_init);
    WW_LAZY_FN(lib, curl_easy_init);
    WW_LAZY_FN(lib, curl_easy_cleanup);
    WW_LAZY_FN(lib, curl_easy_setopt);
    WW_LAZY_FN(lib, curl_easy_perform);
    WW_LAZY_FN(lib, curl_easy_strerror);
    WW_LAZY_FN(lib, curl_slist_append);
    WW_LAZY_FN(lib, curl_slist_free_all);
};

const Curl& curl() {
    static const Curl c;
    return c;
}

struct Sink {
    std::string* body;
    uint64_t max;
    bool too_big = false;
};

size_t on_data(char* data, size_t size, size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    const size_t len = size * n;
    if (s->body->size() + len > s->max) {
        s->too_big = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    s->body->append(data, len);
    return len;
}

HttpResult perform(const std::string& url, const std::string* post, const HttpLimits& limits) {
    HttpResult r;
    const Curl& api = curl();
    if (!api.lib.ok()) {
        r.error = api.lib.error();
        return r;
    }
    std::unique_ptr<CURL, void (*)(CURL*)> handle(api.curl_easy_init(), api.curl_easy_cleanup);
    if (!handle) {
        r.error = "curl_easy_init failed";
        return r;
    }
    CURL* c = handle.get();
    Sink sink{&r.body, limits.max_bytes};
    char errbuf[CURL_ERROR_SIZE] = "";
    api.curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    api.curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    api.curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    api.curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    api.curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    api.curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    api.curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
    api.curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(limits.connect_timeout * 1000));
    api.curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout * 1000));
    api.curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
    api.curl_easy_setopt(c, CURLOPT_USERAGENT, "wegwijzer/" WEGWIJZER_VERSION);
    api.curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    api.curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    api.curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, api.curl_slist_free_all);
    if (post) {
        headers.reset(api.curl_slist_append(nullptr, "Content-Type: application/json"));
        api.curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
        api.curl_easy_setopt(c, CURLOPT_POSTFIELDS, post->c_str());
        api.curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(post->size()));
    }
    const CURLcode rc = api.curl_easy_perform(c);
    if (rc == CURLE_OK) {
        r.ok = true;
        return r;
    }
    if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        r.error = "larger than " + std::to_string(limits.max_bytes) + " bytes";
    else
        r.error = *errbuf ? errbuf : api.curl_easy_strerror(rc);
    r.body.clear();
    return r;
}

}  // namespace

void http_global_init() {
    static const bool done =
        curl().lib.ok() && curl().curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)done;
}

HttpResult http_get(const std::string& url, const HttpLimits& limits) {
    return perform(url, nullptr, limits);
}

HttpResult http_post_json(const std::string& url, const std::string& json,
                          const HttpLimits& limits) {
    return perform(url, &json, limits);
}

}  // namespace ww
