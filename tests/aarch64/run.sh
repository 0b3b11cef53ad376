#!/usr/bin/env bash
# Runs a suite of the aarch64 build's tests in an emulated arm64 machine:
# qemu-system-aarch64 -M virt (TCG), Debian's arm64 kernel, and an
# initramfs holding the cross-built binaries at the same absolute paths as
# in the build folder (the integration tests have them compiled in).  qemu's
# user mode cannot ptrace, hence a whole machine.  Exits with the suite's
# status: that of its first failing command, 124 on timeout, 125 when the
# machine never reported one.
#   tests/aarch64/run.sh BUILD SUITE    e.g. build-aarch64 tests/aarch64/full.suite
# SUITE has one command a line; @BUILD@ stands for the build folder and
# @EXCLUDED@ for the gtest filter of tests/aarch64/excluded.txt.
# Env: XTRACE_AARCH64_TIMEOUT (seconds, default 1800).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
suite=$2
timeout=${XTRACE_AARCH64_TIMEOUT:-1800}

for f in xtrace tests/aarch64_init tests/xtrace_unit_tests tests/xtrace_integration_tests; do
  [ -x "$build/$f" ] || { echo "run.sh: $build/$f missing (cmake --build --preset aarch64)" >&2; exit 2; }
done
"$here/kit.sh" "$build/vm"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,dev,proc,sys,tmp} "$root$build/tests/programs"
aarch64-linux-gnu-strip -o "$root/init" "$build/tests/aarch64_init"
cp "$build/vm/busybox" "$root/bin/busybox"
cp -r "$build/vm/modules" "$root/modules"
echo aarch64-guest > "$root/etc/hostname"
printf 'root:x:0:0:root:/tmp:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
  > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
# Without debug information the initramfs is a fifth of the size; .symtab
# stays (-k names functions from it).
for f in "$build"/{xtrace,tests/xtrace_unit_tests,tests/xtrace_integration_tests,tests/programs/*}; do
  aarch64-linux-gnu-strip --strip-debug -o "$root$f" "$f"
done

excluded=$(grep -v '^#' "$here/excluded.txt" | awk 'NF { print $1 }' | paste -sd: -)
# The tests call sh, cat, ls, touch... by name and a few by /bin path: the
# machine first links busybox's applets where they belong, and brings up
# the loopback interface (the socket tests connect over 127.0.0.1) and loads
# the socket-diagnostics modules (-yy).
{
  echo "/bin/busybox --install -s"
  echo "ip link set lo up"
  while read -r m; do echo "insmod /modules/$m.ko"; done < "$build/vm/modules/order"
  sed -e "s|@BUILD@|$build|g" -e "s|@EXCLUDED@|$excluded|g" "$suite"
} > "$root/suite"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet) > "$stage/initrd"

# pauth-impdef: pointer authentication stays on, but with qemu's cheap
# algorithm instead of QARMA, which makes the boot three times slower.
log=$stage/console.log
started=$(date +%s)
set +e
# --foreground: qemu stays in our process group, so a Ctrl-C ends it too.
timeout --foreground -k 5 "$timeout" qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on -smp 2 -m 1024 \
  -nographic -nic none -no-reboot -kernel "$build/vm/vmlinuz" -initrd "$stage/initrd" \
  -append "console=ttyAMA0 panic=-1 quiet rdinit=/init" < /dev/null 2>&1 |
  sed -u 's/\r$//' | tee "$log" | grep --line-buffered -v '^\[ *[0-9]*\.[0-9]*\] '
qemu_status=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - started))
status=$(sed -n 's/^xtrace-aarch64: STATUS=\([0-9]*\)$/\1/p' "$log" | tail -1)
if [ -n "$status" ]; then
  echo "run.sh: the arm64 machine ran $(basename "$suite") in ${elapsed} s (boot included): status $status"
  exit "$status"
elif [ "$qemu_status" = 124 ]; then
  echo "run.sh: timed out after $timeout s" >&2
  exit 124
fi
echo "run.sh: the arm64 machine gave no status (qemu: $qemu_status); its last lines:" >&2
tail -20 "$log" >&2
exit 125
