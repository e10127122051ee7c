#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang and runs each for SECONDS, all at once.
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
targets="fuzz_layouts fuzz_config fuzz_minisign fuzz_trusted_comment fuzz_unpack"
# shellcheck disable=SC2086
cmake --build "$build" -j "$(nproc)" --target $targets

# Seeds from the shipped files, made fresh each run (never committed). fuzz_layouts: the first
# byte picks which file the input replaces (see tests/fuzz/fuzz_layouts.cpp).
seeds=$build/fuzz-seeds
rm -rf "$seeds"
for t in $targets; do mkdir -p "$seeds/$t"; done
mkdir -p "$build/fuzz-crashes"
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
# fuzz_minisign: the signature, a NUL, the signed file.
for f in tests/core/data/minisign/*.minisig; do
  { cat "$f"; printf '\000'; cat tests/core/data/minisign/bundle.bin; } >"$seeds/fuzz_minisign/$(basename "$f")"
done
# fuzz_trusted_comment: comments as make-bundle writes them, and a channel state.
printf 'version=7 expires=2027-06-30' >"$seeds/fuzz_trusted_comment/plain"
printf 'signed=2026-12-01 version=12 channel=hal expires=2028-02-29' >"$seeds/fuzz_trusted_comment/others"
printf '# shipped\nfloor 73A8F34F027FC8BF 12\nfresh 73A8F34F027FC8BF 12 2027-06-30\n' \
  >"$seeds/fuzz_trusted_comment/channel"
# fuzz_unpack: small bundles as make-bundle packs them (a few shipped files).
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf - \
  layouts/kiosk.toml | gzip -n -9 >"$seeds/fuzz_unpack/kiosk.tar.gz"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -cf - \
  layouts/screens/home.toml assets/icon-home.png | gzip -n -9 >"$seeds/fuzz_unpack/two.tar.gz"

pids=()
for t in $targets; do
  corpus=$build/fuzz-corpus/$t
  mkdir -p "$corpus"
  case $t in
    fuzz_layouts | fuzz_config) dict=(-dict=tests/fuzz/toml.dict) ;;
    fuzz_trusted_comment) dict=(-dict=tests/fuzz/comment.dict) ;;
    *) dict=() ;;
  esac
  echo "fuzz: $t for ${secs}s (log: $build/$t.log)"
  "$build/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    "${dict[@]}" \
    -artifact_prefix="$build/fuzz-crashes/$t-" "$corpus" "$seeds/$t" >"$build/$t.log" 2>&1 &
  pids+=($!)
done
status=0
i=0
for t in $targets; do
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
