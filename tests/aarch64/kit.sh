#!/usr/bin/env bash
# Fetches what the emulated arm64 machine boots besides the test binaries:
# Debian's cloud arm64 kernel (no modules needed: PL011 console, devtmpfs,
# PSCI power-off are built in) and a static busybox for the tests' sh, cat,
# ls...  Its socket-diagnostics modules are kept too (-yy asks the kernel
# about sockets; the cloud kernel builds those as modules).  Both come from
# Debian's archive with apt-get download; the kernel's
# exact package is resolved through the metapackage, whose dependency moves
# with security updates.
#   tests/aarch64/kit.sh DIR    -> DIR/vmlinuz, DIR/busybox, DIR/modules/*.ko
#                                  (kept once there)
set -euo pipefail
dir=$1
# In the order they load: tcp_diag and udp_diag need inet_diag.
modules=(unix_diag netlink_diag inet_diag tcp_diag udp_diag)
[ -s "$dir/vmlinuz" ] && [ -s "$dir/busybox" ] && [ -s "$dir/modules/udp_diag.ko" ] && exit 0

kernel=$(apt-cache depends linux-image-cloud-arm64:arm64 |
         awk '/Depends: linux-image-/ { print $2; exit }')
if [ -z "$kernel" ]; then
  echo "kit: linux-image-cloud-arm64:arm64 is unknown to apt (run scripts/aarch64-deps.sh)" >&2
  exit 1
fi
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt-get download drops to the _apt user where it can.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
echo "kit: downloading $kernel and busybox-static:arm64"
(cd "$tmp" && apt-get download -q "$kernel" busybox-static:arm64)
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
cp "$tmp"/root/boot/vmlinuz-* "$dir/vmlinuz"
cp "$tmp/root/bin/busybox" "$dir/busybox"
mkdir -p "$dir/modules"
for m in "${modules[@]}"; do
  find "$tmp/root/lib/modules" -name "$m.ko" -exec cp {} "$dir/modules/" \;
  [ -s "$dir/modules/$m.ko" ] || { echo "kit: $kernel has no $m.ko" >&2; exit 1; }
done
printf '%s\n' "${modules[@]}" > "$dir/modules/order"
echo "$kernel" > "$dir/kernel-package"
