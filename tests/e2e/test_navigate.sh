#!/usr/bin/env bash
# Real window under Xvfb: tap from home through one full guide path with xdotool, check the
# result screen in the log and on a screenshot, and decode its QR code.
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
if [ -z "${INNER:-}" ]; then exec env INNER=1 tests/with-xvfb.sh --size 1920x1080 "$0" "$BIN"; fi
source tests/e2e/lib.sh
OUT=$(mktemp -d)
LOG=$OUT/kiosk.log
trap 'kill "$KIOSK" 2>/dev/null || true; rm -rf "$OUT"' EXIT
"$BIN" --windowed --size 1920x1080 --lang nl --log-items 2>"$LOG" &
KIOSK=$!
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
wait_log "event=start screen=home"

import -window root "$OUT/home.png"
not_blank "$OUT/home.png"

tap screen:home tile-guide
wait_log "event=navigate question=rol"
tap question:rol answer-werknemer
wait_log "event=navigate question=uitkering"
tap question:uitkering answer-wajong
wait_log "event=navigate question=steun"
tap question:steun answer-eigen
wait_log "event=guide_result result=uwv-eigen"
wait_log "event=items place=result:uwv-eigen "
sleep 0.3
import -window root "$OUT/result.png"
not_blank "$OUT/result.png"

# The QR on the screen decodes to the URL in the content.
want=$(awk '/id = "uwv-eigen"/{f=1} f && /url =/{print; exit}' layouts/guide.toml | sed 's/.*url = "\([^"]*\)".*/\1/')
got=$(zbarimg --quiet --raw "$OUT/result.png" 2>/dev/null | head -1)
[ "$got" = "$want" ] || { echo "QR decodes to '$got', expected '$want'"; cp "$OUT/result.png" /tmp/e2e-result.png; exit 1; }

# Back after a result returns to the last question.
tap result:uwv-eigen back
wait_count "event=navigate question=steun" 2
echo "e2e navigate: ok (QR $got)"
