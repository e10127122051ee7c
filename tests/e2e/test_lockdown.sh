#!/usr/bin/env bash
# Real window under Xvfb + openbox: the kiosk ignores Escape, F11 and Alt+F4; it warns, resets
# to the attract loop and wakes on a tap; the hidden corner gesture opens the staff PIN pad, a
# wrong PIN is refused (and logged), the right one (hashed here: no profile ships a PIN) opens
# the admin panel, and "Exit kiosk" ends the process with exit code 0. Everything is checked on
# the kiosk's own log, plus screenshots of the warning and the attract loop that must not be
# blank. Last, a lockout survives a restart of the kiosk.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test --wm 1280x800 "$0" "$1"

LOG=$OUT/kiosk-0.log
RUNS=0
cleanup() {
  if [ -n "$KIOSK" ] && kill -0 "$KIOSK" 2>/dev/null; then kill "$KIOSK" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"; echo "--- kiosk log:"; cat "$LOG"
  for f in "$OUT"/*.png; do [ -e "$f" ] && cp "$f" "/tmp/e2e-lockdown-$(basename "$f")" && echo "kept /tmp/e2e-lockdown-$(basename "$f")"; done
  exit 1
}

# wait_log PATTERN [SECONDS]: until the log matches (grep -E); fails when the kiosk died.
wait_log() {
  local pattern=$1 limit=${2:-15}
  for _ in $(seq 1 $((limit * 20))); do
    grep -qE "$pattern" "$LOG" && return 0
    kill -0 "$KIOSK" 2>/dev/null || fail "kiosk exited while waiting for: $pattern"
    sleep 0.05
  done
  fail "timeout waiting for: $pattern"
}
# not_blank PNG: more than one flat colour.
not_blank() {
  local sd
  sd=$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  awk -v s="$sd" 'BEGIN { exit !(s > 0.01) }' || fail "$1 looks blank (sd=$sd)"
}
# button EVENT KEY: "x y" of KEY in the last `event=EVENT k=x,y ...` line (admin_pad, admin_panel).
button() {
  grep "event=$1 " "$LOG" | tail -1 | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2 | tr ',' ' '
}
click_button() {
  local xy
  xy=$(button "$1" "$2")
  [ -n "$xy" ] || fail "no button $2 in event=$1"
  # shellcheck disable=SC2086
  xdotool mousemove $xy click 1
  sleep 0.1
}

# No profile ships a PIN: this test makes its own, and keeps the PIN guard in its own state.dir.
PIN=13579024
HASH=$(printf '%s\n' "$PIN" | "$BIN" --hash-pin) || fail "--hash-pin failed"
# start_kiosk ARGS...: a kiosk with that PIN, logging to a new $LOG.
start_kiosk() {
  RUNS=$((RUNS + 1))
  LOG=$OUT/kiosk-$RUNS.log
  "$BIN" --config kiosk-config/default.toml --log-items --set "admin.pin_hash=$HASH" \
    --set "state.dir=$OUT/state" "$@" 2>"$LOG" &
  KIOSK=$!
  WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1) || fail "no kiosk window"
  MARK=0
  wait_shown
  # Taps go to screen corners: wait until the window manager has made the window fullscreen
  # and home has settled on it.
  for _ in $(seq 1 100); do
    xdotool getwindowgeometry "$WIN" | tr -d '\n' | grep -q 'Position: 0,0 .*Geometry: 1280x800' && break
    sleep 0.1
  done
  wait_place screen:home || fail "home not on the screen"
}
# gesture: 5 taps in the top-left corner within 3 s.
gesture() { xdotool mousemove 15 15 click --repeat 5 --delay 120 1; }

# The warning lasts long enough to be drawn and photographed on a busy machine.
start_kiosk --set session.idle_timeout=4 --set session.warning_seconds=8

# 1. Lockdown: keys and a real close request (Alt+F4 through the window manager) are ignored.
xdotool windowactivate --sync "$WIN" || true
xdotool key Escape F11
xdotool windowactivate --sync "$WIN" || true
xdotool key alt+F4
wait_log "event=close_ignored" 5
wait_log "event=key_ignored key=256" 5   # Escape
wait_log "event=key_ignored key=300" 5   # F11
# Digits typed before the PIN pad is open may be a PIN typed blind: logged, but not which digit.
xdotool key 7 3
wait_log "event=key_ignored key=digit" 5
grep -qE "event=key_ignored key=(5[0-9]|3[2-9]|4[0-9])$" "$LOG" && fail "a digit key code is in the log"
kill -0 "$KIOSK" 2>/dev/null || fail "the kiosk did not survive Escape/F11/Alt+F4"

# 2. Idle: warning, then reset to the attract loop; both screens have real content. Both lines
#    are logged before their screen is drawn: each picture waits for a frame shown after it.
mark
wait_drawn "event=idle_warning" 15 || fail "no warning on the screen"
shot warning
not_blank "$OUT/warning.png"
wait_drawn "event=attract" 20 || fail "no attract loop on the screen"
shot attract
not_blank "$OUT/attract.png"
cmp -s "$OUT/warning.png" "$OUT/attract.png" && fail "warning and attract screenshots are identical"

# 3. A tap wakes the kiosk.
mark
xdotool mousemove 640 400 click 1
wait_drawn "event=session_start" 5 || fail "the tap did not wake the kiosk"
shot before-pad

# 4. Hidden gesture: 5 taps in the top-left corner within 3 s open the PIN pad.
gesture
wait_log "event=admin_gesture" 5
wait_log "event=admin_pad " 5
# The pad's line is logged while its frame is drawn: poll until the screen has changed.
changed() {
  local d
  d=$(compare -metric AE -fuzz 2% "$OUT/before-pad.png" "$1" null: 2>&1 || true)
  awk -v d="${d%% *}" 'BEGIN { exit !(d + 0 > 1000) }'
}
shot_until pad 10 changed || fail "the PIN pad is not on the screen"
not_blank "$OUT/pad.png"

# 5. A wrong PIN, typed on the keyboard (the open pad takes digits), is refused and logged.
xdotool key 1 3 5 7 Return
wait_log "event=admin_pin_failed attempt=1" 5
grep -q "event=admin_open" "$LOG" && fail "a wrong PIN opened the panel"

# 6. The right PIN, tapped on the pad after the 1 s delay, opens the panel.
sleep 1.2
for k in $(echo "$PIN" | grep -o .) ok; do click_button admin_pad "$k"; done
wait_log "event=admin_open" 5
wait_log "event=admin_panel " 5
grep -q "$PIN" "$LOG" && fail "the PIN appears in the log"

# 7. "Exit kiosk" ends the process cleanly.
click_button admin_panel exit
for _ in $(seq 1 100); do kill -0 "$KIOSK" 2>/dev/null || break; sleep 0.05; done
kill -0 "$KIOSK" 2>/dev/null && fail "the kiosk did not exit after Exit kiosk"
rc=0
wait "$KIOSK" || rc=$?
KIOSK=
[ "$rc" = 0 ] || fail "exit code $rc"
grep -q "event=exit reason=admin" "$LOG" || fail "no event=exit reason=admin"

# 8. A restart does not hand out fresh guesses: with one try, a wrong PIN locks the pad; the
#    kiosk started again on the same state.dir is still locked and refuses the right PIN.
start_kiosk --set admin.max_attempts=1
gesture
wait_log "event=admin_pad " 5
xdotool key 2 4 6 8 1 3 Return
wait_log "event=admin_lockout" 5
kill "$KIOSK"
wait "$KIOSK" || true
start_kiosk --set admin.max_attempts=1
wait_log "event=admin_guard_restored failures=1 locked=1" 5
gesture
wait_log "event=admin_pad " 5
# shellcheck disable=SC2046
xdotool key $(echo "$PIN" | grep -o .) Return
wait_log "event=admin_pin_refused reason=locked" 5
grep -q "event=admin_open" "$LOG" && fail "the right PIN opened the panel during a lockout"
grep -q "$PIN" "$OUT"/kiosk-*.log && fail "the PIN appears in a log"
kill "$KIOSK"
wait "$KIOSK" || true
KIOSK=
if [ -n "${KEEP_SHOTS:-}" ]; then mkdir -p "$KEEP_SHOTS" && cp "$OUT"/*.png "$KEEP_SHOTS"/; fi
echo "e2e lockdown: ok"
