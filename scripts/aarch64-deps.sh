#!/usr/bin/env bash
# Installs what the aarch64 cross build and its emulated test machine need
# (make test-aarch64), from Debian 12 packages: the arm64 architecture for
# multiarch, the cross compiler, the arm64 builds of the libraries xtrace
# links, qemu-system-aarch64 and cpio.  A no-op when everything is there.
set -euo pipefail

# CLI11 and nlohmann-json are header-only and Architecture: all, so the
# host's packages serve the cross build.
packages=(g++-aarch64-linux-gnu libfmt-dev:arm64 libunwind-dev:arm64 libgtest-dev:arm64
          libcli11-dev nlohmann-json3-dev qemu-system-arm cpio)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

fresh_index=0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "aarch64-deps: adding the arm64 architecture"
  $sudo dpkg --add-architecture arm64
  $sudo apt-get update -q
  fresh_index=1
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "aarch64-deps: installing ${missing[*]}"
[ $fresh_index = 1 ] || $sudo apt-get update -q
# Without --no-install-recommends qemu-system-arm pulls in a desktop's worth
# of GUI packages (~190).
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
