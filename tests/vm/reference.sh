#!/usr/bin/env bash
# What the booted machine's screen must show, made by the same build on this machine: the
# kiosk's --proof PNGs at the VM's screen size, and one --log-items line of home (where each tile
# is, to tap it through the VM's absolute pointer).
# Usage: reference.sh KIOSK_BINARY OUTDIR [WxH]   (OUTDIR/proof/*.png, OUTDIR/home-items.txt)
set -euo pipefail
BIN=$(realpath "$1") OUT=$2 SIZE=${3:-1280x800}
cd "$(dirname "$0")/../.."
mkdir -p "$OUT"
# The installed kiosk runs the shipped default profile and content: so does the reference.
tests/with-xvfb.sh --size "$SIZE" "$BIN" --proof "$OUT/proof" --size "$SIZE" --lang nl \
  --config kiosk-config/default.toml >"$OUT/proof.log" 2>&1 ||
  { cat "$OUT/proof.log"; echo "reference: --proof failed"; exit 1; }
# A fullscreen kiosk, as the unit runs it, until it has logged home's items.
log=$OUT/items.log
tests/with-xvfb.sh --size "$SIZE" sh -c '
  "$1" --config kiosk-config/default.toml --log-items 2>"$2" & k=$!
  for _ in $(seq 1 300); do grep -q "event=items place=screen:home " "$2" && break; sleep 0.1; done
  kill $k; wait $k 2>/dev/null || true' - "$BIN" "$log"
grep -m1 "event=items place=screen:home " "$log" >"$OUT/home-items.txt" ||
  { cat "$log"; echo "reference: no items of home"; exit 1; }
