#!/usr/bin/env bash
# Content updates in the real kiosk under Xvfb, from a server on 127.0.0.1
# (tests/support/update_server.py), with keys made now by `minisign -G -W` and bundles made by
# src/deploy/tools/make-bundle from a copy of the shipped content with one sentence changed: the first
# step of the result uwv-eigen, which the result screen's take-away QR code carries, so zbarimg
# reads what the screen shows.
#  - a good bundle is applied: status=ok version=2, a reload, the new sentence on screen;
#  - a tampered bundle, another key, a lower version, an expired and an invalid bundle, a
#    truncated download and a hanging server are rejected with their reason, and the screen keeps
#    the new sentence;
#  - the heartbeat arrives with its fields;
#  - a restart without an update server shows the last good version.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
real_window_test 1920x1080 "$0" "$1"
command -v minisign >/dev/null || { echo "test_update: minisign is not installed (make test-deps)"; exit 1; }
KIOSK='' SERVER=''
cleanup() {
  [ -n "$KIOSK" ] && kill "$KIOSK" 2>/dev/null || true
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $OUT" || rm -rf "$OUT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- log:"; grep -v "event=items" "$LOG" | tail -30; exit 1; }

OLD="Kies zelf een jobcoach. Die werkt bij een organisatie die UWV erkent."
NEW="Kies zelf een jobcoach. Dat kan via werk.nl."
BAD="Vraag de jobcoach zelf aan bij UWV. Dit mag nooit verschijnen."  # in every rejected bundle
mkdir -p "$OUT/www" "$OUT/stage" "$OUT/state" "$OUT/content"
cp -r layouts assets "$OUT/content/"
for k in good other; do minisign -G -W -p "$OUT/$k.pub" -s "$OUT/$k.key" >/dev/null; done
PUBKEY=$(sed -n 2p "$OUT/good.pub")
EXP=$(date -d '+300 days' +%F)  # kiosks refuse an expiry more than ~400 days ahead

/usr/bin/python3 tests/support/update_server.py "$OUT/www" "$OUT/port" 300 &
SERVER=$!
for _ in $(seq 1 100); do [ -s "$OUT/port" ] && break; sleep 0.05; done
PORT=$(cat "$OUT/port")
URL=http://127.0.0.1:$PORT/bundle.tar.gz

# stage VERSION EXPIRES KEY SENTENCE [--no-check]: signs a bundle in $OUT/stage; go_live puts it
# on the server, the bundle before its signature (a check in between sees the old version and
# fetches nothing); publish does both.
stage() {
  local sentence=$4
  SENTENCE=$sentence OLD=$OLD /usr/bin/python3 -c '
import os, sys
t = open("layouts/guide.toml").read()
assert os.environ["OLD"] in t
open(sys.argv[1], "w").write(t.replace(os.environ["OLD"], os.environ["SENTENCE"]))' \
    "$OUT/content/layouts/guide.toml"
  src/deploy/tools/make-bundle --key "$OUT/$3.key" --version "$1" --expires "$2" --content "$OUT/content" \
    --out "$OUT/stage/bundle.tar.gz" --wegwijzer "$BIN" ${5:-} >/dev/null 2>"$OUT/make-bundle.err" ||
    fail "make-bundle: $(cat "$OUT/make-bundle.err")"
}
go_live() {
  mv "$OUT/stage/bundle.tar.gz" "$OUT/www/bundle.tar.gz"
  mv "$OUT/stage/bundle.tar.gz.minisig" "$OUT/www/bundle.tar.gz.minisig"
}
publish() { stage "$@"; go_live; }

start_kiosk() {  # start_kiosk UPDATE_URL
  mark
  "$BIN" --windowed --size 1920x1080 --lang nl --log-items \
    --set "state.dir=\"$OUT/state\"" --set "update.url=\"$1\"" \
    --set "update.public_keys=[\"$PUBKEY\"]" --set update.interval_minutes=0.05 \
    --set "update.status_url=\"http://127.0.0.1:$PORT/status\"" --set 'kiosk.name="e2e-kiosk"' \
    --set session.idle_timeout=3600 --set attract.enabled=false 2>>"$LOG" &
  KIOSK=$!
  WIN=$(timeout 20 xdotool search --sync --name '^wegwijzer$' | head -1)
  wait_shown 20 || fail "no first frame"
}

# screen_qr NAME: the QR codes on screen now, decoded into $OUT/NAME.txt.
screen_qr() {
  shot "$1"
  zbarimg --quiet --raw "$OUT/$1.png" >"$OUT/$1.txt" 2>/dev/null || true
}
# step_qr PNG: the take-away QR code (the first step, old or new sentence) decodes from it.
step_qr() { zbarimg --quiet --raw "$1" 2>/dev/null | grep -q "Kies zelf een jobcoach."; }
# result_qr NAME: from home to the result uwv-eigen, scrolled to its QR codes.
result_qr() {
  mark
  tap screen:home tile-guide || fail "not on home"
  tap question:rol answer-werknemer || fail "not on rol"
  tap question:uitkering answer-wajong || fail "not on uitkering"
  tap question:steun answer-eigen || fail "not on steun"
  wait_place result:uwv-eigen || fail "no result"
  # A slow drag (no flick): the pauses pace the finger; the picture is polled for.
  xdotool mousemove --window "$WIN" 300 900 mousedown 1
  for y in 850 800 750 700 650 600 550 500; do xdotool mousemove --window "$WIN" 300 $y; sleep 0.03; done
  sleep 0.3
  xdotool mouseup 1
  shot_until "$1" 15 step_qr || true
  screen_qr "$1"
}
shows() { grep -qF "$2" "$OUT/$1.txt" || { cp "$OUT/$1.png" "/tmp/e2e-update-$1.png"; fail "$1: the screen lacks '$2' (picture: /tmp/e2e-update-$1.png; decoded: $(cat "$OUT/$1.txt"))"; }; }

# --- 1. The shipped content, while the server has nothing yet (404: rejected, download).
start_kiosk "$URL"
wait_log "event=content_source layouts=.* version=0" 5 || fail "not started from the shipped content"
result_qr shipped
shows shipped "$OLD"
wait_log "event=content_update status=rejected reason=download" 30 || fail "no first check"

# --- 2. A good bundle: applied, reloaded, on screen.
publish 2 "$EXP" good "$NEW"
wait_log "event=content_update status=ok version=2" 40 || fail "version 2 not applied"
wait_count "event=content_reload status=ok" 2 10 || fail "no reload after the update"
[ "$(readlink "$OUT/state/content/current")" = 2 ] || fail "current does not point at 2"
result_qr v2
shows v2 "$NEW"

# --- 3. Each bad bundle is rejected with its reason; nothing changes.
reject() {  # reject REASON [DETAIL]: waits for one more rejection with REASON (and DETAIL, grep -E)
  local n pattern="status=rejected reason=$1 detail=\".*${2:-}"
  n=$(grep -cE "$pattern" "$LOG" || true)
  wait_count "$pattern" $((n + 1)) 40 || fail "no rejection reason=$1 ${2:-}"
}
stage 3 "$EXP" good "$BAD"
/usr/bin/python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$OUT/stage/bundle.tar.gz"
go_live
reject signature "does not match the file"
publish 3 "$EXP" other "$BAD"
reject signature "signed by another key"
publish 1 "$EXP" good "$BAD"
reject version "version 1 is not newer than 2"
publish 4 2020-01-01 good "$BAD"
reject expired "expired on 20200101"
publish 5 "$EXP" good 'Vraag de jobcoach "kapot' --no-check
reject invalid
grep -q "content_update: .*guide.toml:" "$LOG" || fail "the invalid bundle's problems are not logged"
touch "$OUT/www/bundle.tar.gz.truncate"
publish 6 "$EXP" good "$BAD"
# libcurl's words for it: "transfer closed ... remaining" (7.88, Debian 12), "end of response
# with ... bytes missing" (8.14, Debian 13).
reject download "bundle.tar.gz: .*(transfer closed|partial|bytes missing)"
# Hang first, and no v6 bundle while the truncation stops: v6 never arrives whole.
touch "$OUT/www/bundle.tar.gz.minisig.hang"
rm "$OUT/www/bundle.tar.gz"
rm "$OUT/www/bundle.tar.gz.truncate"
publish 7 "$EXP" good "$NEW"
reject download "minisig: .*timed out"
# Still the result screen of version 2, drawn all along (the hanging check runs off the frame
# thread), with its sentence and none of the rejected bundles'.
screen_qr kept
shows kept "$NEW"
grep -qF "$BAD" "$OUT/kept.txt" && fail "a rejected bundle's sentence is on screen"
rm "$OUT/www/bundle.tar.gz.minisig.hang"
# Version 7 is good: let it through, then make sure nothing else did.
wait_log "event=content_update status=ok version=7" 40 || fail "version 7 not applied after the hang"
[ "$(grep -c "event=content_update status=ok" "$LOG")" = 2 ] || fail "a rejected bundle was applied"
# The frame loop loads version 7 a moment after the updater has logged it.
wait_count "event=content_reload status=ok" 3 10 || fail "no reload after version 7"
sleep 1
[ "$(grep -c "event=content_reload status=ok" "$LOG")" = 3 ] || fail "reloads other than for 2 and 7"
ls "$OUT/state/content" | sort | tr '\n' ' ' | grep -qx "2 7 current " ||
  fail "version folders: $(ls "$OUT/state/content" | tr '\n' ' ')"

# --- 4. The heartbeat: its fields, no others.
wait_log "event=heartbeat status=ok" 5 || fail "no heartbeat sent"
HB=$(tail -1 "$OUT/www/heartbeats.jsonl")
echo "$HB" | /usr/bin/python3 -c '
import json, sys
h = json.loads(sys.stdin.read())
assert set(h) == {"kiosk", "app_version", "content_version", "uptime_seconds", "restarts_since_boot", "last_update", "sessions_today", "stale"}, h
assert h["stale"] is False, h
assert h["kiosk"] == "e2e-kiosk" and h["content_version"] in (2, 7) and h["uptime_seconds"] >= 1, h
assert h["sessions_today"] >= 0 and h["restarts_since_boot"] >= 0, h
' || fail "heartbeat: $HB"

# --- 5. Restart without an update server: the last good version (7).
kill "$KIOSK"; wait "$KIOSK" 2>/dev/null || true; KIOSK=
mark
start_kiosk "http://127.0.0.1:9/bundle.tar.gz"
wait_new "event=content_source layouts=$OUT/state/content/7/layouts version=7" || fail "not version 7"
wait_new "event=content_update status=rejected reason=download" || fail "no rejected download"
result_qr restarted
shows restarted "$NEW"
wait_new "event=heartbeat status=ok" || fail "no heartbeat after the restart"
tail -1 "$OUT/www/heartbeats.jsonl" | grep -q '"content_version":7,.*"restarts_since_boot":[1-9].*"last_update":"rejected reason=download"' ||
  fail "heartbeat after restart: $(tail -1 "$OUT/www/heartbeats.jsonl")"
echo "e2e update: ok ($(grep -c "status=rejected" "$LOG") rejections, versions 2 and 7 applied, restart shows 7)"
