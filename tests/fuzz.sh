#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang and runs each for SECONDS, both at once.
# Fails when a target finds a crash, hang (> 5 s per input) or leak; the input is left in
# BUILD_DIR/fuzz-crashes/. Reproduce: BUILD_DIR/fuzz_layouts FILE
# Usage: [WERROR=ON] tests/fuzz.sh BUILD_DIR SECONDS   (WERROR=ON: -Werror, as make test does)
set -euo pipefail
build=${1:-build-fuzz}
secs=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DWEGWIJZER_GUI=OFF -DWEGWIJZER_FUZZ=ON -DWEGWIJZER_WERROR="${WERROR:-OFF}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_layouts fuzz_config

# Seeds from the shipped files, made fresh each run (never committed). fuzz_layouts: the first
# byte picks which file the input replaces (see tests/fuzz/fuzz_layouts.cpp).
seeds=$build/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_layouts" "$seeds/fuzz_config" "$build/fuzz-crashes"
{ printf '\000'; cat layouts/kiosk.toml; } >"$seeds/fuzz_layouts/kiosk"
{ printf '\001'; cat layouts/guide.toml; } >"$seeds/fuzz_layouts/guide"
for f in layouts/screens/*.toml; do
  name=$(basename "$f" .toml)
  if [ "$name" = home ]; then sel='\002'; else sel='\003'; fi
  { printf "$sel"; cat "$f"; } >"$seeds/fuzz_layouts/screen-$name"
done
for f in kiosk-config/*.toml; do
  cp "$f" "$seeds/fuzz_config/$(basename "$f")"
  { cat "$f"; printf '\000session.idle_timeout=5\nwindow.fullscreen=false\nlanguages.offered=nl,en'; } \
    >"$seeds/fuzz_config/$(basename "$f" .toml)-set"
done
printf '\000accessibility.text_size=large\nnight.start=23:30\nfonts.regular=Noto Sans' \
  >"$seeds/fuzz_config/sets-only"

pids=()
for t in fuzz_layouts fuzz_config; do
  corpus=$build/fuzz-corpus/$t
  mkdir -p "$corpus"
  echo "fuzz: $t for ${secs}s (log: $build/$t.log)"
  "$build/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict=tests/fuzz/toml.dict \
    -artifact_prefix="$build/fuzz-crashes/$t-" "$corpus" "$seeds/$t" >"$build/$t.log" 2>&1 &
  pids+=($!)
done
status=0
i=0
for t in fuzz_layouts fuzz_config; do
  if wait "${pids[$i]}"; then
    echo "fuzz: $t ok: $(grep -E '^stat::number_of_executed_units' "$build/$t.log" | awk '{print $2}') runs," \
         "$(grep -cE '^#[0-9]+.*(NEW|REDUCE)' "$build/$t.log" || true) new/reduced inputs"
  else
    echo "fuzz: $t FAILED; the end of its log:" >&2
    tail -n 60 "$build/$t.log" >&2
    ls "$build/fuzz-crashes/" >&2
    status=1
  fi
  i=$((i + 1))
done
exit $status
