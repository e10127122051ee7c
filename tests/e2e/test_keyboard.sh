#!/usr/bin/env bash
# Real window under Xvfb + openbox, keyboard only (EN 301 549 5.1.3, 5.1.6): the first key starts
# speech mode, Tab and Return walk through one full guide path to its result, + and - change the
# volume, and in kiosk mode Escape, F11 and Alt+F4 still do not leave the kiosk. Checked on the
# kiosk's log (event=speech_mode, focus, navigate, guide_result, volume, close_ignored).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test --wm 1280x800 "$0" "$1"
cleanup() {
  if [ -n "$KIOSK" ] && kill -0 "$KIOSK" 2>/dev/null; then kill "$KIOSK" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- kiosk log:"; cat "$LOG"; exit 1; }

"$BIN" --config kiosk-config/default.toml --set "state.dir=$OUT/state" --lang nl --log-visits \
  --log-items 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1) || fail "no kiosk window"
wait_place screen:home 30 || fail "home not shown"
xdotool windowactivate --sync "$WIN" || true

# key KEY...: presses keys in the kiosk window.
key() { xdotool key --delay 60 "$@"; }
# enter PLACE: Return on the focused item leads to PLACE, and its frame is on the screen (a Tab
# sent before that would walk the focus order of the place before).
enter() {
  mark
  key Return
  wait_place "$1" || fail "Return did not lead to $1"
}
# tab_to ID: Tab until the log says the item has the focus (at most 40 presses).
tab_to() {
  local n
  for _ in $(seq 1 40); do
    n=$(grep -c "event=focus " "$LOG" || true)
    key Tab
    wait_count "event=focus " $((n + 1)) 5 >/dev/null || fail "Tab moved no focus"
    [ "$(grep "event=focus " "$LOG" | tail -1 | sed 's/.*item=//')" = "$1" ] && return 0
  done
  fail "Tab never reached $1"
}

# 1. The first key starts speech mode (and only that: no focus yet).
key Tab
wait_log "event=speech_mode state=on" 5 || fail "no speech mode after Tab"
grep -q "event=focus " "$LOG" && fail "the first key moved the focus"

# 2. Tab and Return through a guide path to its result.
tab_to tile-guide
enter question:rol
wait_log "event=navigate question=rol" 5 || fail "Return on tile-guide"
tab_to answer-werknemer
enter question:uitkering
wait_log "event=navigate question=uitkering" 5 || fail "answer-werknemer"
tab_to answer-wajong
enter question:steun
wait_log "event=navigate question=steun" 5 || fail "answer-wajong"
tab_to answer-eigen
enter result:uwv-eigen
wait_log "event=guide_result result=uwv-eigen" 5 || fail "no guide result by keyboard"
# Backspace goes back; + and - change the volume (the profile's 80 first).
mark
key BackSpace
wait_place question:steun || fail "Backspace did not go back"
wait_count "event=navigate question=steun" 2 5 || fail "Backspace did not go back"
key plus
wait_log "event=volume level=90" 5 || fail "+ did not raise the volume"
key KP_Subtract
wait_log "event=volume level=80" 5 || fail "keypad - did not lower the volume"
# A numeric keypad with Num Lock off (as X starts): 2 (KP_Down) moves on, 7 (KP_Home) goes home.
n=$(grep -c "event=focus " "$LOG" || true)
key KP_Down
wait_count "event=focus " $((n + 1)) 5 || fail "keypad 2 moved no focus"
mark
key KP_Home
wait_place screen:home || fail "keypad 7 did not go home"
wait_count "event=navigate screen=home" 1 5 || fail "keypad 7 did not go home"

# 3. Lockdown still holds: Escape, F11 and Alt+F4 do not leave the kiosk.
key Escape F11
xdotool windowactivate --sync "$WIN" || true
xdotool key alt+F4
wait_log "event=close_ignored" 5 || fail "Alt+F4 not ignored"
wait_log "event=key_ignored key=256" 5 || fail "Escape not ignored"   # GLFW_KEY_ESCAPE
wait_log "event=key_ignored key=300" 5 || fail "F11 not ignored"      # GLFW_KEY_F11
sleep 0.5
kill -0 "$KIOSK" 2>/dev/null || fail "the kiosk did not survive Escape/F11/Alt+F4"
echo "e2e keyboard: ok ($(grep -c 'event=focus ' "$LOG") focus moves)"
