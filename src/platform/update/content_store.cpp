#include "platform/update/content_store.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

#include "platform/lazy/lazy_lib.h"

namespace fs = std::filesystem;

namespace ww {

long current_version(const std::string& state_dir) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(current_link(state_dir), ec);
    if (ec) return 0;
    return version_of(target.filename().string());
}

std::string current_content_dir(const std::string& state_dir) {
    const long v = current_version(state_dir);
    if (v == 0) return "";
    std::error_code ec;
    const fs::path dir = version_dir(state_dir, v);
    if (!fs::is_directory(dir, ec)) return "";
    return dir.string();
}

namespace {

// Writes what the kernel still holds of `path` to the disk. A power cut after a rename can
// otherwise leave the new name pointing at empty files.
bool sync_path(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

// Every file and folder below `dir`, and `dir` itself.
bool sync_tree(const fs::path& dir) {
    std::error_code ec;
    bool ok = true;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file(ec) || it->is_directory(ec)) ok = sync_path(it->path()) && ok;
    }
    return sync_path(dir) && ok && !ec;
}

}  // namespace

namespace {

// libarchive, opened on the first bundle to unpack (platform/lazy/lazy_lib.h).
struct Archive {
    LazyLib lib{"libarchive.so.13"};
    WW_LAZY_FN(lib, archive_read_new);
    WW_LAZY_FN(lib, archive_read_free);
    WW_LAZY_FN(lib, archive_read_support_filter_gzip);
    WW_LAZY_FN(lib, archive_read_support_format_tar);
    WW_LAZY_FN(lib, archive_read_open_memory);
    WW_LAZY_FN(lib, archive_read_open_filename);
    WW_LAZY_FN(lib, archive_read_next_header);
    WW_LAZY_FN(lib, archive_read_data);
    WW_LAZY_FN(lib, archive_error_string);
    WW_LAZY_FN(lib, archive_entry_pathname);
    WW_LAZY_FN(lib, archive_entry_filetype);
    WW_LAZY_FN(lib, archive_entry_hardlink);
    WW_LAZY_FN(lib, archive_entry_symlink);
};

const Archive& libarchive() {
    static const Archive a;
    return a;
}

EntryType type_of(const Archive& api, archive_entry* e) {
    if (api.archive_entry_hardlink(e) || api.archive_entry_symlink(e)) return EntryType::Other;
    switch (api.archive_entry_filetype(e)) {
        case AE_IFREG:
            return EntryType::File;
        case AE_IFDIR:
            return EntryType::Directory;
        default:
            return EntryType::Other;
    }
}

// libarchive's reason for the last error; it may have none (a null string, found by fuzz_unpack).
std::string archive_reason(const Archive& api, archive* a) {
    const char* text = api.archive_error_string(a);
    return text ? text : "no reason given";
}

bool write_file(const Archive& api, archive* a, const fs::path& path, uint64_t& total,
                const UnpackLimits& limits, std::string& error) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        error = "cannot create " + path.string();
        return false;
    }
    char buf[64 * 1024];
    bool ok = true;
    for (;;) {
        const la_ssize_t n = api.archive_read_data(a, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            error = std::string("broken archive: ") + archive_reason(api, a);
            ok = false;
            break;
        }
        total += static_cast<uint64_t>(n);
        if (total > limits.max_bytes) {
            error = "unpacked size over " + std::to_string(limits.max_bytes) + " bytes";
            ok = false;
            break;
        }
        if (write(fd, buf, static_cast<size_t>(n)) != n) {
            error = "cannot write " + path.string();
            ok = false;
            break;
        }
    }
    if (close(fd) != 0 && ok) {
        error = "cannot write " + path.string();
        ok = false;
    }
    return ok;
}

// `from`: the archive in memory, or the path of its file when `is_file`.
bool unpack_into(const std::string& from, bool is_file, const fs::path& dest,
                 const UnpackLimits& limits, std::string& error) {
    const Archive& api = libarchive();
    if (!api.lib.ok()) {
        error = api.lib.error();
        return false;
    }
    std::unique_ptr<archive, int (*)(archive*)> a(api.archive_read_new(), api.archive_read_free);
    api.archive_read_support_filter_gzip(a.get());
    api.archive_read_support_format_tar(a.get());
    const int opened = is_file ? api.archive_read_open_filename(a.get(), from.c_str(), 64 * 1024)
                               : api.archive_read_open_memory(a.get(), from.data(), from.size());
    if (opened != ARCHIVE_OK) {
        error = std::string("not a .tar.gz: ") + archive_reason(api, a.get());
        return false;
    }
    uint64_t total = 0;
    int entries = 0;
    bool has_layouts = false;
    for (;;) {
        archive_entry* e = nullptr;
        const int rc = api.archive_read_next_header(a.get(), &e);
        if (rc == ARCHIVE_EOF) break;
        if (rc != ARCHIVE_OK) {
            error = std::string("broken archive: ") + archive_reason(api, a.get());
            return false;
        }
        if (++entries > limits.max_entries) {
            error = "more than " + std::to_string(limits.max_entries) + " entries";
            return false;
        }
        const char* name = api.archive_entry_pathname(e);
        const std::string path = name ? name : "";
        const EntryType type = type_of(api, e);
        if (const std::string why = check_archive_entry(path, type); !why.empty()) {
            error = "refused entry '" + path + "': " + why;
            return false;
        }
        const fs::path out = (dest / path).lexically_normal();
        std::error_code ec;
        if (type == EntryType::Directory) {
            fs::create_directories(out, ec);
            if (ec) {
                error = "cannot create " + out.string();
                return false;
            }
            continue;
        }
        if (path.find("layouts/") != std::string::npos) has_layouts = true;
        fs::create_directories(out.parent_path(), ec);
        if (ec) {
            error = "cannot create " + out.parent_path().string();
            return false;
        }
        if (!write_file(api, a.get(), out, total, limits, error)) return false;
    }
    if (!has_layouts) {
        error = "no layouts/ in the bundle";
        return false;
    }
    return true;
}

}  // namespace

