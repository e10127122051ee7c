#include "core/admin/admin_state.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/log.h"

namespace fs = std::filesystem;

namespace ww {

namespace {

constexpr size_t kMaxFile = 4096;  // a real file is under 100 bytes

bool parse_number(const std::string& s, double& out) {
    if (s.empty() || s.size() > 32) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out) && out >= 0;
}

// Writes `text` to a new `path` (mode 0600) and flushes it to the disk; 0 or an errno.
int write_synced(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    const ssize_t n = ::write(fd, text.data(), text.size());
    int err = n < 0 ? errno : n != static_cast<ssize_t>(text.size()) ? ENOSPC : 0;
    if (!err && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && !err) err = errno;
    return err;
}

}  // namespace

std::string format_guard(const PinGuard::Saved& saved) {
    char buf[128];
    snprintf(buf, sizeof buf, "failures=%d\nlocked_until=%.3f\nnext_try=%.3f\n", saved.failures,
             saved.locked_until, saved.next_try);
    return buf;
}

bool parse_guard(const std::string& text, PinGuard::Saved& saved) {
    PinGuard::Saved s;
    bool failures = false, locked = false, next = false;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const size_t eq = line.find('=');
        if (eq == std::string::npos) return false;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        double v = 0;
        if (!parse_number(value, v)) return false;
        if (key == "failures" && !failures && v == std::floor(v) && v <= 1e6) {
            s.failures = static_cast<int>(v);
            failures = true;
        } else if (key == "locked_until" && !locked) {
            s.locked_until = v;
            locked = true;
        } else if (key == "next_try" && !next) {
            s.next_try = v;
            next = true;
        } else {
            return false;  // unknown, repeated or out of range
        }
    }
    if (!(failures && locked && next)) return false;
    saved = s;
    return true;
}

GuardFile::GuardFile(std::string dir) : dir_(std::move(dir)) {
    if (!dir_.empty()) path_ = (fs::path(dir_) / "admin-guard").string();
}

void GuardFile::unwritable(const std::string& why) {
    writable_ = false;
    if (unwritable_logged_) return;
    unwritable_logged_ = true;
    log_event("state_unwritable", {{"dir", dir_}, {"reason", why}, {"guard", "memory-only"}});
}

bool GuardFile::make_dir() {
    std::error_code ec;
    if (fs::is_directory(dir_, ec)) return true;
    fs::path p(dir_);
    if (!p.has_filename()) p = p.parent_path();  // "dir/"
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (::mkdir(p.c_str(), 0700) == 0 || errno == EEXIST) return true;
    unwritable(std::strerror(errno));
    return false;
}

void GuardFile::load(PinGuard& guard, double now, double wall_now) {
    if (dir_.empty()) {
        unwritable("no state.dir, XDG_STATE_HOME or HOME");
        return;
    }
    if (!make_dir()) return;
    writable_ = true;
    if (::access(dir_.c_str(), W_OK | X_OK) != 0) unwritable(std::strerror(errno));

    std::error_code ec;
    if (!fs::exists(path_, ec)) return;  // no history yet
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        log_event("state_unreadable", {{"file", path_}, {"reason", std::strerror(errno)}});
        return;
    }
    std::string text(kMaxFile + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    PinGuard::Saved saved;
    if (text.size() > kMaxFile || !parse_guard(text, saved)) {
        log_event("state_corrupt", {{"file", path_}, {"guard", "fresh"}});
        return;
    }
    guard.restore(saved, now, wall_now);
    if (guard.failures() > 0 || guard.wait_left(now) > 0)
        log_event("admin_guard_restored",
                  {{"failures", std::to_string(guard.failures())},
                   {"locked", guard.locked(now) ? "1" : "0"},
                   {"wait", std::to_string(static_cast<int>(std::ceil(guard.wait_left(now))))}});
}

bool GuardFile::retry() {
    if (dir_.empty() || !make_dir()) return false;
    if (::access(dir_.c_str(), W_OK | X_OK) != 0) return false;
    // A real write: a read-only remount or a full disk shows only here.
    const std::string probe = path_ + ".probe";
    const int err = write_synced(probe, "");
    ::unlink(probe.c_str());
    writable_ = err == 0;
    return writable_;
}

void GuardFile::save(const PinGuard& guard, double now, double wall_now) {
    if (dir_.empty() || !make_dir()) return;
    const std::string tmp = path_ + ".tmp";
    // Temp file + rename: after a crash or a power cut the file is the old one or the new one.
    int err = write_synced(tmp, format_guard(guard.save(now, wall_now)));
    if (!err && ::rename(tmp.c_str(), path_.c_str()) != 0) err = errno;
    if (!err) {
        writable_ = true;
        return;
    }
    ::unlink(tmp.c_str());
    unwritable(std::strerror(err));
}

}  // namespace ww
