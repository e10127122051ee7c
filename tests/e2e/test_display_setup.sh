#!/usr/bin/env bash
# A screen mounted in portrait: display.rotation and touch.device turn the screen (xrandr) and
# the touchscreen (xinput) at start, in kiosk mode (fullscreen) under X11, before the window
# opens. Xvfb cannot turn its screen and has no touchscreen, so:
#   a. fake xrandr and xinput first in PATH record their argv: exactly the expected commands,
#      each logged status=ok, both before the window exists;
#   b. the real xrandr fails under Xvfb (BadMatch), the real xinput finds no "Test Touch": both
#      logged status=failed exit=1, and the kiosk runs and draws all the same;
#   c. neither tool in PATH: status=missing, the kiosk runs;
#   d. --windowed, or no DISPLAY: nothing is run (status=skipped);
#   e. an xrandr that hangs is killed after 5 s, with what it started: status=timeout;
#   f. --check takes the keys, and names a wrong rotation as file:line:col.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"
LOG=$OUT/none.log
stop_kiosk() {
  if [ -n "$KIOSK" ]; then kill "$KIOSK" 2>/dev/null || true; wait "$KIOSK" 2>/dev/null || true; fi
  KIOSK=
}
cleanup() {
  stop_kiosk
  # The hanging fake's child (f), should the kiosk have failed to end it.
  if [ -s "$OUT/hang.pid" ]; then kill "$(cat "$OUT/hang.pid")" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- kiosk log ($LOG):"; cat "$LOG" 2>/dev/null || true; exit 1; }

# The profile: the shipped default, turned left, with a touchscreen named "Test Touch".
PROFILE=$OUT/portrait.toml
cp kiosk-config/default.toml "$PROFILE"
printf '\n[display]\nrotation = "left"\n\n[touch]\ndevice = "Test Touch"\n' >>"$PROFILE"

# Fake tools: each appends "name [arg] [arg] ..." to $OUT/argv, and whether a kiosk window
# exists yet to $OUT/windows.
XDOTOOL=$(command -v xdotool)
mkdir "$OUT/fake" "$OUT/empty"
for tool in xrandr xinput; do
  cat >"$OUT/fake/$tool" <<EOF
#!/bin/sh
{ printf '%s' $tool; printf ' [%s]' "\$@"; echo; } >>"$OUT/argv"
echo "$tool windows=\$("$XDOTOOL" search --name '^wegwijzer\$' 2>/dev/null | wc -l)" >>"$OUT/windows"
EOF
  chmod +x "$OUT/fake/$tool"
done

# start_kiosk NAME PATH ARGS...: the kiosk with that PATH, logging to $OUT/NAME.log, up to its
# first frame.
start_kiosk() {
  local name=$1 path=$2
  shift 2
  LOG=$OUT/$name.log
  rm -f "$OUT/argv" "$OUT/windows"
  env PATH="$path" "$BIN" --config "$PROFILE" "$@" 2>"$LOG" &
  KIOSK=$!
  wait_shown 30 || fail "$name: no first frame"
}

# a. Fake tools: the exact commands, in order, before the window.
start_kiosk fake "$OUT/fake:$PATH"
expected='xrandr [--orientation] [left]
xinput [set-prop] [Test Touch] [Coordinate Transformation Matrix] [0] [-1] [1] [1] [0] [0] [0] [0] [1]'
[ "$(cat "$OUT/argv")" = "$expected" ] || fail "a: recorded argv:
$(cat "$OUT/argv")
expected:
$expected"
grep -qxF 'wegwijzer: event=display_setup command="xrandr --orientation left" status=ok' "$LOG" ||
  fail "a: no status=ok line for xrandr"
grep -qxF "wegwijzer: event=display_setup command=\"xinput set-prop 'Test Touch' 'Coordinate Transformation Matrix' 0 -1 1 1 0 0 0 0 1\" status=ok" "$LOG" ||
  fail "a: no status=ok line for xinput"
[ "$(cat "$OUT/windows")" = $'xrandr windows=0\nxinput windows=0' ] ||
  fail "a: the window existed while the set-up ran: $(cat "$OUT/windows")"
setup_line=$(grep -n 'event=display_setup' "$LOG" | tail -1 | cut -d: -f1)
start_line=$(grep -n 'event=start ' "$LOG" | head -1 | cut -d: -f1)
[ "$setup_line" -lt "$start_line" ] || fail "a: display set-up logged after the kiosk started"
stop_kiosk
echo "a. fake tools: argv exact, status=ok, before the window"

# b. The real tools under Xvfb: both fail, the kiosk runs and draws.
start_kiosk real "$PATH"
grep -qxF 'wegwijzer: event=display_setup command="xrandr --orientation left" status=failed exit=1' "$LOG" ||
  fail "b: no status=failed exit=1 for the real xrandr"
grep -qE "event=display_setup command=\"xinput set-prop 'Test Touch' .* status=failed exit=1$" "$LOG" ||
  fail "b: no status=failed exit=1 for the real xinput"
# The first frame is shown; the picture is polled for until it has content (bounded).
shot_until real 10 not_blank || fail "b: the kiosk drew nothing"
kill -0 "$KIOSK" 2>/dev/null || fail "b: the kiosk did not keep running"
stop_kiosk
echo "b. real xrandr/xinput under Xvfb: status=failed, kiosk runs and draws"

# c. Neither tool installed.
start_kiosk missing "$OUT/empty"
[ "$(grep -c 'event=display_setup command=.* status=missing$' "$LOG")" = 2 ] ||
  fail "c: expected two status=missing lines"
kill -0 "$KIOSK" 2>/dev/null || fail "c: the kiosk did not keep running"
stop_kiosk
echo "c. tools missing: status=missing, kiosk runs"

# d. Windowed, or without DISPLAY: nothing runs.
start_kiosk windowed "$OUT/fake:$PATH" --windowed --size 1280x800
grep -qxF 'wegwijzer: event=display_setup status=skipped reason=windowed' "$LOG" ||
  fail "d: no status=skipped reason=windowed"
[ ! -e "$OUT/argv" ] || fail "d: --windowed ran: $(cat "$OUT/argv")"
grep -q 'command=' "$LOG" && fail "d: --windowed logged a command"
stop_kiosk
LOG=$OUT/nodisplay.log
rc=0
env -u DISPLAY PATH="$OUT/fake:$PATH" timeout 20 "$BIN" --config "$PROFILE" 2>"$LOG" || rc=$?
[ "$rc" = 1 ] || fail "d: without DISPLAY the kiosk exited with $rc, expected 1 (no window)"
grep -qxF 'wegwijzer: event=display_setup status=skipped reason=no_x11' "$LOG" ||
  fail "d: no status=skipped reason=no_x11"
[ ! -e "$OUT/argv" ] || fail "d: without DISPLAY it ran: $(cat "$OUT/argv")"
echo "d. --windowed and no DISPLAY: nothing run"

# e. A hanging xrandr (a wrapper script whose child hangs): killed with its child after 5 s.
mkdir "$OUT/hang"
cp "$OUT/fake/xinput" "$OUT/hang/"
printf '#!/bin/sh\nsleep 60 &\necho $! >"%s"\nwait\n' "$OUT/hang.pid" >"$OUT/hang/xrandr"
chmod +x "$OUT/hang/xrandr"
t0=$(date +%s.%N)
start_kiosk hang "$OUT/hang:$PATH"
seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
grep -qxF 'wegwijzer: event=display_setup command="xrandr --orientation left" status=timeout seconds=5' "$LOG" ||
  fail "e: no status=timeout for the hanging xrandr"
grep -q 'command="xinput .* status=ok$' "$LOG" || fail "e: xinput did not run after the time-out"
awk -v s="$seconds" 'BEGIN { exit !(s >= 5 && s < 15) }' || fail "e: first frame after ${seconds} s"
hang=$(cat "$OUT/hang.pid")
state=$(awk '{ print $3 }' "/proc/$hang/stat" 2>/dev/null || true)
[ -z "$state" ] || [ "$state" = Z ] || fail "e: the hanging xrandr's child $hang is still running"
stop_kiosk
echo "e. hanging xrandr: status=timeout, first frame after ${seconds} s"

# f. --check: the portrait profile is fine; a wrong rotation is named by file:line:col.
LOG=$OUT/check.log
"$BIN" --check --config "$PROFILE" >"$LOG" || fail "f: --check refused the portrait profile"
BAD=$OUT/bad.toml
cp kiosk-config/default.toml "$BAD"
printf '\n[display]\nrotation = "portrait"\n' >>"$BAD"
line=$(grep -n '^rotation' "$BAD" | cut -d: -f1)
rc=0
"$BIN" --check --config "$BAD" >"$LOG" || rc=$?
[ "$rc" = 1 ] || fail "f: --check exited $rc on a wrong rotation"
grep -qxF "$BAD:$line:12: 'display.rotation' is 'portrait'; it must be one of normal, left, right, inverted" "$LOG" ||
  fail "f: no file:line:col problem for the wrong rotation"
echo "f. --check: portrait profile ok, a wrong rotation at $line:12"
echo "e2e display_setup: ok"
