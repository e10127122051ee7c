#!/usr/bin/env bash
# The command line around the admin PIN (no window): `--check` on a profile without
# admin.pin_hash warns and still exits 0; `--hash-pin` refuses a 6- and a 7-digit PIN and hashes
# an 8-digit one read from a pipe; with that hash `--check` has nothing to warn about; a hash
# weaker than --hash-pin makes is an error.
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*"; cat "$OUT/out" 2>/dev/null || true; exit 1; }

rc=0
"$BIN" --check --config kiosk-config/default.toml >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 0 ] || fail "--check without a PIN hash exited $rc"
grep -q "^warning: admin.pin_hash is empty: the admin panel is disabled" "$OUT/out" ||
  fail "--check printed no warning about the missing PIN hash"

for short in 135790 1357902; do
  rc=0
  printf '%s\n' "$short" | "$BIN" --hash-pin >"$OUT/out" 2>&1 || rc=$?
  [ "$rc" = 1 ] || fail "--hash-pin took the ${#short}-digit PIN $short (exit $rc)"
  grep -q "at least 8 digits" "$OUT/out" || fail "--hash-pin did not say why"
done

HASH=$(printf '%s\n' 13579024 | "$BIN" --hash-pin) || fail "--hash-pin refused 13579024"
case "$HASH" in '$argon2id$'*) ;; *) fail "not a hash: $HASH" ;; esac

rc=0
"$BIN" --check --config kiosk-config/default.toml --set "admin.pin_hash=$HASH" \
  --set content.sources_max_age_days=3650 >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 0 ] || fail "--check with a PIN hash exited $rc"
grep -q "warning:" "$OUT/out" && fail "--check warned although a PIN hash is set"

rc=0
WEAK='$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'
"$BIN" --check --config kiosk-config/default.toml --set "admin.pin_hash=$WEAK" >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check took a hash weaker than --hash-pin makes (exit $rc)"
grep -q "pin_hash.*weaker" "$OUT/out" || fail "--check did not say the hash is weak"
echo "cli pin: ok"
