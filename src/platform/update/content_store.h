// Content versions under state.dir (README: Content updates):
//   <state>/content/<N>/{layouts,assets}   one folder per unpacked bundle version
//   <state>/content/current -> N            the version the kiosk runs, switched atomically
// Unpacking (libarchive) refuses what core/update/update_rules.h check_archive_entry refuses and
// stops at the size and entry limits. Only the current and the previous version are kept. Files
// and folders are on the disk (fsync) before `current` points at them, so a power cut at any
// moment leaves the old or the new version.
#pragma once
#include <functional>
#include <string>

#include "core/update/update_rules.h"

namespace ww {

// The version `current` points at; 0 when there is none (the shipped content).
long current_version(const std::string& state_dir);
// The real folder of the current version (symlink resolved once, so a load never mixes two
// versions); empty when there is none.
std::string current_content_dir(const std::string& state_dir);

// Unpacks a .tar.gz held in memory into `dest` (created; must not exist). False with `error`
// (and `dest` removed) on a refused entry, a limit or a broken archive.
bool unpack_bundle(const std::string& archive, const std::string& dest, const UnpackLimits& limits,
                   std::string& error);
// The same from a .tar.gz file (the download, streamed to the state folder).
bool unpack_bundle_file(const std::string& path, const std::string& dest,
                        const UnpackLimits& limits, std::string& error);

// Writes `text` to `path` so that a power cut leaves the old or the new text: a temporary file,
// fsync, rename, fsync of the folder.
bool write_durably(const std::string& path, const std::string& text, std::string& error);

// Points `current` at version `version` (a temporary symlink renamed over it), then removes every
// version folder but this one and `keep` (the one it replaced; 0 = none).
bool switch_current(const std::string& state_dir, long version, long keep, std::string& error);

// After the kiosk failed to load the current version: `current` back to `previous` (0 = remove
// the link, so the shipped content runs). The failed folder is removed.
bool roll_back(const std::string& state_dir, long previous, std::string& error);

// At start (after a power cut, a full disk): when the current version does not load (`loads`
// says so), rolls back to the newest kept version that does, else to the shipped content; the
// updater then fetches the newer version again. Returns the version that runs now (0 = the
// shipped content; also when the rollback cannot be written, with `error`).
long recover_current(const std::string& state_dir,
                     const std::function<bool(const std::string& dir)>& loads, std::string& error);

}  // namespace ww
