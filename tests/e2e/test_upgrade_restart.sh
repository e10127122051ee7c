#!/usr/bin/env bash
# Real window under Xvfb: an upgrade never cuts a visitor off. The package's postinst sends the
# running kiosk SIGUSR2; the kiosk ends (exit code 0, `event=exit reason=upgrade`, and systemd
# starts the new version) at the first moment no visitor is there:
#  - with a visitor's session open, it keeps running until that session's idle reset;
#  - with nobody there (the attract loop), at once.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"
trap '[ -n "$KIOSK" ] && kill "$KIOSK" 2>/dev/null; rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*"; echo "--- log:"; grep -v 'event=items' "$LOG" | tail -20; exit 1; }
start() {
  : >"$LOG"
  "$BIN" --windowed --size 1280x800 --lang nl --log-items --log-visits --set "state.dir=\"$OUT/state\"" \
    --set session.idle_timeout=4 --set session.warning_seconds=2 2>"$LOG" &
  KIOSK=$!
  WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
  wait_shown || fail "no first frame"
}
# ended SECONDS: the kiosk ends by itself within SECONDS, with exit code 0; prints when (s).
ended() {
  local code=0
  for _ in $(seq 1 $(($1 * 10))); do kill -0 "$KIOSK" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$KIOSK" 2>/dev/null && fail "the kiosk still runs $1 s after it should have ended"
  wait "$KIOSK" || code=$?
  KIOSK=
  [ "$code" = 0 ] || fail "exit code $code"
  grep -q "event=exit reason=upgrade" "$LOG" || fail "no event=exit reason=upgrade"
}

# A visitor is there: the upgrade waits for the idle reset.
start
tap screen:home tile-vormen
wait_log "event=navigate screen=vormen" || fail "the tap did not navigate"
kill -USR2 "$KIOSK"
wait_log "event=upgrade restart=after_session" 10 || fail "the upgrade was not noted"
# Still the visitor's kiosk: a tap keeps working, so the session is not cut.
tap screen:vormen home
wait_log "event=navigate screen=home" || fail "the kiosk ended or stopped answering mid-session"
kill -0 "$KIOSK" 2>/dev/null || fail "the kiosk ended during the session"
wait_log "event=session_reset reason=idle" 30 || fail "no idle reset"
ended 10
# The reset came before the exit, never the other way round.
reset_line=$(grep -n "event=session_reset" "$LOG" | head -1 | cut -d: -f1)
exit_line=$(grep -n "event=exit" "$LOG" | head -1 | cut -d: -f1)
[ "$reset_line" -lt "$exit_line" ] || fail "the kiosk ended before the session's reset"

# Nobody there: the restart is at once (here: the attract loop after a reset).
start
wait_log "event=attract" 30 || fail "no attract loop"
kill -USR2 "$KIOSK"
ended 10
echo "e2e upgrade restart: ok (waits for the session's idle reset; at once when nobody is there)"
