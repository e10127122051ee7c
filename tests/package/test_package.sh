#!/usr/bin/env bash
# The Debian package as a site gets it (make package first): lintian, then, as root, install,
# the installed kiosk (--check with no arguments, the watchdog, the session script), the unit
# (systemd-analyze verify, and its security score at most 5.0), an upgrade that keeps a site's
# edited profile and state, remove, and purge, which must leave the machine as it was.
# Usage: tests/package/test_package.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
ARCH=$(dpkg --print-architecture)
DEB=$(ls "$BUILD"/wegwijzer_*_"$ARCH".deb | head -1)
VERSION=$(dpkg-deb -f "$DEB" Version)
fail() { echo "FAIL: $*"; exit 1; }

echo "== lintian $DEB"
lintian --fail-on error "$DEB"
# The appliance logs lifecycle events only: the unit and the session script never pass the test
# flags that log a visitor's places and choices (--log-visits) or every button (--log-items);
# the profiles ship 0640.
for f in ./lib/systemd/system/wegwijzer.service ./usr/libexec/wegwijzer/session; do
  text=$(dpkg-deb --fsys-tarfile "$DEB" | tar -xOf - "$f")
  [ -n "$text" ] || fail "$f is not in the package"
  grep -qE -- '--log-(visits|items|latency)|--tour' <<<"$text" && fail "$f passes a test flag"
done
dpkg-deb -c "$DEB" | awk '$NF ~ /^\.\/etc\/wegwijzer\/.*\.toml$/ && $1 != "-rw-r-----" { bad = 1; print } END { exit bad }' ||
  fail "a profile is not shipped 0640"

# The libraries the kiosk opens on first use (platform/lazy/lazy_lib.h) are in no ELF header, so
# dpkg-shlibdeps cannot see them: the package must name them itself.
depends=$(dpkg-deb -f "$DEB" Depends)
for lib in libespeak-ng1 libpcaudio0 libcurl4 libarchive13; do
  grep -qE "(^|, )$lib(t64)?( |,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: installing, upgrading and purging the package needs root (CI runs as root);"
  echo "         run 'sudo make test' or: sudo tests/package/test_package.sh $BUILD"
  exit 0
fi
if dpkg-query -W -f='${Status}' wegwijzer 2>/dev/null | grep -q installed; then
  fail "wegwijzer is already installed on this machine; this test would remove it"
fi

OUT=$(mktemp -d)
before() { # what the package may touch, to compare after purge
  { getent passwd wegwijzer || true; getent group wegwijzer || true
    ls -d /etc/wegwijzer /var/lib/wegwijzer /var/cache/wegwijzer /etc/pam.d/wegwijzer \
      /usr/share/wegwijzer 2>/dev/null || true
    find /etc/systemd/system -name 'wegwijzer*' 2>/dev/null || true
    dpkg-statoverride --list | grep wegwijzer || true; } | sort
}
before >"$OUT/before"
cleanup() {
  dpkg --purge wegwijzer >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
install_deb() { # apt as a site would; nothing else may come with it (make test-deps has it all)
  local deb extra
  deb=$(realpath "$1")
  extra=$(apt-get install -s --no-install-recommends "$deb" 2>/dev/null | awk '/^Inst / && $2 != "wegwijzer" { print $2 }')
  [ -z "$extra" ] || fail "installing the package would also install: $extra (add them to TEST_DEPS)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
    >"$OUT/apt.log" 2>&1 || { cat "$OUT/apt.log"; fail "apt install $1"; }
}

echo "== install $VERSION"
install_deb "$DEB"
uid=$(id -u wegwijzer) || fail "no user wegwijzer"
[ "$uid" -lt 1000 ] || fail "wegwijzer is no system user (uid $uid)"
[ "$(stat -c '%U:%G %a' /var/lib/wegwijzer)" = "wegwijzer:wegwijzer 750" ] || fail "state folder: $(stat -c '%U:%G %a' /var/lib/wegwijzer)"
[ -L /etc/systemd/system/graphical.target.wants/wegwijzer.service ] || fail "the unit is not enabled"
# The profiles hold the admin PIN's hash: root:wegwijzer 0640, for the shipped ones and the
# one the kiosk runs.
for f in /etc/wegwijzer/kiosk.toml /etc/wegwijzer/profiles/*.toml; do
  [ "$(stat -c '%U:%G %a' "$f")" = "root:wegwijzer 640" ] || fail "$f: $(stat -c '%U:%G %a' "$f") (want root:wegwijzer 640)"
done
conffiles=$(dpkg-query -W -f='${Conffiles}' wegwijzer)
for f in /etc/wegwijzer/kiosk.toml /etc/wegwijzer/profiles/beurs.toml /etc/pam.d/wegwijzer; do
  grep -q "$f" <<<"$conffiles" || fail "$f is no conffile"
done

echo "== the installed kiosk finds its profile and content with no arguments"
check=$(cd / && runuser -u wegwijzer -- wegwijzer --check) || { echo "$check"; fail "wegwijzer --check"; }
echo "$check"
grep -q "^ok: /etc/wegwijzer/kiosk.toml and /usr/share/wegwijzer/layouts" <<<"$check" || fail "not the installed paths"
for p in /etc/wegwijzer/profiles/*.toml; do
  (cd / && wegwijzer --check --config "$p" >/dev/null) || fail "--check --config $p"
done

echo "== systemd-analyze verify"
systemd-analyze verify /lib/systemd/system/wegwijzer.service 2>&1 | tee "$OUT/verify.log"
# Without systemd as PID 1 (a container) verify cannot load the units this one is ordered after;
# anything about our own unit is a failure.
if grep -v -E "^(.*: )?Unit (plymouth-quit-wait|getty@tty1|systemd-user-sessions)\.service not found\.?$" "$OUT/verify.log" | grep -q .; then
  fail "systemd-analyze verify reported problems"
fi
# The unit's exposure (0 safe .. 10 unsafe); the hardened unit must stay at 5.0 or below.
score=$(systemd-analyze security --offline=yes /lib/systemd/system/wegwijzer.service 2>&1 |
  sed -n 's/.*Overall exposure level for wegwijzer.service: \([0-9.]*\).*/\1/p')
echo "package: systemd-analyze security score=$score"
awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 5.0) }' || fail "exposure score '$score' is above 5.0"

