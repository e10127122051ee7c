# libFuzzer targets (clang only). tests/fuzz.sh configures a build dir with -DWEGWIJZER_FUZZ=ON,
# builds them and runs each for a while; `make fuzz` runs them for 10 minutes each.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WEGWIJZER_FUZZ needs clang: CC=clang CXX=clang++ (tests/fuzz.sh does this)")
endif()

# The core once more, instrumented for coverage and with ASan + UBSan (UB aborts: a finding).
set(WW_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                  -fno-omit-frame-pointer -g)
# Every core folder's sources (ww_library), linked with the packages the core libraries link.
get_property(WW_CORE_SOURCES GLOBAL PROPERTY WW_CORE_SOURCES)
set(WW_CORE_PACKAGES)
foreach(lib ${WW_CORE_LIBRARIES})
  get_target_property(deps ${lib} LINK_LIBRARIES)
  if(deps)
    list(FILTER deps EXCLUDE REGEX "^wegwijzer_")
    list(APPEND WW_CORE_PACKAGES ${deps})
  endif()
endforeach()
list(REMOVE_DUPLICATES WW_CORE_PACKAGES)
add_library(wegwijzer_core_fuzz STATIC ${WW_CORE_SOURCES})
target_include_directories(wegwijzer_core_fuzz PUBLIC src)
target_link_libraries(wegwijzer_core_fuzz PUBLIC ${WW_CORE_PACKAGES})
target_compile_options(wegwijzer_core_fuzz PRIVATE ${WW_FUZZ_FLAGS})
ww_warnings(wegwijzer_core_fuzz)

# The unpacker is in the platform layer: content_store.cpp, instrumented too; libarchive itself is
# opened at run time (platform/lazy/lazy_lib.h) and is not.
add_library(wegwijzer_store_fuzz STATIC ${CMAKE_SOURCE_DIR}/src/platform/update/content_store.cpp)
target_link_libraries(wegwijzer_store_fuzz PUBLIC wegwijzer_core_fuzz wegwijzer_platform_lazy)
target_compile_options(wegwijzer_store_fuzz PRIVATE ${WW_FUZZ_FLAGS})
ww_warnings(wegwijzer_store_fuzz)

foreach(target fuzz_layouts fuzz_config fuzz_minisign fuzz_trusted_comment fuzz_unpack)
  add_executable(${target} tests/fuzz/${target}.cpp)
  target_compile_options(${target} PRIVATE ${WW_FUZZ_FLAGS})
  target_link_libraries(${target} PRIVATE wegwijzer_core_fuzz)
  if(target STREQUAL fuzz_unpack)
    target_link_libraries(${target} PRIVATE wegwijzer_store_fuzz)
  endif()
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  ww_warnings(${target})
endforeach()