namespace {

bool unpack(const std::string& from, bool is_file, const std::string& dest,
            const UnpackLimits& limits, std::string& error) {
    std::error_code ec;
    if (fs::exists(dest, ec)) fs::remove_all(dest, ec);
    fs::create_directories(dest, ec);
    if (ec) {
        error = "cannot create " + dest + ": " + ec.message();
        return false;
    }
    if (!unpack_into(from, is_file, dest, limits, error)) {
        fs::remove_all(dest, ec);
        return false;
    }
    // On the disk before `current` may point at it.
    if (!sync_tree(dest)) {
        error = "cannot write " + dest + " to the disk";
        fs::remove_all(dest, ec);
        return false;
    }
    return true;
}

}  // namespace

bool unpack_bundle(const std::string& archive_bytes, const std::string& dest,
                   const UnpackLimits& limits, std::string& error) {
    return unpack(archive_bytes, false, dest, limits, error);
}

bool unpack_bundle_file(const std::string& path, const std::string& dest,
                        const UnpackLimits& limits, std::string& error) {
    return unpack(path, true, dest, limits, error);
}

bool switch_current(const std::string& state_dir, long version, long keep, std::string& error) {
    const std::string link = current_link(state_dir);
    const std::string tmp = link + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);
    // A relative target: the state folder may move (a backup restored elsewhere).
    if (symlink(std::to_string(version).c_str(), tmp.c_str()) != 0) {
        error = "cannot create " + tmp;
        return false;
    }
    if (rename(tmp.c_str(), link.c_str()) != 0) {
        error = "cannot rename " + tmp + " to " + link;
        fs::remove(tmp, ec);
        return false;
    }
    // The rename itself is on the disk only with its folder.
    if (!sync_path(content_root(state_dir))) {
        error = "cannot write " + content_root(state_dir) + " to the disk";
        return false;
    }
    // Keep the new and the previous version; remove older ones and unfinished unpacks.
    for (auto& entry : fs::directory_iterator(content_root(state_dir), ec)) {
        const std::string name = entry.path().filename().string();
        if (name == "current") continue;
        const long v = version_of(name);
        if (v == version || (keep && v == keep)) continue;
        fs::remove_all(entry.path(), ec);
    }
    return true;
}

bool roll_back(const std::string& state_dir, long previous, std::string& error) {
    const long failed = current_version(state_dir);
    std::error_code ec;
    if (previous > 0 && fs::is_directory(version_dir(state_dir, previous), ec)) {
        if (!switch_current(state_dir, previous, 0, error)) return false;
    } else {
        fs::remove(current_link(state_dir), ec);
        if (ec) {
            error = "cannot remove " + current_link(state_dir);
            return false;
        }
    }
    if (failed && failed != previous) fs::remove_all(version_dir(state_dir, failed), ec);
    return true;
}

long recover_current(const std::string& state_dir,
                     const std::function<bool(const std::string& dir)>& loads, std::string& error) {
    const long current = current_version(state_dir);
    if (current == 0) return 0;
    const std::string dir = current_content_dir(state_dir);
    if (!dir.empty() && loads(dir)) return current;
    long previous = 0;
    std::error_code ec;
    for (auto& entry : fs::directory_iterator(content_root(state_dir), ec)) {
        const long v = version_of(entry.path().filename().string());
        if (v > previous && v != current && entry.is_directory(ec) && loads(entry.path().string()))
            previous = v;
    }
    if (!roll_back(state_dir, previous, error)) return 0;
    return previous;
}

bool write_durably(const std::string& path, const std::string& text, std::string& error) {
    const fs::path p(path);
    const std::string tmp = path + ".tmp";
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < text.size();) {
        const ssize_t w = write(fd, text.data() + done, text.size() - done);
        ok = w > 0;
        if (ok) done += static_cast<size_t>(w);
    }
    ok = fd >= 0 && ok && fsync(fd) == 0;
    if (fd >= 0) ok = close(fd) == 0 && ok;
    ok = ok && rename(tmp.c_str(), path.c_str()) == 0;
    ok = ok && sync_path(p.parent_path().empty() ? fs::path(".") : p.parent_path());
    if (!ok) {
        error = "cannot write " + path;
        fs::remove(tmp, ec);
    }
    return ok;
}

}  // namespace ww
