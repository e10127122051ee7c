// Sends this process's stderr (the kiosk log) to a temp file while it lives, for tests that
// check what was logged, or what never may be.
#pragma once
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

class CaptureStderr {
  public:
    CaptureStderr() {
        char name[] = "/tmp/ww-stderr-XXXXXX";
        const int fd = mkstemp(name);
        if (fd < 0) return;
        path_ = name;
        std::fflush(stderr);
        saved_ = dup(2);
        dup2(fd, 2);
        close(fd);
    }
    ~CaptureStderr() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        dup2(saved_, 2);
        close(saved_);
        unlink(path_.c_str());
    }
    CaptureStderr(const CaptureStderr&) = delete;
    CaptureStderr& operator=(const CaptureStderr&) = delete;

    // Everything logged so far.
    std::string text() const {
        std::fflush(stderr);
        std::ifstream in(path_);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    // The last `lines` lines logged so far.
    std::string tail(size_t lines) const {
        const std::string t = text();
        size_t at = t.size();
        for (size_t n = 0; n <= lines && at > 0;) {
            at = t.rfind('\n', at - 1);
            if (at == std::string::npos) return t;
            ++n;
        }
        return t.substr(at + 1);
    }
    // How often `needle` occurs.
    int count(const std::string& needle) const {
        const std::string t = text();
        int n = 0;
        for (size_t at = t.find(needle); at != std::string::npos; at = t.find(needle, at + 1)) ++n;
        return n;
    }

  private:
    std::string path_;
    int saved_ = -1;
};
