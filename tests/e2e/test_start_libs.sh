#!/usr/bin/env bash
# Start-up: the libraries for speech and content updates (eSpeak NG, libpcaudio, libcurl,
# libarchive and the fifty they bring) are not linked and not loaded when the kiosk starts
# (platform/lazy/lazy_lib.h); the first read-aloud loads speech, and speaks.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1920x1080 "$0" "$1"
trap '[ -n "$KIOSK" ] && kill "$KIOSK" 2>/dev/null; rm -rf "$OUT"' EXIT
LAZY='libespeak-ng|libpcaudio|libcurl|libarchive'

linked=$(readelf -d "$BIN" | grep NEEDED || true)
if grep -E "$LAZY" <<<"$linked"; then echo "FAIL: linked at start (above)"; exit 1; fi

"$BIN" --log-items --log-visits 2>"$LOG" &
KIOSK=$!
wait_shown
wait_place screen:home
if grep -E "$LAZY" "/proc/$KIOSK/maps"; then echo "FAIL: loaded at start (above)"; exit 1; fi
echo "ok: none of $LAZY is linked or loaded at start ($(grep -c '\.so' "/proc/$KIOSK/maps") mappings of libraries)"

# Read aloud: the first speech opens eSpeak NG (and, for the sound, libpcaudio).
WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
tap screen:home access
tap screen:home speech-on
wait_log "event=speech state=on"
for _ in $(seq 1 100); do grep -q libespeak-ng "/proc/$KIOSK/maps" && break; sleep 0.1; done
grep -q libespeak-ng "/proc/$KIOSK/maps" || { echo "FAIL: read-aloud did not load eSpeak NG"; exit 1; }
if grep -q 'speech: ' "$LOG"; then echo "FAIL: speech could not start:"; grep 'speech: ' "$LOG"; exit 1; fi
echo "ok: the first read-aloud loaded eSpeak NG"
