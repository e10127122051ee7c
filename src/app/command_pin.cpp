// --hash-pin: the PIN from a terminal (not echoed) or a pipe -> the value for admin.pin_hash.
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "core/admin/admin.h"
#include "platform/admin/pin_prompt.h"

namespace ww {

int hash_pin_command() {
    std::string pin, why;
    if (!read_new_pin(pin, why)) {
        fprintf(stderr, "wegwijzer --hash-pin: %s\n", why.c_str());
        return 1;
    }
    const std::string hash = hash_pin(pin);
    if (hash.empty()) {
        fprintf(stderr, "wegwijzer --hash-pin: hashing failed (out of memory?)\n");
        return 1;
    }
    printf("%s\n", hash.c_str());
    return 0;
}

}  // namespace ww
