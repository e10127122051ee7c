#!/usr/bin/env bash
# The real binary, no window: an exception that escapes main ends it with exit code 70 and one
# `event=fatal` line instead of an abort. The exception is a real one: `layouts` in the working
# directory is a symlink loop, so looking for the shipped folders throws a std::filesystem error.
set -euo pipefail
BIN=$(realpath "$1")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cd "$DIR"
ln -s layouts layouts
status=0
"$BIN" --check >out 2>err || status=$?
fail() {
  echo "test_fatal: $1"
  echo "--- stderr:"
  cat err
  exit 1
}
[ "$status" -eq 70 ] || fail "exit code $status, expected 70"
[ "$(grep -c 'event=fatal' err)" -eq 1 ] || fail "expected one event=fatal line"
grep -qE '^wegwijzer: event=fatal reason=".*layouts.*"$' err || fail "no reason naming layouts"
echo "test_fatal: ok: $(cat err)"
