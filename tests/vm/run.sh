#!/usr/bin/env bash
# The booted-machine test (make vm-test; make test runs its first checks): the package, installed
# on a fresh Debian machine under QEMU, booted, tapped and attacked. See vm_test.py for the checks.
# Usage: tests/vm/run.sh BUILD_DIR [DIST] [CHECKS]   (root: mmdebstrap and dpkg in the image)
#   DIST    bookworm (the .deb in BUILD_DIR) or trixie (the .deb in BUILD_DIR-trixie)
#   CHECKS  comma-separated check names, or "all" (default)
# Replay the power cuts' moments with VM_SEED=N.
set -euo pipefail
BUILD=${1:-build} DIST=${2:-bookworm} CHECKS=${3:-all}
cd "$(dirname "$0")/../.."
ALL=boot,tap,stable,restart,watchdog,lockdown,night,upgrade,power_cuts,crash_loop,purge
[ "$CHECKS" = all ] && CHECKS=$ALL
[ "$(id -u)" = 0 ] || { echo "vm-test: needs root (mmdebstrap, dpkg in the image)"; exit 1; }

case "$DIST" in
  bookworm) debdir=$BUILD ;;
  *) debdir=$BUILD-$DIST ;;
esac
DEB=$(ls "$debdir"/wegwijzer_*_amd64.deb 2>/dev/null | sort -V | tail -1 || true)
[ -n "$DEB" ] || { echo "vm-test: no package in $debdir (make package DIST=$DIST)"; exit 1; }
VM=$BUILD/vm RUN=$BUILD/vm/run-$DIST
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true' EXIT
start=$(date +%s)
tests/vm/reference.sh "$BUILD/wegwijzer" "$VM/ref"
CACHE=$VM tests/vm/image.sh "$DIST" "$DEB" "$RUN"
extra=()
if [[ ",$CHECKS," == *,upgrade,* || ",$CHECKS," == *,power_cuts,* ]]; then
  tests/vm/material.sh "$BUILD" "$DEB" "$VM/material" 10
  # The content server, on the host's loopback only; the guest reaches it as 10.0.2.2.
  rm -rf "$VM/www" && mkdir -p "$VM/www"
  /usr/bin/python3 tests/support/update_server.py "$VM/www" "$VM/www/port" 5400 &
  SERVER=$!
  for _ in $(seq 1 100); do [ -s "$VM/www/port" ] && break; sleep 0.05; done
  extra=(--upgrade-deb "$(ls "$VM"/material/upgrade/*.deb)" --www "$VM/www"
         --bundles "$VM/material/bundles" --pubkey "$VM/material/key.pub")
fi
[ -n "${VM_SEED:-}" ] && extra+=(--seed "$VM_SEED")
echo "vm: dist=$DIST"
echo "vm: image_s=$(($(date +%s) - start))"
start=$(date +%s)
status=0
tests/vm/vm_test.py --run "$RUN" --ref "$VM/ref/proof" --items "$VM/ref/home-items.txt" \
  --checks "$CHECKS" "${extra[@]}" || status=$?
echo "vm: checks_s=$(($(date +%s) - start))"
echo "vm: screendumps in $RUN/*.png"
[ "$status" = 0 ] && echo "vm-test: ok ($DIST: $CHECKS)" || echo "vm-test: FAILED ($DIST)"
exit "$status"
