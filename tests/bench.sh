#!/usr/bin/env bash
# What a visitor feels: the kiosk next to a bare GLFW window (the floor) and chromium --kiosk on a
# static page, under its own Xvfb 1920x1080 (tests/bench/bench.py does the measuring). Prints a
# table, the targets and `name=value unit` lines; writes `name=value` lines to BUILD_DIR/bench.txt.
# Usage: tests/bench.sh BUILD_DIR [IDLE_SECONDS]   (make bench; BUILD_DIR must be built)
#   BUILD_DIR/wegwijzer      the kiosk (logs event=first_frame after its first swap)
#   BUILD_DIR/bare_window    tests/bench/bare_window.c
#   BUILD_DIR/frame_bench    tests/bench/frame_bench.cpp: per-screen frame CPU, headless
# Env: BENCH_RUNS (first-frame runs, default 5), BENCH_STEADY_RUNS (the slow phases, default 3).
set -euo pipefail
build=${1:-build}
idle_seconds=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=$(cd "$build" && pwd)

# The comparison is the point of the bench: no chromium, no bench (make bench installs it).
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
  echo "bench: chromium is not installed (make bench installs it; or: apt-get install chromium)" >&2
  exit 1
fi

if [ -z "${WW_BENCH_UNDER_XVFB:-}" ]; then
  for b in wegwijzer bare_window frame_bench; do
    [ -x "$build/$b" ] || { echo "bench: $build/$b is missing (cmake --build $build)" >&2; exit 1; }
  done
  WW_BENCH_UNDER_XVFB=1 exec tests/with-xvfb.sh --size 1920x1080 "$0" "$build" "$idle_seconds"
fi

echo "bench: DISPLAY=$DISPLAY (Xvfb 1920x1080), $(nproc) cores, $(uname -r), $("$chrome" --version 2>/dev/null)"
exec python3 tests/bench/bench.py "$build" "$idle_seconds" "$chrome"
