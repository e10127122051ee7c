// Checks the content loader makes: on single values as it reads them (ids, QR addresses,
// pictures in assets/), and across files once everything is read (links between screens, the
// home screen, the guide).
#pragma once
#include <toml++/toml.h>

#include <map>
#include <string>
#include <utility>

#include "core/base/problem.h"
#include "core/base/toml_reader.h"
#include "core/content/content.h"

namespace ww {

// A screen id or language code: 1-64 characters of a-z, 0-9 and -.
bool valid_id(const std::string& id);

// Where `n` is written, for a problem reported later (e.g. a link checked once all screens are
// known).
Loc loc_of(const TomlReader& r, const toml::node& n);

// The address under `key` of table `t` (shown as a QR code): a plain https:// address, without
// personal data.
void check_url(TomlReader& r, const toml::table& t, std::string_view key, const std::string& url);

// `sources` of a screen or result: a list of at least one name from urls.toml (checked once
// every file is read), and where it is written.
void read_sources(TomlReader& r, const toml::table& t, std::vector<std::string>& names, Loc& at);

// Pictures named in the content: each must be a plain file name in `dir` that decodes. Each file
// is decoded once; every mention of a bad file is reported where it is written.
class AssetChecks {
  public:
    explicit AssetChecks(std::string dir) : dir_(std::move(dir)) {}
    void check(TomlReader& r, const toml::node& at, const std::string& file);

  private:
    std::string dir_;
    std::map<std::string, bool> decoded_;  // file -> decodes
};

// Once every file is read: links to screens that do not exist, result forms that do not exist,
// the home screen (named in `kiosk_toml`), screens nobody links to, then the guide's structure.
void check_across_files(const Content& c, const std::string& kiosk_toml, Problems& out);

}  // namespace ww
