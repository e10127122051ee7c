// The one declaration of every profile key: section, name, type, the KioskConfig member, range or
// choices, extra check and documentation. Parsing and `--check` (config.cpp), `--help-config`
// and the key list in kiosk-config/README.md (a test compares them) all come from this table, and
// a test fails when a declared key's member is never read by the kiosk.
//
// Recipe, a new profile key: add the member with its default to KioskConfig (config.h), one row
// to config_fields() (config_schema.cpp), read it where it acts, paste `wegwijzer --help-config`
// into kiosk-config/README.md.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/config/config.h"

namespace ww {

enum class Kind { Bool, Int, Double, String, StringList };

struct ConfigField {
    const char* section;  // "" = top level
    const char* key;      // name within the section
    Kind kind;
    const char* member_path;  // "touch.drag_threshold_mm": how code reads it from a KioskConfig
    std::function<void*(KioskConfig&)> member;
    double min = 0, max = 0;                // for numbers (min == max: no range)
    std::vector<std::string> choices = {};  // for strings with a fixed set of values
    const char* doc = "";
    // For strings: why a value is wrong, after the quoted key ("must be a time like 22:00");
    // empty = fine. Null = any text.
    std::string (*check)(const std::string&) = nullptr;

    std::string name() const;  // "touch.drag_threshold_mm"
};

const std::vector<ConfigField>& config_fields();

}  // namespace ww
