#!/usr/bin/env bash
# What the booted machine's later checks need from the host, made fresh for each run:
#  - the same package with a higher version (V.1) for the upgrade check;
#  - a minisign key pair and signed content bundles of the shipped content, versions 2..N+1, for
#    the power cuts during content updates (src/deploy/tools/make-bundle).
# Usage: material.sh BUILD_DIR DEB OUTDIR N   (OUTDIR/upgrade/*.deb, OUTDIR/bundles/<v>/, OUTDIR/key.pub)
set -euo pipefail
BUILD=$1 DEB=$2 OUT=$3 N=${4:-10}
cd "$(dirname "$0")/../.."
rm -rf "$OUT" && mkdir -p "$OUT/upgrade" "$OUT/bundles" "$OUT/content"
next=$(dpkg-deb -f "$DEB" Version).1
# The same package with a higher version (repacked, so it works for a .deb of any release).
dpkg-deb -R "$DEB" "$OUT/repack"
sed -i "s/^Version: .*/Version: $next/" "$OUT/repack/DEBIAN/control"
dpkg-deb -b "$OUT/repack" "$OUT/upgrade/wegwijzer_${next}_amd64.deb" >/dev/null
rm -rf "$OUT/repack"
minisign -G -W -p "$OUT/key.pub" -s "$OUT/key.key" >/dev/null
cp -r layouts assets "$OUT/content/"
expires=$(date -u -d '+30 days' +%F)
for v in $(seq 2 $((N + 1))); do
  mkdir -p "$OUT/bundles/$v"
  src/deploy/tools/make-bundle --key "$OUT/key.key" --version "$v" --expires "$expires" \
    --content "$OUT/content" --out "$OUT/bundles/$v/bundle.tar.gz" --wegwijzer "$BUILD/wegwijzer" >/dev/null
done
echo "vm: material ready (upgrade to $next, bundles 2..$((N + 1)))"
