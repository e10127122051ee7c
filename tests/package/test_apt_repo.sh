#!/usr/bin/env bash
# The program's apt repository as a site runs it (README: Updating the program from an apt
# repository): make-apt-repo publishes the built .deb and a newer one (version V.1, repacked) with
# a throw-away key; a web server on 127.0.0.1 serves it; apt with the shipped wegwijzer.sources
# verifies the signature (and refuses the same repository signed with another key), sees the new
# version, and goes back to the old one with the shipped rollback pin; unattended-upgrade --dry-run
# with the shipped configuration, on top of Debian's own, picks our package and nothing from a
# repository that calls itself Debian's. The shipped timer window lies in every profile's night.
# apt runs on a private configuration, state and cache (APT_CONFIG): the machine's apt is not
# touched. unattended-upgrade needs root; without it that part is skipped.
# Usage: tests/package/test_apt_repo.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
ARCH=$(dpkg --print-architecture)
DEB=$(ls "$BUILD"/wegwijzer_*_"$ARCH".deb | head -1)
V=$(dpkg-deb -f "$DEB" Version)
NEXT=$V.1
CODENAME=$(. /etc/os-release && echo "$VERSION_CODENAME")
SHIPPED=src/deploy/apt
TOOLS=src/deploy/tools
fail() { echo "FAIL: $*"; exit 1; }

