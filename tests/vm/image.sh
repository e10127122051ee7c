#!/usr/bin/env bash
# A Debian disk image with the kiosk package installed, for the booted-machine test (run.sh).
# The base (Debian, its kernel, systemd and every package the .deb depends on) is made once by
# mmdebstrap from the archive this machine's apt uses, and cached as a tarball keyed on the
# release and the package list; each run unpacks it, installs the .deb with dpkg (nothing is
# downloaded then) and writes an ext4 image with the kernel and initrd beside it.
# Usage: image.sh DIST DEB OUTDIR   (root; CACHE=dir, default build/vm)
# Leaves OUTDIR/disk.raw, OUTDIR/vmlinuz, OUTDIR/initrd.img.
set -euo pipefail
DIST=$1 DEB=$(realpath "$2") OUTDIR=$3
cd "$(dirname "$0")/../.."
CACHE=${CACHE:-build/vm}
mkdir -p "$CACHE" "$OUTDIR"

# What the test image needs beside the package: a kernel that boots under QEMU, systemd as PID 1,
# the guest agent the test drives the machine through, networking for content updates, and
# sqlite3 for the integrity check of the usage figures. No desktop, no display manager.
BASE="linux-image-amd64 systemd-sysv udev dbus kmod procps iproute2 qemu-guest-agent sqlite3 apt"
# The .deb's Depends, first alternative of each, without versions.
deps=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/[[:space:]]//g' | grep -v '^$' | sort -u)
list=$(printf '%s\n' $BASE $deps | sort -u | tr '\n' ' ')
key=$(printf '%s\n%s\n' "$DIST" "$list" | sha256sum | cut -c1-16)
base=$CACHE/base-$DIST-$key.tar

# The archive this machine's apt uses (deb822 or one-line sources), else Debian's own.
mirror=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources \
  /etc/apt/sources.list 2>/dev/null | head -1 | awk '{ print $2 }' || true)
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian*}/debian-security

if [ ! -s "$base" ]; then
  echo "vm: building the $DIST base image (cached as $base)"
  start=$(date +%s)
  rm -f "$CACHE"/base-"$DIST"-*.tar
  # In a mount namespace of its own: whatever it mounts goes away with it, even when killed.
  unshare --mount --propagation private mmdebstrap --quiet --mode=root --variant=minbase --include="${list// /,}" \
    --customize-hook='chroot "$1" apt-get clean' \
    "$DIST" "$base.part.tar" \
    "deb $mirror $DIST main" "deb $mirror $DIST-updates main" "deb $security $DIST-security main"
  mv "$base.part.tar" "$base"
  echo "vm: base image built in $(($(date +%s) - start)) s"
fi

root=$OUTDIR/root
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
cp "$DEB" "$root/tmp/wegwijzer.deb"
# dpkg in the image, in a mount namespace of its own: /proc and /dev go away with it.
unshare --mount --propagation private sh -ec '
  mount -t proc proc "$1/proc"; mount --rbind /dev "$1/dev"
  chroot "$1" dpkg -i /tmp/wegwijzer.deb' - "$root" >"$OUTDIR/dpkg.log" 2>&1 ||
  { cat "$OUTDIR/dpkg.log"; echo "vm: dpkg -i of the package failed in the image"; exit 1; }
rm -f "$root/tmp/wegwijzer.deb"

# The machine: one disk, a name, DHCP on QEMU's user network (content updates come from the
# host's loopback through it). Nothing here is a login: the test talks to the guest agent.
echo "/dev/vda / ext4 rw,errors=remount-ro 0 1" >"$root/etc/fstab"
echo kiosk-vm >"$root/etc/hostname"
mkdir -p "$root/etc/systemd/network"
printf '[Match]\nName=en* eth*\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/50-dhcp.network"
ln -sf /lib/systemd/system/systemd-networkd.service \
  "$root/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"
# Boot into the graphical target, where the kiosk's unit is wanted.
ln -sf /lib/systemd/system/graphical.target "$root/etc/systemd/system/default.target"

cp -L "$root/vmlinuz" "$OUTDIR/vmlinuz"
cp -L "$root/initrd.img" "$OUTDIR/initrd.img"
rm -f "$OUTDIR/disk.raw"
mkfs.ext4 -q -L root -d "$root" "$OUTDIR/disk.raw" 3G
rm -rf "$root"
echo "vm: image ready ($DIST, $(dpkg-deb -f "$DEB" Version))"
