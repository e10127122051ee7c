# Helpers for the real-window tests: start the kiosk, wait for log lines, tap items by id.
# A test waits for what is on the screen, never for a line the kiosk logs before it draws (start,
# navigate, idle_warning, attract ...) and never with a fixed sleep. Two lines come after a frame
# is shown (the buffer swap): `event=first_frame`, and with --log-items, once a place has settled,
# `event=items place=P id=x,y ...`. Without --log-items: a bounded poll of screenshots.

# real_window_test [--wm] WxH SCRIPT KIOSK_BINARY: the start of a test in a real window. Run by
# ctest, it runs SCRIPT again under an Xvfb of its own (tests/with-xvfb.sh; --wm: with openbox);
# under it, it sets BIN (the kiosk, absolute), OUT (a temp folder the test removes), LOG
# ($OUT/kiosk.log) and KIOSK (empty: no kiosk yet), in the repository's root folder.
real_window_test() {
  local wm=
  if [ "$1" = --wm ]; then wm=--wm; shift; fi
  BIN=$(realpath "$3")
  cd "$(dirname "$2")/../.."
  if [ -z "${INNER:-}" ]; then exec env INNER=1 tests/with-xvfb.sh $wm --size "$1" "$2" "$BIN"; fi
  OUT=$(mktemp -d)
  LOG=$OUT/kiosk.log
  KIOSK=
}

# wait_log PATTERN [SECONDS]: waits until the kiosk log matches PATTERN (grep -E).
wait_log() {
  local pattern=$1 limit=${2:-20}
  for _ in $(seq 1 $((limit * 10))); do
    grep -qE "$pattern" "$LOG" && return 0
    kill -0 "$KIOSK" 2>/dev/null || { echo "kiosk exited while waiting for: $pattern"; cat "$LOG"; return 1; }
    sleep 0.1
  done
  echo "timeout waiting for: $pattern"; tail -20 "$LOG"; return 1
}

