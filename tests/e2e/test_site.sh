#!/usr/bin/env bash
# The [site] examples in the shipped profiles (no window): uncommented, `--check` accepts them and
# `--guide ... --config` prints the advice with the desk under "Waar gaat u heen?", in Dutch and
# English; a broken [site] is refused with file:line:col; without [site] the general text stays.
set -euo pipefail
BIN=$(realpath "$1")
cd "$(dirname "$0")/../.."
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*"; cat "$OUT/out" 2>/dev/null || true; exit 1; }

# balie.toml with its example [site] switched on.
sed 's/^# \[site\]$/[site]/; /^\[site\]$/,$ s/^# \([a-z_]* = \)/\1/' kiosk-config/balie.toml >"$OUT/balie.toml"
grep -q '^name = "UWV Voorbeeldstad"' "$OUT/balie.toml" || fail "balie.toml has no [site] example"
"$BIN" --check --config "$OUT/balie.toml" >"$OUT/out" 2>&1 || fail "--check refused the [site] example"

"$BIN" --config "$OUT/balie.toml" --guide rol=werknemer,uitkering=wajong,steun=eigen >"$OUT/out" 2>&1 ||
  fail "--guide failed"
grep -q "^Waar gaat u heen?: UWV$" "$OUT/out" || fail "no counter"
grep -q "^  Dat kan hier:$" "$OUT/out" || fail "no 'Dat kan hier:'"
grep -q "^  UWV Voorbeeldstad$" "$OUT/out" || fail "no desk name"
grep -q "^  In dit gebouw: Balie 3, begane grond$" "$OUT/out" || fail "no counter in the building"
grep -q "^  Adres: Stationsplein 1, 1234 AB Voorbeeldstad$" "$OUT/out" || fail "no address"
"$BIN" --config "$OUT/balie.toml" --lang en --guide rol=werknemer,uitkering=wajong,steun=eigen >"$OUT/out" 2>&1
grep -q "^  In this building: Desk 3, ground floor$" "$OUT/out" || fail "no English counter"
grep -q "^  Opening hours: Mon to Fri 8.30 am to 5 pm$" "$OUT/out" || fail "no English hours"
# A UWV desk does not claim the gemeente's clients.
"$BIN" --config "$OUT/balie.toml" --guide rol=werknemer,uitkering=participatiewet,steun=eigen >"$OUT/out" 2>&1
grep -q "UWV Voorbeeldstad" "$OUT/out" && fail "a UWV desk shown on the gemeente route"

# beurs.toml's Werkcentrum example: for employers sent to the regional employer desk.
sed 's/^# \[site\]$/[site]/; /^\[site\]$/,$ s/^# \([a-z_]* = \)/\1/' kiosk-config/beurs.toml >"$OUT/beurs.toml"
"$BIN" --check --config "$OUT/beurs.toml" >"$OUT/out" 2>&1 || fail "--check refused the Werkcentrum example"
"$BIN" --config "$OUT/beurs.toml" --guide rol=werkgever,uitkering=participatiewet,steun=extern >"$OUT/out" 2>&1
grep -q "^  Werkcentrum Voorbeeldregio$" "$OUT/out" || fail "no Werkcentrum for the employer"

# Without [site]: the general text only.
"$BIN" --config kiosk-config/balie.toml --guide rol=werknemer,uitkering=wajong,steun=eigen >"$OUT/out" 2>&1
grep -q "Dat kan hier" "$OUT/out" && fail "a site shown without [site]"

# A broken [site]: refused where it is written.
printf 'profile = "x"\n\n[site]\nname = "UWV X"\nkind = "uwv"\nweb = "www.uwv.nl"\n' >"$OUT/bad.toml"
rc=0
"$BIN" --check --config "$OUT/bad.toml" >"$OUT/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--check passed a broken [site] (exit $rc)"
grep -q "bad.toml:6:7: 'site.web' must be a plain https:// address" "$OUT/out" || fail "no web problem"
grep -q "bad.toml:3:1: site.name is set but site.address is empty" "$OUT/out" || fail "no address problem"
echo "site: ok"
