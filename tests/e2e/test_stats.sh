#!/usr/bin/env bash
# Real window under Xvfb: one visitor session (a tap into the guide, then walking away) ends with
# the idle reset, lands in <state.dir>/stats.sqlite, and `wegwijzer --stats` / `--stats-csv` of
# the same profile show it; a kiosk stopped by SIGTERM writes the session that was running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"
trap '[ -n "$KIOSK" ] && kill "$KIOSK" 2>/dev/null; rm -rf "$OUT"' EXIT
SETS=(--set "state.dir=\"$OUT/state\"" --set session.idle_timeout=3 --set session.warning_seconds=2)
fail() { echo "FAIL: $*"; echo "--- log:"; grep -v 'event=items' "$LOG" | tail -20; exit 1; }

"$BIN" --windowed --size 1280x800 --lang nl --log-items --log-visits "${SETS[@]}" 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
wait_log "event=stats status=ok"
tap screen:home tile-guide
wait_log "event=navigate question=rol"
tap question:rol answer-werknemer
wait_log "event=navigate question=uitkering"
# The visitor walks away: warning after 3 s, reset 2 s later.
wait_log "event=session_reset reason=idle" 30
# A second visitor, still there when the kiosk is stopped.
mark
xdotool mousemove --window "$WIN" 640 400 click 1
wait_new "event=session_start"
wait_place screen:home
tap screen:home tile-guide
wait_log "event=navigate question=rol" || true
kill -TERM "$KIOSK"
wait "$KIOSK" || true
KIOSK=
grep -q "event=exit reason=signal" "$LOG" || fail "no clean exit"
grep -q "event=stats status=unavailable" "$LOG" && fail "the store was unavailable"

report=$("$BIN" --stats --days 1 "${SETS[@]}")
echo "$report" | grep -qx "Sessions        2" || fail "--stats: not 2 sessions: $report"
# Two sessions: every figure but the day's sessions is under 5, so shown as <5.
echo "$report" | grep -qE "^ +<5  screen:home$" || fail "--stats: home not hidden as <5: $report"
echo "$report" | grep -qE "^ +<5  question:uitkering$" || fail "--stats: no uitkering: $report"
echo "$report" | grep -qE "^ +2  screen:home$" && fail "--stats: a figure under 5 shown: $report"
"$BIN" --stats-csv "$OUT/stats.csv" --days 1 "${SETS[@]}"
grep -qx "sessions_per_day,$(date +%F),2" "$OUT/stats.csv" || fail "--stats-csv: $(head -5 "$OUT/stats.csv")"
grep -qx "last_place,question:uitkering,<5" "$OUT/stats.csv" || fail "--stats-csv: no drop-off"
grep -qx "language,nl,<5" "$OUT/stats.csv" || fail "--stats-csv: no language"
# No row per session by default: the daily totals only.
rows=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM sessions").fetchone()[0])' "$OUT/state/stats.sqlite")
[ "$rows" = 0 ] || fail "$rows per-session rows kept by default"
echo "e2e stats: ok (2 sessions: idle reset and SIGTERM; --stats and --stats-csv, figures under 5 hidden, no rows)"