echo "== the installed kiosk under the watchdog, and the installed session script"
tests/e2e/test_watchdog.sh /usr/bin/wegwijzer
tests/e2e/test_session.sh /usr/bin/wegwijzer /usr/libexec/wegwijzer/session

echo "== upgrade keeps the site's profile and state"
sed -i 's/^idle_timeout = 90/idle_timeout = 120  # site: edited/' /etc/wegwijzer/kiosk.toml
grep -q "site: edited" /etc/wegwijzer/kiosk.toml || fail "could not edit the profile"
echo marker >/var/lib/wegwijzer/site-marker
NEXT="$VERSION+upgradetest"
(cd "$BUILD" && cpack -G DEB -D CPACK_PACKAGE_VERSION="$NEXT" -B "$OUT/next" >/dev/null)
install_deb "$OUT/next/wegwijzer_${NEXT}_$ARCH.deb"
[ "$(dpkg-query -W -f='${Version}' wegwijzer)" = "$NEXT" ] || fail "not upgraded to $NEXT"
grep -q "site: edited" /etc/wegwijzer/kiosk.toml || fail "the upgrade replaced the edited profile"
[ ! -e /etc/wegwijzer/kiosk.toml.dpkg-dist ] || fail "the upgrade asked about the profile"
[ -f /var/lib/wegwijzer/site-marker ] || fail "the upgrade lost the state folder"
[ "$(id -u wegwijzer)" = "$uid" ] || fail "the upgrade changed the user"
[ -L /etc/systemd/system/graphical.target.wants/wegwijzer.service ] || fail "the upgrade disabled the unit"
[ "$(stat -c '%U:%G %a' /etc/wegwijzer/kiosk.toml)" = "root:wegwijzer 640" ] || fail "the upgrade changed the profile's mode"
(cd / && wegwijzer --check >/dev/null) || fail "--check after the upgrade"

echo "== remove keeps profile, state and user; purge removes them"
dpkg --remove wegwijzer >/dev/null
[ ! -e /usr/bin/wegwijzer ] || fail "remove left the binary"
grep -q "site: edited" /etc/wegwijzer/kiosk.toml || fail "remove deleted the profile"
id -u wegwijzer >/dev/null || fail "remove deleted the user"
# What systemd's CacheDirectory= and Mesa make on a kiosk that ran: purge removes that too.
mkdir -p /var/cache/wegwijzer/mesa_shader_cache && echo x >/var/cache/wegwijzer/mesa_shader_cache/index
dpkg --purge wegwijzer >/dev/null
before >"$OUT/after"
diff -u "$OUT/before" "$OUT/after" || fail "purge left the machine changed"
if dpkg-query -W -f='${Status}' wegwijzer 2>/dev/null | grep -q installed; then fail "still installed"; fi
echo "package: ok ($DEB: lintian, install, --check, verify, watchdog, session, upgrade, purge)"
