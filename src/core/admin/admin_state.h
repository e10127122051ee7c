// The PIN guard across restarts, so a reboot does not hand out fresh guesses: the file
// <state.dir>/admin-guard, plain text with unix times (0 = none):
//   failures=3
//   locked_until=0
//   next_try=1718000004.250
// written atomically (temp file + rename) after every PIN and read at start. Trouble is logged
// and survived: a folder that cannot be made or written (event=state_unwritable, once), an
// unreadable file (state_unreadable) or a corrupt one (state_corrupt, counts as no history); the
// guard then lives in memory only.
#pragma once
#include <string>

#include "core/admin/admin.h"

namespace ww {

std::string format_guard(const PinGuard::Saved& saved);
// False when `text` is not what format_guard() writes (out of range, missing or unknown keys).
bool parse_guard(const std::string& text, PinGuard::Saved& saved);

class GuardFile {
  public:
    explicit GuardFile(std::string dir);  // "" = memory only (logged at load)
    // Makes the folder (mode 0700) when missing, then restores `guard` from the file if any.
    void load(PinGuard& guard, double now, double wall_now);
    // Writes the guard (making the folder again if it vanished); `wall_now` is the wall clock
    // at `now`.
    void save(const PinGuard& guard, double now, double wall_now);
    const std::string& path() const { return path_; }
    // False when the latest load or save found that the guard cannot be kept on disk.
    bool writable() const { return writable_; }
    // Looks again whether the folder can be made and written; true when it can now.
    bool retry();

  private:
    bool make_dir();  // mode 0700, parents too; false (logged) when it cannot be made
    void unwritable(const std::string& why);

    std::string dir_;
    std::string path_;
    bool unwritable_logged_ = false;
    bool writable_ = false;
};

}  // namespace ww
