// Captures what the process writes to stderr (fd 2, so log_event lines too) while in scope.
#pragma once
#include <unistd.h>

#include <cstdio>
#include <string>

struct StderrCapture {
    FILE* file = std::tmpfile();
    int saved = -1;
    StderrCapture() {
        std::fflush(stderr);
        saved = dup(2);
        if (file) dup2(fileno(file), 2);
    }
    // Everything written so far; stderr stays captured.
    std::string text() {
        std::fflush(stderr);
        std::string out;
        if (!file) return out;
        std::rewind(file);
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, file)) > 0;) out.append(buf, n);
        std::fseek(file, 0, SEEK_END);
        return out;
    }
    ~StderrCapture() {
        std::fflush(stderr);
        if (saved >= 0) {
            dup2(saved, 2);
            close(saved);
        }
        if (file) std::fclose(file);
    }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;
};
