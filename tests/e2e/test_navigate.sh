#!/usr/bin/env bash
# Real window under Xvfb: tap from home through one full guide path with xdotool, check the
# result screen in the log and on a screenshot, decode its QR code, and check that every tap that
# showed a new place logged its latency (--log-latency).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1920x1080 "$0" "$1"
trap 'kill "$KIOSK" 2>/dev/null || true; rm -rf "$OUT"' EXIT
"$BIN" --windowed --size 1920x1080 --lang nl --log-items --log-visits --log-latency 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
# The start line comes before anything is drawn: the picture waits for home, settled and shown.
wait_shown
wait_place screen:home
shot home
not_blank "$OUT/home.png"

tap screen:home tile-guide
wait_log "event=navigate question=rol"
tap question:rol answer-werknemer
wait_log "event=navigate question=uitkering"
tap question:uitkering answer-wajong
wait_log "event=navigate question=steun"
tap question:steun answer-eigen
wait_log "event=guide_result result=uwv-eigen"
wait_place result:uwv-eigen
# Two QR codes: the official page (as `--guide` names it) and this visitor's advice as text.
advice=$("$BIN" --guide rol=werknemer,uitkering=wajong,steun=eigen --lang nl)
want=$(printf '%s\n' "$advice" | grep -o 'https://[^ ]*' | tail -1)
# They sit beside the steps, lower on the page: scroll a slow drag (no flick) down. The pauses
# pace the finger (a flick is fast); what the screen then shows is polled for.
xdotool mousemove --window "$WIN" 300 900 mousedown 1
for y in 850 800 750 700 650 600 550 500; do xdotool mousemove --window "$WIN" 300 $y; sleep 0.03; done
sleep 0.3
xdotool mouseup 1
# shows_page PNG: the official page's QR code decodes from the picture.
shows_page() { zbarimg --quiet --raw "$1" 2>/dev/null | grep -qxF "$want"; }
shot_until result 15 shows_page || true
not_blank "$OUT/result.png"
zbarimg --quiet --raw "$OUT/result.png" > "$OUT/qr.txt" 2>/dev/null || true
fail_qr() { echo "$1"; echo "--- decoded:"; cat "$OUT/qr.txt"; cp "$OUT/result.png" /tmp/e2e-result.png; exit 1; }
grep -qxF "$want" "$OUT/qr.txt" || fail_qr "no QR decodes to the official page $want"
# The take-away holds the advice as the kiosk states it: heading, where to go, the first step.
heading=$(printf '%s\n' "$advice" | sed -n 2p)
first_step=$(printf '%s\n' "$advice" | grep -m1 '^1\. ')
grep -qF "$heading" "$OUT/qr.txt" || fail_qr "the take-away QR lacks '$heading'"
grep -qF "$first_step" "$OUT/qr.txt" || fail_qr "the take-away QR lacks '$first_step'"
got="$want + advice text"

# Back after a result returns to the last question.
tap result:uwv-eigen back
wait_count "event=navigate question=steun" 2
# --log-latency (make bench): every tap that showed a new place was timed, once; the drag was not.
taps=$(grep -c 'event=navigate' "$LOG")
timed=$(grep -cE 'event=tap_latency ms=[0-9]+\.[0-9]$' "$LOG")
[ "$timed" = "$taps" ] || { echo "$timed tap_latency lines for $taps new places"; grep -E 'navigate|tap_latency' "$LOG"; exit 1; }
echo "e2e navigate: ok (QR $got)"
