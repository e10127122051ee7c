// A shared library opened on first use instead of linked. libcurl, libarchive, libespeak-ng and
// libpcaudio bring some fifty libraries with them; linked, they cost every start about 9 ms and
// 8 MB (tests/bench.sh), for what a visitor may never use (content updates, speech). The package
// still depends on them (src/deploy/package.cmake).
//
//   struct Curl {
//       LazyLib lib{"libcurl.so.4"};
//       WW_LAZY_FN(lib, curl_easy_init);  // a member `curl_easy_init` of the header's type
//   };
//   static const Curl curl;  // opened once, on the first call, thread-safe; never closed
#pragma once
#include <string>

namespace ww {

class LazyLib {
  public:
    explicit LazyLib(const char* soname);
    LazyLib(const LazyLib&) = delete;
    LazyLib& operator=(const LazyLib&) = delete;

    // `symbol` as the function pointer type F; null when the library or the symbol is missing
    // (then error() says which, and stays so).
    template <class F>
    F get(const char* symbol) {
        return reinterpret_cast<F>(find(symbol));
    }
    // True when the library and every symbol asked for so far were found.
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

  private:
    void* find(const char* symbol);

    void* handle_ = nullptr;
    std::string soname_;
    std::string error_;
};

}  // namespace ww

// A member holding the address of the library function `name`, typed as the header declares it.
#define WW_LAZY_FN(lib, name) decltype(&::name) name = (lib).get<decltype(&::name)>(#name)
