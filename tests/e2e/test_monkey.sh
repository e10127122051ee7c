#!/usr/bin/env bash
# The real-window monkey: the release binary under Xvfb + openbox, fullscreen in kiosk mode, gets
# random taps on whatever it shows (from its --log-items lines), taps anywhere, drags, flicks,
# blocked keys, admin gesture attempts with wrong PINs, idle pauses, and SIGHUP reloads of content
# that is good, renamed, cut in half, invalid UTF-8 or missing a picture. It must survive all of
# it and end cleanly on SIGTERM. Bounded by MONKEY_SECONDS (default 60).
#
#   MONKEY_SEED=N       replay a run (the seed is printed first)
#   MONKEY_SECONDS=N    how long (make soak sets hours)
#   MONKEY_SOAK=1       also require flat memory: the mean RSS of the last tenth of the run
#                       within 10 MB of the mean over the second tenth (after warm-up; RSS
#                       swings by about 15 MB with font and texture rebuilds, so single samples
#                       say little). Open files must always end where they started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test --wm 1280x800 "$0" "$1"

SEED=${MONKEY_SEED:-$(( $(date +%s%N) / 1000 % 32768 ))}
DURATION=${MONKEY_SECONDS:-60}
RANDOM=$SEED
echo "monkey seed=$SEED seconds=$DURATION (replay: MONKEY_SEED=$SEED)"

cleanup() {
  if [ -n "$KIOSK" ] && kill -0 "$KIOSK" 2>/dev/null; then kill -9 "$KIOSK" 2>/dev/null || true; fi
  rm -rf "$OUT"
}
trap cleanup EXIT
fail() {
  echo "FAIL (seed $SEED): $*"; echo "--- last lines of the kiosk log:"; tail -40 "$LOG"
  cp "$LOG" /tmp/e2e-monkey-kiosk.log 2>/dev/null && echo "kept /tmp/e2e-monkey-kiosk.log"
  exit 1
}

# Content variants, each a layouts/ + assets/ pair; the kiosk runs from $OUT/live.
make_variant() {
  mkdir -p "$OUT/$1" && cp -r layouts assets "$OUT/$1/"
}
make_variant good
make_variant renamed
sed -i '0,/nl = "Start"/s//nl = "Begin Ł"/' "$OUT/renamed/layouts/kiosk.toml"
make_variant cut
f=$OUT/cut/layouts/screens/geld.toml
truncate -s $(( $(stat -c %s "$f") / 2 )) "$f"
printf '\n[[block]]\ntext = { nl = "half' >> "$f"   # ends inside a string, whatever the half held
make_variant utf8
printf 'x = "\xc3\x28"\n' >> "$OUT/utf8/layouts/screens/optie-2.toml"
make_variant nopicture
rm "$OUT/nopicture/assets/tile-money.png"
GOOD=(good renamed)
BROKEN=(cut utf8 nopicture)
for v in "${BROKEN[@]}"; do
  "$BIN" --check --layouts "$OUT/$v/layouts" >/dev/null 2>&1 && fail "variant $v passes --check"
done
go_live() {  # go_live VARIANT: swap the live content folder in one rename, as an update would
  rm -rf "$OUT/next" && cp -r "$OUT/$1" "$OUT/next"
  rm -rf "$OUT/old" && { [ -d "$OUT/live" ] && mv "$OUT/live" "$OUT/old" || true; } && mv "$OUT/next" "$OUT/live"
}
go_live good

PIN_HASH=$(printf '13579024\n' | "$BIN" --hash-pin)
"$BIN" --layouts "$OUT/live/layouts" --log-items \
  --set session.idle_timeout=6 --set session.warning_seconds=3 \
  --set "admin.pin_hash=$PIN_HASH" --set admin.lockout_seconds=10 --set "state.dir=$OUT/state" \
  2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1) || fail "no kiosk window"
wait_shown 20 || fail "no first frame"

rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$KIOSK/status"; }
fds() { ls "/proc/$KIOSK/fd" | wc -l; }
alive() { kill -0 "$KIOSK" 2>/dev/null || fail "the kiosk died after: $1"; }

# A random item of the last settled frame: "x y id".
random_item() {
  grep "event=items " "$LOG" | tail -1 | tr ' ' '\n' | grep -E '^[a-z0-9-]+=[0-9]+,[0-9]+$' |
    awk -v r="$RANDOM" '{a[NR]=$0} END {if (NR) {split(a[r % NR + 1], p, "[=,]"); print p[2], p[3], p[1]}}'
}

