#!/usr/bin/env bash
# Night hours in the real window under Xvfb, which has no DPMS: between visitors the kiosk wants
# the screen dark, finds no DPMS, says so once and keeps the dimmed attract loop; a touch still
# starts a session, and a second night-time reset does not log it again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"
trap 'kill "$KIOSK" 2>/dev/null || true; rm -rf "$OUT"' EXIT
# Night all day (but the last minute), so the test does not depend on the clock.
"$BIN" --windowed --size 1280x800 --log-items --set night.enabled=true --set night.start=00:00 \
  --set night.end=23:59 --set session.idle_timeout=2 --set session.warning_seconds=1 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
# `attract` is logged before its first frame is drawn: wait for a frame shown after it.
wait_drawn "event=attract" 15
wait_log "event=screen_power status=unavailable fallback=dim" 5
shot night
# The dimmed attract loop, not a black screen (dim, so a lower bar than lib.sh's not_blank).
sd=$(convert "$OUT/night.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$sd" 'BEGIN { exit !(s > 0.004) }' || { echo "night screen is flat (sd=$sd)"; exit 1; }
mark
xdotool mousemove --window "$WIN" 640 400 click 1
wait_new "event=session_start" 5
# The second attract loop on the screen: the kiosk has turned the screen dark again by then.
wait_drawn "event=attract" 15
[ "$(grep -c 'event=screen_power status=unavailable' "$LOG")" = 1 ] || {
  echo "the missing DPMS was logged more than once"; cat "$LOG"; exit 1; }
echo "e2e night: ok (no DPMS here: dimmed attract loop, logged once)"
