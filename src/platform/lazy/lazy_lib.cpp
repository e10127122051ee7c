#include "platform/lazy/lazy_lib.h"

#include <dlfcn.h>

namespace ww {

LazyLib::LazyLib(const char* soname) : soname_(soname) {
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) error_ = soname_ + " cannot be opened (is its package installed?)";
}

void* LazyLib::find(const char* symbol) {
    if (!handle_) return nullptr;
    void* p = dlsym(handle_, symbol);
    if (!p && error_.empty()) error_ = soname_ + " has no " + symbol;
    return p;
}

}  // namespace ww