# wait_count PATTERN N [SECONDS]: waits until PATTERN has matched N lines of the log.
wait_count() {
  local limit=${3:-20}
  for _ in $(seq 1 $((limit * 10))); do
    [ "$(grep -cE "$1" "$LOG")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "timeout waiting for $2 x: $1"; tail -20 "$LOG"; return 1
}

# mark: from here on, wait_new, wait_place, wait_drawn and wait_shown look at new lines only.
mark() { MARK=0; [ ! -e "$LOG" ] || MARK=$(wc -l <"$LOG"); }
MARK=0

# wait_shown [SECONDS]: the kiosk's first frame (after the mark) is on the screen.
wait_shown() { wait_new "event=first_frame" "${1:-30}"; }

# wait_new PATTERN [SECONDS]: a log line after the mark matches PATTERN (grep -E).
wait_new() {
  local limit=${2:-20}
  for _ in $(seq 1 $((limit * 10))); do
    tail -n +$((MARK + 1)) "$LOG" | grep -qE "$1" && return 0
    kill -0 "$KIOSK" 2>/dev/null || { echo "kiosk exited while waiting for: $1"; tail -20 "$LOG"; return 1; }
    sleep 0.1
  done
  echo "timeout waiting for a new: $1"; tail -20 "$LOG"; return 1
}

# wait_place PLACE [SECONDS]: PLACE has settled after the mark, and that frame is on the screen
# (needs --log-items). After an event that changes the screen, every place settles again.
wait_place() { wait_new "event=items place=$1 " "${2:-20}"; }

# wait_drawn PATTERN [SECONDS]: a line after the mark matches PATTERN, and a frame settled after
# it is on the screen (needs --log-items): for events logged before their frame is drawn.
wait_drawn() {
  local limit=${2:-20}
  wait_new "$1" "$limit" || return 1
  for _ in $(seq 1 $((limit * 10))); do
    tail -n +$((MARK + 1)) "$LOG" | awk -v p="$1" '$0 ~ p { seen = 1; next } seen && /event=items / { found = 1 } END { exit !found }' && return 0
    sleep 0.1
  done
  echo "timeout waiting for a frame shown after: $1"; tail -20 "$LOG"; return 1
}

# item_xy PLACE ID: "x y" of item ID on the last settled frame, when that frame is PLACE's.
item_xy() {
  { grep "event=items " "$LOG" | tail -1 | grep "event=items place=$1 " | tr ' ' '\n' | grep "^$2=" || true; } |
    head -1 | cut -d= -f2 | tr ',' ' '
}

# tap PLACE ID: clicks item ID once the screen shows PLACE, settled, with that item (the last
# `event=items` line is PLACE's and has ID).
tap() {
  local xy=
  for _ in $(seq 1 200); do
    xy=$(item_xy "$1" "$2")
    [ -n "$xy" ] && break
    kill -0 "$KIOSK" 2>/dev/null || { echo "kiosk exited while waiting to tap $2 on $1"; return 1; }
    sleep 0.1
  done
  [ -n "$xy" ] || { echo "no item $2 on $1 after 20 s; last: $(grep "event=items " "$LOG" | tail -1)"; return 1; }
  # shellcheck disable=SC2086
  xdotool mousemove --window "$WIN" $xy click 1
}

# shot NAME: a screenshot of the whole screen in $OUT/NAME.png.
shot() { import -window root "$OUT/$1.png"; }

# shot_until NAME SECONDS CHECK...: screenshots into $OUT/NAME.png until `CHECK... PNG` succeeds,
# at most for SECONDS (for the screen without --log-items, or a scroll that logs nothing).
shot_until() {
  local name=$1 limit=$2
  shift 2
  for _ in $(seq 1 $((limit * 5))); do
    shot "$name"
    "$@" "$OUT/$name.png" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  "$@" "$OUT/$name.png"
}

# not_blank PNG: the picture has real content (not one flat colour).
not_blank() {
  local sd
  sd=$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || { echo "$1 looks blank (sd=$sd)"; return 1; }
}

# free_display: prints a display number no X server uses now. Not atomic: for a server that
# must be told its display (xinit); tests/with-xvfb.sh lets Xvfb pick (-displayfd), from 0 up,
# so the random start here keeps the two apart.
free_display() {
  local n start=$((300 + RANDOM % 300))
  for n in $(seq "$start" $((start + 200))); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo "$n"; return 0; }
  done
  return 1
}

# notify_listen DIR: a datagram socket DIR/notify.sock standing in for systemd's NOTIFY_SOCKET.
# Each message lands in DIR/notify.log as "<monotonic seconds> <message>"; stops by itself after
# 90 s. Sets NOTIFY_LISTENER to its pid.
notify_listen() {
  /usr/bin/python3 - "$1/notify.sock" "$1/notify.log" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(1.0)
end = time.monotonic() + 90
with open(sys.argv[2], "a", buffering=1) as out:
    while time.monotonic() < end:
        try:
            data = s.recv(4096).decode()
        except socket.timeout:
            continue
        for line in data.splitlines():
            out.write(f"{time.monotonic():.3f} {line}\n")
PY
  NOTIFY_LISTENER=$!
  for _ in $(seq 1 50); do [ -S "$1/notify.sock" ] && return 0; sleep 0.05; done
  echo "no notify socket"; return 1
}

# monotonic: now on the clock notify_listen writes.
monotonic() { /usr/bin/python3 -c 'import time; print(f"{time.monotonic():.3f}")'; }

# notes_since FILE MESSAGE T: how many MESSAGE lines FILE has after monotonic time T.
notes_since() {
  awk -v t="$3" -v m="$2" '$2 == m && $1 > t { n++ } END { print n + 0 }' "$1"
}

# max_gap FILE MESSAGE T0 T1: the longest time without MESSAGE between monotonic times T0 and T1
# (the watchdog's "at least one ping a second" is max_gap <= 1 s plus a frame's slack).
max_gap() {
  awk -v m="$2" -v t0="$3" -v t1="$4" '
    $2 == m && $1 > t0 && $1 <= t1 { if ($1 - last > gap) gap = $1 - last; last = $1 }
    BEGIN { last = t0; gap = 0 }
    END { if (t1 - last > gap) gap = t1 - last; printf "%.3f\n", gap }' "$1"
}