# What of the machine's apt this test could touch by mistake, to compare at the end.
machine_apt() {
  sha256sum /var/lib/dpkg/status /etc/apt/sources.list.d/* 2>/dev/null || true
  ls -l --time-style=full-iso /etc/apt/apt.conf.d /etc/apt/preferences.d /var/lib/apt/lists \
    /var/cache/apt /var/cache/apt/archives /var/lib/unattended-upgrades /var/log/unattended-upgrades 2>/dev/null || true
}
T=$(mktemp -d)
machine_apt >"$T/machine.before"
server=''
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  GNUPGHOME=$T/gnupg gpgconf --kill gpg-agent 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
# apt drops to the user _apt for downloads: it must reach the private lists and cache.
chmod 755 "$T"

echo "== the shipped timer runs inside every shipped profile's night hours"
timer=$SHIPPED/apt-daily-upgrade.timer.d/wegwijzer-night.conf
at=$(sed -n 's/^OnCalendar=\*-\*-\* \([0-9:]*\)$/\1/p' "$timer")
spread=$(sed -n 's/^RandomizedDelaySec=\([0-9]*\)h$/\1/p' "$timer")
[ -n "$at" ] && [ -n "$spread" ] || fail "$timer: no OnCalendar=*-*-* HH:MM or RandomizedDelaySec=Nh"
minutes() { echo $((10#${1%%:*} * 60 + 10#${1##*:})); }
first=$(minutes "$at") last=$(($(minutes "$at") + spread * 60))
for p in kiosk-config/*.toml; do
  start=$(sed -n '/^\[night\]/,/^\[/s/^start = "\(.*\)".*/\1/p' "$p")
  end=$(sed -n '/^\[night\]/,/^\[/s/^end = "\(.*\)".*/\1/p' "$p")
  start=${start:-22:00} end=${end:-07:00} # the defaults (kiosk-config/README.md)
  # Minutes after the night's start; the night runs past midnight.
  s=$(minutes "$start") e=$(( ($(minutes "$end") - $(minutes "$start") + 1440) % 1440 ))
  from=$(( (first - s + 1440) % 1440 )) to=$(( (last - s + 1440) % 1440 ))
  [ "$from" -le "$e" ] && [ "$to" -le "$e" ] && [ "$from" -le "$to" ] ||
    fail "$timer: $at + ${spread}h is outside $p's night $start-$end"
done

echo "== make-apt-repo: $V, then $NEXT"
mkdir -m 700 "$T/gnupg"
export GNUPGHOME=$T/gnupg
newkey() { gpg --batch --quiet --passphrase '' --quick-gen-key "$1" ed25519 sign never 2>/dev/null
  gpg --batch --with-colons --list-secret-keys "$1" 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }'; }
key=$(newkey 'wegwijzer test archive <archive@invalid>')
other=$(newkey 'someone else <other@invalid>')
gpg --batch --export-secret-keys "$key" >"$T/archive.key"
dpkg-deb -R "$DEB" "$T/repack"
sed -i "s/^Version: .*/Version: $NEXT/" "$T/repack/DEBIAN/control"
dpkg-deb -b "$T/repack" "$T/wegwijzer_${NEXT}_$ARCH.deb" >/dev/null
mkdir "$T/www"
repo=$T/www/wegwijzer
# The site's key as an exported file, as make apt-repo APT_KEY=FILE passes it.
(unset GNUPGHOME; $TOOLS/make-apt-repo --repo "$repo" --key "$T/archive.key" --codename "$CODENAME" "$DEB")
(unset GNUPGHOME; $TOOLS/make-apt-repo --repo "$repo" --key "$T/archive.key" --codename "$CODENAME" "$DEB" "$T/wegwijzer_${NEXT}_$ARCH.deb")
for field in "Origin: wegwijzer" "Label: wegwijzer" "Suite: $CODENAME" "Codename: $CODENAME"; do
  grep -qx "$field" "$repo/dists/$CODENAME/InRelease" || fail "InRelease lacks '$field'"
done
versions() { sed -n 's/^Version: //p' "$repo/dists/$1/main/binary-$ARCH/Packages" | tr '\n' ' '; }
[ "$(versions "$CODENAME")" = "$NEXT " ] || fail "$CODENAME lists '$(versions "$CODENAME")', want $NEXT"
[ "$(versions "$CODENAME-previous")" = "$V " ] || fail "$CODENAME-previous lists '$(versions "$CODENAME-previous")', want $V"
gpg --batch --show-keys --with-colons "$repo/wegwijzer-archive-keyring.gpg" | grep -q "^fpr:.*:$key:" ||
  fail "wegwijzer-archive-keyring.gpg is not the signing key"
$TOOLS/make-apt-repo --repo "$repo" --key "$key" --codename "$CODENAME" "$DEB" 2>"$T/older.err" &&
  fail "make-apt-repo published $V over $NEXT"
grep -q "older than $NEXT" "$T/older.err" || fail "no reason given for refusing $V: $(cat "$T/older.err")"
# An upload cut in half, into an empty repository (so no version rule can refuse it): refused
# for what it is, and nothing published.
head -c $(($(stat -c %s "$DEB") / 2)) "$DEB" >"$T/cut.deb"
$TOOLS/make-apt-repo --repo "$T/cut-repo" --key "$key" --codename "$CODENAME" "$T/cut.deb" 2>"$T/cut.err" &&
  fail "make-apt-repo published a .deb cut in half"
grep -q "not a whole .deb" "$T/cut.err" || fail "no reason given for refusing a cut .deb: $(cat "$T/cut.err")"
[ ! -e "$T/cut-repo/dists" ] || fail "a refused upload left a repository behind"
# The same repository signed with a key the kiosk does not trust (a key id from GNUPGHOME).
cp -r "$repo" "$T/www/forged"
$TOOLS/make-apt-repo --repo "$T/www/forged" --key "$other" --codename "$CODENAME" "$T/wegwijzer_${NEXT}_$ARCH.deb" >/dev/null

# A repository that calls itself Debian's (Origin and Label Debian, this release's codename) with
# a newer version of an installed package: what 50unattended-upgrades' own patterns match.
mkdir -p "$T/www/debian/conf" "$T/probe/DEBIAN"
printf 'Origin: Debian\nLabel: Debian\nSuite: stable\nCodename: %s\nArchitectures: %s\nComponents: main\nSignWith: %s\n' \
  "$CODENAME" "$ARCH" "$key" >"$T/www/debian/conf/distributions"
probe_stanza() { # VERSION
  printf 'Package: origin-probe\nSection: misc\nPriority: optional\nArchitecture: all\n'
  printf 'Maintainer: test <test@invalid>\nDescription: probe\nVersion: %s\n' "$1"
}
probe_stanza 1.1 >"$T/probe/DEBIAN/control"
dpkg-deb -b "$T/probe" "$T/origin-probe.deb" >/dev/null
reprepro --basedir "$T/www/debian" --silent includedeb "$CODENAME" "$T/origin-probe.deb"

echo "== served on 127.0.0.1"
python3 -u -m http.server --bind 127.0.0.1 --directory "$T/www" 0 >"$T/http.log" 2>&1 &
server=$!
port=''
for _ in $(seq 50); do
  port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$T/http.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || fail "the web server did not start: $(cat "$T/http.log")"
url=http://127.0.0.1:$port

# A private apt: APT_CONFIG is read before any apt.conf.d, so Dir::Etc::parts here keeps the
# machine's own configuration out (an -o on the command line comes too late for that).
# Usage: private_apt DIR; then APT_CONFIG=DIR/apt.conf apt-get ...
private_apt() {
  local d=$1
  mkdir -p "$d"/{apt.conf.d,sources.list.d,preferences.d,trusted.gpg.d,lists/partial,cache/archives/partial,state,log,dpkg/updates}
  cat >"$d/apt.conf" <<EOF
Dir::Etc::main "/dev/null";
Dir::Etc::parts "$d/apt.conf.d";
Dir::Etc::sourcelist "/dev/null";
Dir::Etc::sourceparts "$d/sources.list.d";
Dir::Etc::preferences "/dev/null";
Dir::Etc::preferencesparts "$d/preferences.d";
Dir::Etc::trusted "/dev/null";
Dir::Etc::trustedparts "$d/trusted.gpg.d";
Dir::State "$d/state";
Dir::State::Lists "$d/lists";
Dir::State::status "$d/dpkg/status";
Dir::Cache "$d/cache";
Dir::Log "$d/log";
Unattended-Upgrade::LogDir "$d/log";
Acquire::http::Proxy::127.0.0.1 "DIRECT";
EOF
  # This machine's packages, with wegwijzer $V and origin-probe 1.0 as if installed.
  awk 'BEGIN { RS = ""; ORS = "\n\n" } !/^Package: (wegwijzer|origin-probe)\n/' /var/lib/dpkg/status >"$d/dpkg/status"
  { echo "Package: wegwijzer"; dpkg-deb -f "$DEB" | sed '/^Package:/d; /^$/d'; echo "Status: install ok installed"; echo
    probe_stanza 1.0; printf 'Status: install ok installed\n\n'; } >>"$d/dpkg/status"
  touch "$d/dpkg/available"
}
# The shipped source, pointed at this server and a copy of the repository's key.
# Usage: add_source APT_DIR REPO_PATH
add_source() {
  cp "$repo/wegwijzer-archive-keyring.gpg" "$1/wegwijzer-archive-keyring.gpg"
  sed -e "s|^URIs: .*|URIs: $url/$2|" -e "s|^Suites: .*|Suites: $CODENAME $CODENAME-previous|" \
    -e "s|^Signed-By: .*|Signed-By: $1/wegwijzer-archive-keyring.gpg|" \
    $SHIPPED/wegwijzer.sources >"$1/sources.list.d/wegwijzer.sources"
}
update() { APT_CONFIG=$1/apt.conf apt-get update 2>&1; }

echo "== apt-get update: the signature is checked"
private_apt "$T/forged-apt"
add_source "$T/forged-apt" forged
if out=$(update "$T/forged-apt"); then echo "$out"; fail "apt accepted a repository signed with another key"; fi
grep -qE "NO_PUBKEY|is not signed" <<<"$out" || { echo "$out"; fail "apt refused, but not for the signature"; }
echo "apt-repo: a repository signed with another key is refused"

A=$T/apt
private_apt "$A"
add_source "$A" wegwijzer
out=$(update "$A") || { echo "$out"; fail "apt-get update"; }
grep -E "^(W|E):" <<<"$out" && fail "apt-get update warned"
grep -q "$CODENAME InRelease" <<<"$out" || { echo "$out"; fail "no InRelease fetched"; }
policy=$(APT_CONFIG=$A/apt.conf apt-cache policy wegwijzer)
grep -q "Candidate: $NEXT$" <<<"$policy" || { echo "$policy"; fail "apt's candidate is not $NEXT"; }
grep -q "$url/wegwijzer $CODENAME-previous/main" <<<"$policy" || { echo "$policy"; fail "$V is not offered from $CODENAME-previous"; }
echo "apt-repo: signature verified; candidate $NEXT, $V from $CODENAME-previous"

echo "== the shipped rollback pin"
sed "s/^Pin: version VERSION$/Pin: version $V/" $SHIPPED/wegwijzer-rollback.pref >"$A/preferences.d/wegwijzer-rollback.pref"
policy=$(APT_CONFIG=$A/apt.conf apt-cache policy wegwijzer)
grep -q "Candidate: $V$" <<<"$policy" || { echo "$policy"; fail "the pin does not make $V the candidate"; }
rm "$A/preferences.d/wegwijzer-rollback.pref"

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: unattended-upgrade needs root (CI runs as root): sudo tests/package/test_apt_repo.sh $BUILD"
  machine_apt | diff -u "$T/machine.before" - || fail "the machine's own apt changed"
  echo "apt-repo: ok without unattended-upgrade"
  exit 0
fi
echo "== unattended-upgrade --dry-run, the shipped configuration on Debian's"
printf 'Types: deb\nURIs: %s/debian\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
  "$url" "$CODENAME" "$A/wegwijzer-archive-keyring.gpg" >"$A/sources.list.d/debian-probe.sources"
out=$(update "$A") || { echo "$out"; fail "apt-get update with the Debian-like repository"; }
cp /usr/share/unattended-upgrades/50unattended-upgrades "$A/apt.conf.d/"
# Sets upgraded to what unattended-upgrade would upgrade, space-separated; its log in uu.log.
# unattended-upgrade opens its cache as python-apt's Cache(rootdir="/"), which reads
# /etc/apt/apt.conf.d again and takes /var/lib/dpkg/status whatever the configuration says; so it
# runs in a mount namespace of its own where the private folders lie over those (and over its
# kept-back list). The machine's own mounts do not change.
upgraded=''
dry_run() {
  mkdir -p "$A/uu-state"
  APT_CONFIG=$A/apt.conf PRIVATE=$A timeout 120 unshare --mount --propagation private sh -ec '
    mount --bind "$PRIVATE/apt.conf.d" /etc/apt/apt.conf.d
    mount --bind "$PRIVATE/dpkg" /var/lib/dpkg
    mount --bind "$PRIVATE/uu-state" /var/lib/unattended-upgrades
    if [ -e /etc/apt/apt.conf ]; then mount --bind /dev/null /etc/apt/apt.conf; fi
    exec unattended-upgrade --dry-run -d' >"$T/uu.log" 2>&1 ||
    { cat "$T/uu.log"; fail "unattended-upgrade --dry-run"; }
  upgraded=$(sed -n 's/^Packages that will be upgraded: *//p' "$T/uu.log")
}
# Debian's configuration alone: the check below can tell the two apart.
dry_run
[ "$upgraded" = origin-probe ] || { cat "$T/uu.log"; fail "Debian's own patterns do not pick origin-probe: '$upgraded'"; }
cp $SHIPPED/51wegwijzer-unattended-upgrades $SHIPPED/21wegwijzer-auto-upgrades "$A/apt.conf.d/"
dry_run
[ "$upgraded" = wegwijzer ] || { cat "$T/uu.log"; fail "the shipped configuration does not pick wegwijzer alone: '$upgraded'"; }
grep -q "Allowed origins are: origin=wegwijzer,label=wegwijzer,codename=$CODENAME$" "$T/uu.log" ||
  { cat "$T/uu.log"; fail "allowed origins are not ours alone"; }
echo "apt-repo: unattended-upgrade picks wegwijzer $NEXT from origin wegwijzer, nothing from origin Debian"
sed "s/^Pin: version VERSION$/Pin: version $V/" $SHIPPED/wegwijzer-rollback.pref >"$A/preferences.d/wegwijzer-rollback.pref"
dry_run
[ -z "$upgraded" ] || { cat "$T/uu.log"; fail "unattended-upgrade does not keep to the pin: '$upgraded'"; }
echo "apt-repo: with the rollback pin, unattended-upgrade keeps $V"
machine_apt | diff -u "$T/machine.before" - || fail "the machine's own apt changed"
echo "apt-repo: ok"
