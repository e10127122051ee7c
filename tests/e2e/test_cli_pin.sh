#!/usr/bin/env bash
# The command line around the admin PIN (no window): `--check` on a profile without
# admin.pin_hash warns and still exits 0; `--hash-pin` refuses a 5-digit PIN and hashes a
# 6-digit one read from a pipe; with that hash `--check` has nothing to warn about.
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

rc=0
printf '%s\n' 13579 | "$BIN" --hash-pin >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--hash-pin took a 5-digit PIN (exit $rc)"
grep -q "at least 6 digits" "$OUT/out" || fail "--hash-pin did not say why"

HASH=$(printf '%s\n' 135790 | "$BIN" --hash-pin) || fail "--hash-pin refused 135790"
case "$HASH" in '$argon2id$'*) ;; *) fail "not a hash: $HASH" ;; esac

rc=0
"$BIN" --check --config kiosk-config/default.toml --set "admin.pin_hash=$HASH" \
  --set content.sources_max_age_days=3650 >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 0 ] || fail "--check with a PIN hash exited $rc"
grep -q "warning:" "$OUT/out" && fail "--check warned although a PIN hash is set"
echo "cli pin: ok"
