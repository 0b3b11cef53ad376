#!/usr/bin/env bash
# Fetches what an emulated test machine boots besides the test binaries:
# Debian's cloud kernel for the architecture (no modules needed: the
# serial console, devtmpfs and power-off are built in; the amd64 one also
# has IA32 emulation, which make test-i386 is about) and a static busybox
# for the tests' sh, cat, ls...  Its socket-diagnostics modules are kept
# too (-yy asks the kernel about sockets; the cloud kernels build those as
# modules).  Both come from Debian's archive with apt-get download; the
# kernel's exact package is resolved through the metapackage, whose
# dependency moves with security updates.
#   tests/vm/kit.sh ARCH DIR    ARCH aarch64 or x86_64
#                               -> DIR/vmlinuz, DIR/busybox, DIR/modules/*.ko
#                                  (kept once there)
set -euo pipefail
arch=$1
dir=$2
# Debian's names: the foreign arm64 packages need their suffix, the native
# amd64 ones must not have it.
case $arch in
  aarch64) meta=linux-image-cloud-arm64:arm64 busybox=busybox-static:arm64 ;;
  x86_64) meta=linux-image-cloud-amd64 busybox=busybox-static ;;
  *) echo "kit: no emulated machine for $arch" >&2; exit 2 ;;
esac
# In the order they load: tcp_diag and udp_diag need inet_diag.
modules=(unix_diag netlink_diag inet_diag tcp_diag udp_diag)
[ -s "$dir/vmlinuz" ] && [ -s "$dir/busybox" ] && [ -s "$dir/modules/udp_diag.ko" ] && exit 0

kernel=$(apt-cache depends "$meta" | awk '/Depends: linux-image-/ { print $2; exit }')
if [ -z "$kernel" ]; then
  echo "kit: $meta is unknown to apt (run scripts/vm-deps.sh $arch)" >&2
  exit 1
fi
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt-get download drops to the _apt user where it can.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
echo "kit: downloading $kernel and $busybox"
(cd "$tmp" && apt-get download -q "$kernel" "$busybox")
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
