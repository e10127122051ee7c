#!/usr/bin/env bash
# systemd's watchdog without systemd: a datagram socket stands in for NOTIFY_SOCKET and the kiosk
# runs with WATCHDOG_USEC=2000000 under Xvfb. It must say READY=1 after its first frame, then
# WATCHDOG=1 at least once a second while it sits idle; stopped with SIGSTOP (a hung loop), the
# pings must stop.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"

NOTES=$OUT/notify.log
LISTENER=
cleanup() {
  [ -n "$KIOSK" ] && { kill -CONT "$KIOSK" 2>/dev/null; kill "$KIOSK" 2>/dev/null; } || true
  [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- notifications:"; cat "$NOTES"; echo "--- kiosk log:"; tail -20 "$LOG"; exit 1; }

notify_listen "$OUT" || fail "no notify socket"
LISTENER=$NOTIFY_LISTENER

NOTIFY_SOCKET=$OUT/notify.sock WATCHDOG_USEC=2000000 "$BIN" --windowed --size 1280x800 2>"$LOG" &
KIOSK=$!
for _ in $(seq 1 100); do grep -q "READY=1" "$NOTES" 2>/dev/null && break; sleep 0.1; done
grep -q "READY=1" "$NOTES" || fail "no READY=1"
grep -q "event=watchdog interval_ms=1000" "$LOG" || fail "the kiosk did not see WATCHDOG_USEC"

# Idle for 4 s: at least one ping a second (no gap longer than 1 s and a frame's slack).
idle=$(monotonic)
sleep 4
gap=$(max_gap "$NOTES" WATCHDOG=1 "$idle" "$(monotonic)")
pings=$(notes_since "$NOTES" WATCHDOG=1 "$idle")
awk -v g="$gap" 'BEGIN { exit !(g <= 1.15) }' || fail "$gap s without a ping while idle (want <= 1.15)"

# A hung loop: no pings while it is stopped.
kill -STOP "$KIOSK"
sleep 0.3
stopped=$(monotonic)
sleep 3
late=$(notes_since "$NOTES" WATCHDOG=1 "$stopped")
[ "$late" -eq 0 ] || fail "$late pings while the kiosk was stopped"
kill -CONT "$KIOSK"
sleep 1.5
resumed=$(notes_since "$NOTES" WATCHDOG=1 "$stopped")
[ "$resumed" -ge 1 ] || fail "no ping after the kiosk went on"
kill "$KIOSK"
wait "$KIOSK" || true
KIOSK=
echo "e2e watchdog: ok (READY=1, $pings pings in 4 s idle, longest gap $gap s, none while stopped)"
