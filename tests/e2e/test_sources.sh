#!/usr/bin/env bash
# Sources and their check dates on the command line (no window): `--check` only warns about a
# source checked more than 365 days ago, and fails on it once the profile sets
# content.sources_max_age_days; a screen without sources fails; `--list-urls` says what rests on
# each address; `--review` writes the sign-off page.
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*"; cat "$OUT/out" 2>/dev/null || true; exit 1; }
cp -r layouts "$OUT/layouts"
cp -r assets "$OUT/assets"
# noloc (a QR code on jobcoach-vinden) last checked long ago.
/usr/bin/python3 - "$OUT/layouts/urls.toml" <<'PY'
import sys
p = sys.argv[1]
t = open(p).read()
i = t.index("[url.noloc]")
j = t.index("checked = ", i)
open(p, "w").write(t[:j] + "checked = 2001-02-03" + t[j + len("checked = 2026-11-23"):])
PY

rc=0
"$BIN" --check --layouts "$OUT/layouts" >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 0 ] || fail "--check failed on an old source without a site limit (exit $rc)"
grep -q "^warning: .*urls.toml:[0-9]*:[0-9]*: 'noloc' was last checked on 2001-02-03" "$OUT/out" ||
  fail "--check did not warn about the old source"

rc=0
"$BIN" --check --layouts "$OUT/layouts" --set content.sources_max_age_days=400 >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check passed an old source although the site set a limit (exit $rc)"
grep -q "^$OUT/layouts/urls.toml:[0-9]*:[0-9]*: 'noloc' was last checked on 2001-02-03, .* (more than 400)" "$OUT/out" ||
  fail "--check did not name the old source as a problem"
grep -q "^1 problem$" "$OUT/out" || fail "--check counted the wrong number of problems"

# The shipped content is fresh enough for a generous limit, and fails a tight one.
"$BIN" --check --set content.sources_max_age_days=3650 >"$OUT/out" 2>&1 ||
  fail "--check refused the shipped sources under a 10-year limit"
rc=0
"$BIN" --check --set content.sources_max_age_days=1 >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check passed the shipped sources under a 1-day limit (exit $rc)"

# A screen without a source line.
sed -i 's/^sources = .*$//' "$OUT/layouts/screens/optie-4.toml"
rc=0
"$BIN" --check --layouts "$OUT/layouts" >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check passed a screen without sources (exit $rc)"
grep -q "optie-4.toml:1:1: missing required key 'sources'" "$OUT/out" || fail "no file:line:col for the missing sources"

# --list-urls: every address, then what rests on it.
"$BIN" --list-urls >"$OUT/out" 2>&1 || fail "--list-urls failed"
grep -q "^regelhulp-participatiewet  [0-9-]*  https://" "$OUT/out" || fail "--list-urls lacks an address"
grep -A1 "^regelhulp-participatiewet " "$OUT/out" | grep -q "^    used by: .*result:gemeente-eigen" ||
  fail "--list-urls does not say which results rest on the address"
# --review FILE.html: one page with every result and every address.
"$BIN" --review "$OUT/review.html" >"$OUT/out" 2>&1 || fail "--review failed"
for id in uwv-eigen gemeente-eigen geen-weetniet onbekend-buddy; do
  grep -q "result:$id</h3>" "$OUT/review.html" || fail "--review lacks result $id"
done
grep -q "https://www.regelhulp.nl/bladeren/_/artikel/participatiewet" "$OUT/review.html" || fail "--review lacks an address"
grep -q "<script" "$OUT/review.html" && fail "--review holds a script"
rc=0
"$BIN" --review /nonexistent/dir/review.html >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--review to an unwritable place exited $rc"
echo "sources: ok"
