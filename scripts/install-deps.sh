#!/usr/bin/env bash
# Installs what building and testing xtrace needs, from Debian 12 packages.
# A no-op when everything is already there.  clang and libclang-rt-dev
# (libFuzzer and the sanitizer runtimes) build the fuzz targets (make fuzz).
set -euo pipefail

packages=(build-essential cmake pkg-config python3 libfmt-dev libcli11-dev
          nlohmann-json3-dev libgtest-dev libunwind-dev man-db
          clang-format clang-tidy g++-aarch64-linux-gnu jq clang libclang-rt-dev)
# shellcheck source=scripts/missing-packages.sh
. "$(dirname "$0")/missing-packages.sh"
missing_packages "${packages[@]}"
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
