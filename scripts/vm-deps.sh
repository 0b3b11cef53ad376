#!/usr/bin/env bash
# Installs what an emulated test machine (tests/vm/run.sh) needs, from
# Debian 12 packages; a no-op when everything is there.
#   scripts/vm-deps.sh aarch64   make test-aarch64: the arm64 architecture
#                                for multiarch, the cross compiler, the arm64
#                                builds of the libraries xtrace links,
#                                qemu-system-aarch64 and cpio
#   scripts/vm-deps.sh x86_64    make test-i386: qemu-system-x86_64 and cpio
#                                (the native build is the one tested)
set -euo pipefail
arch=${1:?usage: scripts/vm-deps.sh aarch64|x86_64}

foreign=""
case $arch in
  aarch64)
    # CLI11 and nlohmann-json are header-only and Architecture: all, so the
    # host's packages serve the cross build.
    packages=(g++-aarch64-linux-gnu libfmt-dev:arm64 libunwind-dev:arm64 libgtest-dev:arm64
              libcli11-dev nlohmann-json3-dev qemu-system-arm cpio)
    foreign=arm64
    ;;
  x86_64) packages=(qemu-system-x86 cpio) ;;
  *) echo "vm-deps: no emulated machine for $arch (aarch64, x86_64)" >&2; exit 2 ;;
esac
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

fresh_index=0
if [ -n "$foreign" ] && ! dpkg --print-foreign-architectures | grep -qx "$foreign"; then
  echo "vm-deps: adding the $foreign architecture"
  $sudo dpkg --add-architecture "$foreign"
  $sudo apt-get update -q
  fresh_index=1
fi
# shellcheck source=scripts/missing-packages.sh
. "$(dirname "$0")/missing-packages.sh"
missing_packages "${packages[@]}"
[ ${#missing[@]} -eq 0 ] && exit 0

echo "vm-deps: installing ${missing[*]}"
[ $fresh_index = 1 ] || $sudo apt-get update -q
# Without --no-install-recommends qemu-system-* pulls in a desktop's worth
# of GUI packages (~190).
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
