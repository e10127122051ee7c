#include "platform/update/http_fetch.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/update/update_rules.h"
#include "platform/lazy/lazy_lib.h"

namespace ww {

namespace {

// libcurl, opened when the updater starts (only with update.url set; platform/lazy/lazy_lib.h).
struct Curl {
    LazyLib lib{"libcurl.so.4"};
    WW_LAZY_FN(lib, curl_global_init);
    WW_LAZY_FN(lib, curl_easy_init);
    WW_LAZY_FN(lib, curl_easy_cleanup);
    WW_LAZY_FN(lib, curl_easy_setopt);
    WW_LAZY_FN(lib, curl_easy_perform);
    WW_LAZY_FN(lib, curl_easy_getinfo);
    WW_LAZY_FN(lib, curl_easy_strerror);
    WW_LAZY_FN(lib, curl_slist_append);
    WW_LAZY_FN(lib, curl_slist_free_all);
};

const Curl& curl() {
    static const Curl c;
    return c;
}

struct Sink {
    std::string* body = nullptr;  // or:
    int fd = -1;
    const std::function<void(const char*, size_t)>* on_data = nullptr;
    uint64_t max = 0;
    uint64_t got = 0;
    bool too_big = false;
    bool write_failed = false;
};

size_t on_data(char* data, size_t size, size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    const size_t len = size * n;
    if (s->got + len > s->max) {
        s->too_big = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    s->got += len;
    if (s->body) {
        s->body->append(data, len);
        return len;
    }
    for (size_t done = 0; done < len;) {
        const ssize_t w = write(s->fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            s->write_failed = true;
            return 0;
        }
        done += static_cast<size_t>(w);
    }
    if (s->on_data && *s->on_data) (*s->on_data)(data, len);
    return len;
}

// Sets every option, and says which one libcurl refused (an old libcurl without
// CURLOPT_PROTOCOLS_STR, a typo): a transfer with an option silently unset is not made.
struct Options {
    const Curl& api;
    CURL* c;
    std::string failed;
    template <typename T>
    void set(CURLoption opt, T value, const char* name) {
        const CURLcode rc = api.curl_easy_setopt(c, opt, value);
        if (rc != CURLE_OK && failed.empty())
            failed = std::string("curl option ") + name + ": " + api.curl_easy_strerror(rc);
    }
};
#define WW_SET(o, opt, value) (o).set(opt, value, #opt)

HttpResult perform(const std::string& url, const std::string* post, Sink& sink,
                   const HttpLimits& limits) {
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
    sink.max = limits.max_bytes;
    char errbuf[CURL_ERROR_SIZE] = "";
    Options o{api, c, {}};
    const std::string redirects = redirect_protocols(url, post != nullptr);
    WW_SET(o, CURLOPT_URL, url.c_str());
    WW_SET(o, CURLOPT_PROTOCOLS_STR, "http,https");
    if (redirects.empty()) {
        WW_SET(o, CURLOPT_FOLLOWLOCATION, 0L);
    } else {
        WW_SET(o, CURLOPT_REDIR_PROTOCOLS_STR, redirects.c_str());
        WW_SET(o, CURLOPT_FOLLOWLOCATION, 1L);
        WW_SET(o, CURLOPT_MAXREDIRS, 3L);
    }
    WW_SET(o, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    WW_SET(o, CURLOPT_FAILONERROR, 1L);
    WW_SET(o, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect_timeout * 1000));
    WW_SET(o, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout * 1000));
    WW_SET(o, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
    WW_SET(o, CURLOPT_USERAGENT, "wegwijzer/" WEGWIJZER_VERSION);
    WW_SET(o, CURLOPT_ERRORBUFFER, errbuf);
    WW_SET(o, CURLOPT_WRITEFUNCTION, on_data);
    WW_SET(o, CURLOPT_WRITEDATA, &sink);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, api.curl_slist_free_all);
    if (post) {
        headers.reset(api.curl_slist_append(nullptr, "Content-Type: application/json"));
        if (!headers) o.failed = "curl_slist_append failed";
        WW_SET(o, CURLOPT_HTTPHEADER, headers.get());
        WW_SET(o, CURLOPT_POSTFIELDS, post->c_str());
        WW_SET(o, CURLOPT_POSTFIELDSIZE, static_cast<long>(post->size()));
    }
    if (!o.failed.empty()) {
        r.error = o.failed;
        return r;
    }
    const CURLcode rc = api.curl_easy_perform(c);
    long code = 0;
    if (rc == CURLE_OK && api.curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK &&
        code >= 200 && code < 300) {
        r.ok = true;
        return r;
    }
    if (rc == CURLE_OK)
        r.error = "HTTP " + std::to_string(code) +
                  (code >= 300 && code < 400 ? " (a redirect this request does not follow)" : "");
    else if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        r.error = "larger than " + std::to_string(limits.max_bytes) + " bytes";
    else if (sink.write_failed)
        r.error = std::string("cannot write the download: ") + strerror(errno);
    else
        r.error = *errbuf ? errbuf : api.curl_easy_strerror(rc);
    if (sink.body) sink.body->clear();
    return r;
}

}  // namespace

void http_global_init() {
    static const bool done =
        curl().lib.ok() && curl().curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)done;
}

HttpResult http_get(const std::string& url, const HttpLimits& limits) {
    HttpResult body;
    Sink sink;
    sink.body = &body.body;
    HttpResult r = perform(url, nullptr, sink, limits);
    if (r.ok) r.body = std::move(body.body);
    return r;
}

HttpResult http_get_file(const std::string& url, const std::string& path, const HttpLimits& limits,
                         const std::function<void(const char*, size_t)>& on_data) {
    HttpResult r;
    Sink sink;
    sink.fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (sink.fd < 0) {
        r.error = "cannot create " + path + ": " + strerror(errno);
        return r;
    }
    sink.on_data = &on_data;
    r = perform(url, nullptr, sink, limits);
    if (close(sink.fd) != 0 && r.ok) {
        r.ok = false;
        r.error = "cannot write " + path;
    }
    if (!r.ok) unlink(path.c_str());
    return r;
}

HttpResult http_post_json(const std::string& url, const std::string& json,
                          const HttpLimits& limits) {
    HttpResult ignored;
    Sink sink;
    sink.body = &ignored.body;
    return perform(url, &json, sink, limits);
}

}  // namespace ww
