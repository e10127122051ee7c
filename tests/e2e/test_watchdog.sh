#!/usr/bin/env bash
# systemd's watchdog without systemd: a datagram socket stands in for NOTIFY_SOCKET and the kiosk
# runs with WATCHDOG_USEC=2000000 under Xvfb. It must say READY=1 after its first frame, then
# WATCHDOG=1 at least once a second while it sits idle; stopped with SIGSTOP (a hung loop), the
# pings must stop.
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
if [ -z "${INNER:-}" ]; then exec env INNER=1 tests/with-xvfb.sh --size 1280x800 "$0" "$BIN"; fi

OUT=$(mktemp -d)
LOG=$OUT/kiosk.log
NOTES=$OUT/notify.log
KIOSK=
LISTENER=
cleanup() {
  [ -n "$KIOSK" ] && { kill -CONT "$KIOSK" 2>/dev/null; kill "$KIOSK" 2>/dev/null; } || true
  [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- notifications:"; cat "$NOTES"; echo "--- kiosk log:"; tail -20 "$LOG"; exit 1; }

# Each datagram as "<monotonic seconds> <message>", one line per message. Stops by itself.
/usr/bin/python3 - "$OUT/notify.sock" "$NOTES" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(1.0)
end = time.monotonic() + 60
with open(sys.argv[2], "a", buffering=1) as out:
    while time.monotonic() < end:
        try:
            data = s.recv(4096).decode()
        except socket.timeout:
            continue
        for line in data.splitlines():
            out.write(f"{time.monotonic():.3f} {line}\n")
PY
LISTENER=$!
for _ in $(seq 1 50); do [ -S "$OUT/notify.sock" ] && break; sleep 0.05; done
[ -S "$OUT/notify.sock" ] || fail "no notify socket"

NOTIFY_SOCKET=$OUT/notify.sock WATCHDOG_USEC=2000000 "$BIN" --windowed --size 1280x800 2>"$LOG" &
KIOSK=$!
for _ in $(seq 1 100); do grep -q "READY=1" "$NOTES" 2>/dev/null && break; sleep 0.1; done
grep -q "READY=1" "$NOTES" || fail "no READY=1"
grep -q "event=watchdog interval_ms=1000" "$LOG" || fail "the kiosk did not see WATCHDOG_USEC"

# Idle for 4 s: at least one ping a second.
sleep 4.2
now=$(/usr/bin/python3 -c 'import time; print(f"{time.monotonic():.3f}")')
pings=$(awk -v t="$now" '$2 == "WATCHDOG=1" && $1 > t - 4 { n++ } END { print n + 0 }' "$NOTES")
[ "$pings" -ge 4 ] || fail "$pings pings in the last 4 s of idling (want >= 4)"

# A hung loop: no pings while it is stopped.
kill -STOP "$KIOSK"
sleep 0.3
stopped=$(/usr/bin/python3 -c 'import time; print(f"{time.monotonic():.3f}")')
sleep 3
late=$(awk -v t="$stopped" '$2 == "WATCHDOG=1" && $1 > t { n++ } END { print n + 0 }' "$NOTES")
[ "$late" -eq 0 ] || fail "$late pings while the kiosk was stopped"
kill -CONT "$KIOSK"
sleep 1.5
resumed=$(awk -v t="$stopped" '$2 == "WATCHDOG=1" && $1 > t { n++ } END { print n + 0 }' "$NOTES")
[ "$resumed" -ge 1 ] || fail "no ping after the kiosk went on"
kill "$KIOSK"
wait "$KIOSK" || true
KIOSK=
echo "e2e watchdog: ok (READY=1, $pings pings in 4 s idle, none while stopped)"
