#!/usr/bin/env bash
# Real window under Xvfb: with the default flags (no --log-visits, no --log-items) the log holds
# lifecycle events only. A first run with --log-items finds where to tap and what each place
# looks like; a second run with the default flags taps the same visit (language English, the
# whole guide path to a result) by coordinates, waits for each place to be on the screen, and
# then fails on any place, answer, result, language or accessibility word in its log.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1280x800 "$0" "$1"
trap 'kill "$KIOSK" 2>/dev/null || true; rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ARGS=(--windowed --size 1280x800 --lang nl --set "state.dir=\"$OUT/state\"")

# The visit: (place the tap is on, item id) in order; the place each tap leads to is the next
# one's place, the last tap's is the result.
STEPS=("screen:home language" "screen:home lang-en" "screen:home tile-guide"
  "question:rol answer-werknemer" "question:uitkering answer-wajong" "question:steun answer-eigen")
LAST=result:uwv-eigen

# shot NAME: a screenshot of the window.
shot() { import -window root "$OUT/$1.png"; }
# same A B: the two screenshots show the same picture (a few pixels may differ).
same() {
  local d
  d=$(compare -metric AE -fuzz 2% "$OUT/$1.png" "$OUT/$2.png" null: 2>&1 || true)
  [ "${d%% *}" -lt 200 ] 2>/dev/null
}

# Run 1 (--log-items): the coordinates of every tap, and each place's picture once it settled.
"$BIN" "${ARGS[@]}" --log-items 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
wait_shown
XY=()
i=0
for step in "${STEPS[@]}"; do
  read -r place id <<<"$step"
  n=$(grep -c "event=items place=$place " "$LOG" || true)
  wait_count "event=items place=$place " "$((n > 0 ? n : 1))" || fail "run 1: never on $place"
  xy=$(item_xy "$place" "$id")
  [ -n "$xy" ] || fail "run 1: no item $id on $place"
  XY+=("$xy")
  i=$((i + 1))
  next=$LAST
  [ "$i" -lt "${#STEPS[@]}" ] && next=$(echo "${STEPS[$i]}" | cut -d' ' -f1)
  # A place that follows itself (the language panel) settles again: wait for a newer items line.
  n=$(grep -c "event=items place=$next " "$LOG" || true)
  # shellcheck disable=SC2086
  xdotool mousemove --window "$WIN" $xy click 1
  wait_count "event=items place=$next " $((n + 1)) || fail "run 1: tap $id did not lead to $next"
  # The picture once it holds still (two screenshots alike).
  shot "ref-$i"
  for _ in $(seq 1 50); do
    sleep 0.1
    shot "again"
    same "again" "ref-$i" && break
    mv "$OUT/again.png" "$OUT/ref-$i.png"
  done
done
kill "$KIOSK"; wait "$KIOSK" 2>/dev/null || true

# Run 2 (the default flags): the same taps; after each, wait until the screen shows what run 1
# showed there.
: >"$LOG"
"$BIN" "${ARGS[@]}" 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
wait_shown
i=0
for xy in "${XY[@]}"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  xdotool mousemove --window "$WIN" $xy click 1
  for _ in $(seq 1 100); do
    shot "run-$i"
    same "run-$i" "ref-$i" && break
    sleep 0.1
  done
  same "run-$i" "ref-$i" || { cp "$OUT/run-$i.png" /tmp/e2e-visit-log.png; fail "tap $i did not show what run 1 showed"; }
done
kill -TERM "$KIOSK"
wait_log_gone() { for _ in $(seq 1 100); do kill -0 "$KIOSK" 2>/dev/null || return 0; sleep 0.1; done; return 1; }
wait_log_gone || fail "the kiosk did not exit on SIGTERM"
grep -q "event=exit" "$LOG" || fail "no event=exit in the log"

# Every visitor word: screens but home, questions, answers, results, English, accessibility.
words=$( (cd layouts/screens && ls ./*.toml | sed 's|^\./||; s|\.toml$||' | grep -vx home)
  grep -E '^(id|value) = "' layouts/guide.toml | cut -d'"' -f2
  printf '%s\n' en large larger high-contrast)
bad=$(grep -E 'event=(navigate|guide_result|language|speech|speech_mode|focus|volume)( |$)' "$LOG" || true)
for w in $words; do
  bad+=$(grep -E "=\"?$w\"?( |$)" "$LOG" || true)
done
[ -z "$bad" ] || { echo "--- the log:"; cat "$LOG"; fail "a visitor's choice in the log: $bad"; }
echo "e2e visit_log: ok ($(grep -c 'event=' "$LOG") lifecycle lines, no visitor word among $(echo "$words" | wc -l))"
