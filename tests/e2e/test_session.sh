#!/usr/bin/env bash
# The appliance's session script (src/deploy/session/session) as systemd runs it, with a display server
# this machine can start: Xorg with the dummy driver when root (as CI is), else Xvfb. It must
# start the server and the kiosk as its only client with a private cookie, the kiosk fullscreen
# with no arguments; become the kiosk (the unit's main process, whose READY=1 and WATCHDOG=1
# systemd hears); and end as soon as either the kiosk or the server dies, taking the other with
# it, so systemd's Restart=always starts both again.
# Usage: test_session.sh KIOSK_BINARY [SESSION_SCRIPT]   (the package test passes the installed ones)
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
SESSION=$(realpath "${2:-src/deploy/session/session}")
# shellcheck source=lib.sh
. tests/e2e/lib.sh

OUT=$(mktemp -d)
LOG=$OUT/session.log
NOTES=$OUT/notify.log
SESSION_PID=
NOTIFY_LISTENER=
cleanup() {
  [ -n "$SESSION_PID" ] && kill "$SESSION_PID" 2>/dev/null || true
  [ -n "$NOTIFY_LISTENER" ] && kill "$NOTIFY_LISTENER" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $OUT" || rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- notifications:"; cat "$NOTES" 2>/dev/null; echo "--- session log:"; grep -v '^\s*$' "$LOG" | tail -25; exit 1; }

DPY=:$(free_display)
if [ "$(id -u)" = 0 ] && [ -x /usr/lib/xorg/Xorg ] && [ -e /usr/lib/xorg/modules/drivers/dummy_drv.so ]; then
  SERVER=/usr/lib/xorg/Xorg
  cat >"$OUT/xorg.conf" <<'EOF'
Section "ServerFlags"
  Option "AutoAddDevices" "false"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 64000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Modes "1920x1080"
  EndSubSection
EndSection
EOF
  # The script's own options without the VT ones (no console here), plus the dummy config.
  ARGS="-config $OUT/xorg.conf -logfile $OUT/xorg.log -novtswitch -nolisten tcp -nocursor -s 0"
  SIZE=1920x1080
else
  echo "test_session: not root or no Xorg dummy driver: Xvfb stands in for Xorg"
  SERVER=$(command -v Xvfb)
  ARGS="-screen 0 1280x800x24 -nolisten tcp -nocursor -s 0"
  SIZE=1280x800
fi

mkdir -p "$OUT/run"
notify_listen "$OUT" || fail "no notify socket"

# start_session: the script as the unit runs it. systemd gives WATCHDOG_PID to the unit's main
# process, the script, which must become the kiosk: sh sets it to its own pid and execs it.
start_session() {
  : >"$NOTES"
  RUNTIME_DIRECTORY=$OUT/run NOTIFY_SOCKET=$OUT/notify.sock WATCHDOG_USEC=2000000 \
    WEGWIJZER_BIN=$BIN WEGWIJZER_DISPLAY=$DPY WEGWIJZER_X_SERVER=$SERVER WEGWIJZER_X_ARGS=$ARGS \
    sh -c 'WATCHDOG_PID=$$ exec "$0"' "$SESSION" >>"$LOG" 2>&1 &
  SESSION_PID=$!
  for _ in $(seq 1 300); do grep -q "READY=1" "$NOTES" && break; sleep 0.1; done
  grep -q "READY=1" "$NOTES" || fail "no READY=1 from the kiosk within 30 s"
  grep -q "event=first_frame" "$LOG" || fail "READY=1 before the first frame"
  KIOSK_PID=$(pgrep -f -x "$BIN" | head -1)
  SERVER_PID=$(pgrep -f "^$SERVER $DPY " | head -1)
  [ -n "$KIOSK_PID" ] && [ -n "$SERVER_PID" ] || fail "kiosk ($KIOSK_PID) or server ($SERVER_PID) not running"
  [ "$KIOSK_PID" = "$SESSION_PID" ] || fail "the kiosk ($KIOSK_PID) is not the session's process ($SESSION_PID)"
}

# session_ends WHAT: the session script, the server and the kiosk are all gone within 10 s.
session_ends() {
  for _ in $(seq 1 100); do kill -0 "$SESSION_PID" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$SESSION_PID" 2>/dev/null || fail "the session still runs 10 s after $1"
  wait "$SESSION_PID" 2>/dev/null || true
  SESSION_PID=
  for _ in $(seq 1 50); do
    kill -0 "$KIOSK_PID" 2>/dev/null || kill -0 "$SERVER_PID" 2>/dev/null || return 0
    sleep 0.1
  done
  fail "after $1 the kiosk or the server is left running"
}

start_session
XAUTH=$(ls "$OUT"/run/xauth.*)

# The kiosk with no arguments: the default profile, fullscreen, covering the whole screen.
grep -q "event=start screen=home" "$LOG" || fail "the kiosk did not start on home"
# READY=1 follows the first frame shown; the picture is polled for until it has content (bounded).
for _ in $(seq 1 50); do
  XAUTHORITY=$XAUTH import -display "$DPY" -window root "$OUT/screen.png"
  not_blank "$OUT/screen.png" >/dev/null && break
  sleep 0.2
done
[ "$(identify -format '%wx%h' "$OUT/screen.png")" = "$SIZE" ] || fail "screen is not $SIZE"
not_blank "$OUT/screen.png" || fail "nothing drawn"
black=$(convert "$OUT/screen.png" -fill white +opaque black -fill black -opaque black -format '%[fx:1-mean]' info:)
awk -v b="$black" 'BEGIN { exit !(b < 0.01) }' || fail "$black of the screen is black root window"

# Only this session may connect: with the cookie yes, without it no.
XAUTHORITY=$XAUTH xdpyinfo -display "$DPY" >/dev/null || fail "the cookie does not open the display"
if XAUTHORITY=/dev/null xdpyinfo -display "$DPY" >/dev/null 2>&1; then fail "the display is open to anyone"; fi
# No screen saver, no pointer, no network clients.
XAUTHORITY=$XAUTH xset -display "$DPY" q | grep -qE "timeout: +0 " || fail "the screen saver is on"
args=$(ps -o args= -p "$SERVER_PID")
for a in -nocursor "-nolisten tcp" "-auth $XAUTH"; do
  [[ "$args" == *"$a"* ]] || fail "the server runs without $a: $args"
done

# The watchdog reaches the kiosk through the script: at least one ping a second.
idle=$(monotonic)
sleep 3
gap=$(max_gap "$NOTES" WATCHDOG=1 "$idle" "$(monotonic)")
pings=$(notes_since "$NOTES" WATCHDOG=1 "$idle")
awk -v g="$gap" 'BEGIN { exit !(g <= 1.15) }' || fail "$gap s without a watchdog ping (want <= 1.15)"

# kill -9 of the kiosk ends the session (systemd then starts it again).
kill -9 "$KIOSK_PID"
session_ends "kill -9 of the kiosk"

# A server that dies takes the kiosk with it, and ends the session too.
start_session
kill "$SERVER_PID"
session_ends "the server's end"
echo "e2e session: ok ($SERVER, $SIZE, $pings pings in 3 s (longest gap $gap s), ends on kill -9 and on the server's end)"
