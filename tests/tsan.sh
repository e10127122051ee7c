#!/usr/bin/env bash
# Runs a ThreadSanitizer-built doctest binary (make test: the thread suites of platform_tests) and
# fails on any TSan report, or when the filters select no test case at all.
# gcc 12's TSan runtime cannot map its shadow memory on kernels with more ASLR entropy
# (vm.mmap_rnd_bits > 28: "FATAL: ThreadSanitizer: unexpected memory mapping"), so the binary
# runs with ASLR off (setarch -R) where the kernel and any container seccomp policy allow that.
# Reports go to stdout: some tests capture stderr (tests/support/capture_stderr.h) while they run.
# Usage: tests/tsan.sh BINARY [doctest options...]
#   e.g. tests/tsan.sh build-tsan/platform_tests -ts=$(cat build-tsan/thread_suites)
set -euo pipefail
bin=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

norand=()
if setarch "$(uname -m)" -R true 2>/dev/null; then norand=(setarch "$(uname -m)" -R); fi
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:exitcode=66:log_path=stdout${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

# How many test cases the doctest filters select.
count_cases() {
  "${norand[@]}" "$bin" "$@" --count | sed -n 's/.*passing the current filters: \([0-9]*\).*/\1/p'
}

# doctest passes when its filters match nothing: make sure each suite of -ts=A,B,... matches a
# test case (a thread-owning library without tests fails here), and the whole selection too.
for arg in "$@"; do
  case $arg in -ts=*) suites=${arg#-ts=} ;; *) continue ;; esac
  for suite in ${suites//,/ }; do
    n=$(count_cases -ts="$suite")
    if [ -z "$n" ] || [ "$n" -eq 0 ]; then
      echo "tsan: test suite '$suite' of '$bin' has no test case" >&2
      exit 1
    fi
  done
done
count=$(count_cases "$@")
if [ -z "$count" ] || [ "$count" -eq 0 ]; then
  echo "tsan: '$bin $*' selects no test case" >&2
  exit 1
fi
echo "== $(basename "$bin") $* ($count test cases, ThreadSanitizer${norand:+, ASLR off})"
exec "${norand[@]}" "$bin" "$@"