FD_START=$(fds)
RSS_START=$(rss_kb)
START=$(date +%s)
SAMPLES=()      # "seconds-since-start rss-kb", every 5 s
LAST_SAMPLE=0
declare -A COUNT=()
n=0
while [ $(( $(date +%s) - START )) -lt "$DURATION" ]; do
  n=$((n + 1))
  r=$((RANDOM % 100))
  did="nothing (no items logged yet)"
  if [ "$r" -lt 50 ]; then
    read -r x y id <<<"$(random_item)" || true
    if [ -n "${x:-}" ]; then xdotool mousemove "$x" "$y" click 1; did="tap $id"; COUNT[item]=$((${COUNT[item]:-0} + 1)); fi
  elif [ "$r" -lt 60 ]; then
    xdotool mousemove $((RANDOM % 1280)) $((RANDOM % 800)) click 1; did="tap anywhere"; COUNT[tap]=$((${COUNT[tap]:-0} + 1))
  elif [ "$r" -lt 70 ]; then
    x=$((200 + RANDOM % 880)); y=$((200 + RANDOM % 400)); dy=$((RANDOM % 400 - 200))
    xdotool mousemove "$x" "$y" mousedown 1 mousemove "$x" $((y + dy / 2)) mousemove "$x" $((y + dy)) mouseup 1
    did="drag $dy"; COUNT[drag]=$((${COUNT[drag]:-0} + 1))
  elif [ "$r" -lt 74 ]; then
    xdotool windowactivate --sync "$WIN" >/dev/null 2>&1 || true
    keys=(Escape F11 alt+F4 ctrl+q ctrl+w super alt+Tab)
    xdotool key "${keys[RANDOM % ${#keys[@]}]}"; did="keys"; COUNT[keys]=$((${COUNT[keys]:-0} + 1))
  elif [ "$r" -lt 78 ]; then
    xdotool mousemove 10 10 click --repeat 5 --delay 100 1
    sleep 0.3
    xdotool key 1 2 3 4 5 6 Return Escape
    did="admin gesture + wrong PIN"; COUNT[admin]=$((${COUNT[admin]:-0} + 1))
  elif [ "$r" -eq 78 ]; then
    sleep $((RANDOM % 2 ? 7 : 10)); did="idle"; COUNT[idle]=$((${COUNT[idle]:-0} + 1))
  elif [ "$r" -lt 90 ]; then
    go_live "${GOOD[RANDOM % ${#GOOD[@]}]}"; kill -HUP "$KIOSK"; did="reload good"; COUNT[good]=$((${COUNT[good]:-0} + 1))
  else
    v=${BROKEN[RANDOM % ${#BROKEN[@]}]}
    go_live "$v"; kill -HUP "$KIOSK"; did="reload $v"; COUNT[broken]=$((${COUNT[broken]:-0} + 1))
  fi
  sleep 0.0$((RANDOM % 3 + 1))
  alive "$did"
  t=$(( $(date +%s) - START ))
  if [ $((t - LAST_SAMPLE)) -ge 5 ]; then SAMPLES+=("$t $(rss_kb)"); LAST_SAMPLE=$t; fi
done
sleep 1
alive "the last action"
FD_END=$(fds)
RSS_END=$(rss_kb)
# Mean RSS (MB) over the samples from FROM to TO tenths of the run.
rss_mean() {
  printf '%s\n' "${SAMPLES[@]}" | awk -v d="$DURATION" -v a="$1" -v b="$2" \
    '$1 >= d * a / 10 && $1 <= d * b / 10 { s += $2; n++ } END { printf "%.1f", n ? s / n / 1024 : 0 }'
}
RSS_WARM=$(rss_mean 1 2)
RSS_LATE=$(rss_mean 9 10)

grep -qE "event=fatal|AddressSanitizer|runtime error" "$LOG" && fail "fatal or sanitizer report in the log"
grep -q "event=content_reload status=kept-last-good" "$LOG" || fail "no broken reload was kept out"
[ "$(grep -c 'event=content_reload status=ok' "$LOG")" -ge 2 ] || fail "no good reload was taken"
kill -TERM "$KIOSK"
rc=0
for _ in $(seq 1 100); do kill -0 "$KIOSK" 2>/dev/null || break; sleep 0.05; done
wait "$KIOSK" || rc=$?
KIOSK=
[ "$rc" = 0 ] || fail "exit code $rc after SIGTERM"
grep -q "event=exit reason=signal" "$LOG" || fail "no event=exit reason=signal"

summary=""
for k in "${!COUNT[@]}"; do summary="$summary $k=${COUNT[$k]}"; done
echo "monkey seed=$SEED: $n actions in $DURATION s:$summary"
echo "monkey rss_mb start=$((RSS_START / 1024)) second_tenth_mean=$RSS_WARM last_tenth_mean=$RSS_LATE end=$((RSS_END / 1024)) fds start=$FD_START end=$FD_END samples=${#SAMPLES[@]}"
[ "$FD_END" -le "$FD_START" ] || fail "open files grew from $FD_START to $FD_END"
if [ -n "${MONKEY_SOAK:-}" ] && awk -v a="$RSS_WARM" -v b="$RSS_LATE" 'BEGIN { exit !(b - a > 10) }'; then
  fail "RSS grew from a mean of $RSS_WARM MB to $RSS_LATE MB"
fi
echo "e2e monkey: ok"
