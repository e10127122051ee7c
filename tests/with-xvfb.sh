#!/usr/bin/env bash
# Runs a command under its own Xvfb on a free display number (so parallel tests never collide).
# Usage: tests/with-xvfb.sh [--size WxH] [--wm] command args...
set -euo pipefail
size=1920x1080
wm=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --wm) wm=1; shift ;;
    *) break ;;
  esac
done
# The server picks a free display itself and says which (-displayfd): no race with other tests.
dpyfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -dpi 96 3>"$dpyfile" >/dev/null 2>&1 &
xvfb=$!
wmpid=
cleanup() { [ -n "$wmpid" ] && kill "$wmpid" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do [ -s "$dpyfile" ] && break; sleep 0.05; done
n=$(head -1 "$dpyfile")
rm -f "$dpyfile"
[ -n "$n" ] || { echo "with-xvfb: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$n"
if [ "$wm" = 1 ]; then openbox >/dev/null 2>&1 & wmpid=$!; sleep 0.5; fi
"$@"
