#!/usr/bin/env bash
# Runs a suite of a build's tests in an emulated machine (qemu-system-*,
# TCG) booting Debian's cloud kernel from an initramfs that holds the
# build's binaries at the same absolute paths as in the build folder (the
# integration tests have them compiled in).  qemu's user mode cannot
# ptrace, hence a whole machine.  Two machines:
#   aarch64  the static cross build (build-aarch64), on arm64: make test-aarch64
#   x86_64   the native build (build), on a kernel with IA32 emulation,
#            which the build machine's lacks: make test-i386 (int $0x80)
# Exits with the suite's status: that of its first failing command, 124 on
# timeout, 125 when the machine never reported one.
#   tests/vm/run.sh ARCH BUILD SUITE    e.g. aarch64 build-aarch64 tests/vm/aarch64/full.suite
# SUITE has one command a line; @BUILD@ stands for the build folder and
# @EXCLUDED@ for the gtest filter of tests/vm/ARCH/excluded.txt.
# Env: XTRACE_VM_TIMEOUT (seconds, default 1800); XTRACE_REFERENCE_STRACE
# and XTRACE_REQUIRE_REFERENCE reach a native machine (see below).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
arch=$1
build=$(cd "$2" && pwd)
suite=$3
timeout=${XTRACE_VM_TIMEOUT:-1800}

case $arch in
  aarch64) strip=aarch64-linux-gnu-strip ;;
  x86_64) strip="strip" ;;
  *) echo "run.sh: no emulated machine for $arch (aarch64, x86_64)" >&2; exit 2 ;;
esac
# A native build is dynamically linked (a cross build is static): its
# shared libraries and the loader go into the machine too, and so can the
# host's reference strace.
native=0
[ "$arch" = "$(uname -m)" ] && native=1

for f in xtrace tests/vm_init tests/xtrace_unit_tests tests/xtrace_integration_tests; do
  [ -x "$build/$f" ] || { echo "run.sh: $build/$f missing (build it first)" >&2; exit 2; }
done
"$here/kit.sh" "$arch" "$build/vm"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,dev,proc,sys,tmp} "$root$build/tests/programs"
$strip -o "$root/init" "$build/tests/vm_init"
cp "$build/vm/busybox" "$root/bin/busybox"
cp "$here/no-skips.sh" "$root/no-skips.sh"
cp -r "$build/vm/modules" "$root/modules"
echo "$arch-guest" > "$root/etc/hostname"
printf 'root:x:0:0:root:/tmp:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
  > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"

# Copies FILE's shared libraries and loader (as ldd names them, at the
# same paths: the loader finds them in its default folders without an
# ld.so.cache) into the machine.  Static files have none.
copy_libraries() {
  [ $native = 1 ] || return 0
  ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
    while read -r lib; do
      [ -e "$root$lib" ] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
}

# Without debug information the initramfs is a fifth of the size; .symtab
# stays (-k names functions from it).
for f in "$build"/{xtrace,tests/xtrace_unit_tests,tests/xtrace_integration_tests,tests/programs/*}; do
  $strip --strip-debug -o "$root$f" "$f"
  copy_libraries "$f"
done

# The reference strace for the comparison tests: the host's, at the same
# (resolved) path, when the host names one and can run it there.  Without
# one, a comparison in the machine fails (CI=1 there), as on the host under
# XTRACE_REQUIRE_REFERENCE; only when the host requires nothing are the
# comparisons of ARCH/comparisons.txt left out instead, and said so.
exports=()
excluded_files=()
[ -f "$here/$arch/excluded.txt" ] && excluded_files+=("$here/$arch/excluded.txt")
if [ $native = 1 ] && [ -n "${XTRACE_REFERENCE_STRACE:-}" ]; then
  reference=$XTRACE_REFERENCE_STRACE
  if [ -x "$reference" ]; then
    reference=$(readlink -f "$reference")
    mkdir -p "$root$(dirname "$reference")"
    cp "$reference" "$root$reference"
    copy_libraries "$reference"
  fi
  exports+=("XTRACE_REFERENCE_STRACE=$reference")
elif [ -f "$here/$arch/comparisons.txt" ]; then
  if [ -n "${XTRACE_REQUIRE_REFERENCE:-}${CI:-}" ]; then
    echo "run.sh: no XTRACE_REFERENCE_STRACE to take into the machine: its comparisons will fail" >&2
  else
    echo "run.sh: no XTRACE_REFERENCE_STRACE (a strace 7.x): leaving out" \
      "$(grep -v '^#' "$here/$arch/comparisons.txt" | awk 'NF { print $1 }' | paste -sd' ' -)"
    excluded_files+=("$here/$arch/comparisons.txt")
  fi
fi
[ -n "${XTRACE_REQUIRE_REFERENCE:-}" ] && exports+=("XTRACE_REQUIRE_REFERENCE=$XTRACE_REQUIRE_REFERENCE")

excluded=""
if [ ${#excluded_files[@]} -gt 0 ]; then
  excluded=$(grep -hv '^#' "${excluded_files[@]}" | awk 'NF { print $1 }' | paste -sd: -)
fi
# The tests call sh, cat, ls, touch... by name and a few by /bin path: the
# machine first links busybox's applets where they belong, and brings up
# the loopback interface (the socket tests connect over 127.0.0.1) and loads
# the socket-diagnostics modules (-yy).
{
  for e in "${exports[@]}"; do echo "export $e"; done
  echo "/bin/busybox --install -s"
  echo "ip link set lo up"
  while read -r m; do echo "insmod /modules/$m.ko"; done < "$build/vm/modules/order"
  sed -e "s|@BUILD@|$build|g" -e "s|@EXCLUDED@|$excluded|g" "$suite"
} > "$root/suite"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet) > "$stage/initrd"

case $arch in
  # pauth-impdef: pointer authentication stays on, but with qemu's cheap
  # algorithm instead of QARMA, which makes the boot three times slower.
  aarch64) qemu=(qemu-system-aarch64 -M virt -cpu "max,pauth-impdef=on") console=ttyAMA0 ;;
  # Debian 12's 6.1 has IA32 emulation on, with no boot option for it (the
  # ia32_emulation= parameter came with 6.7).
  x86_64) qemu=(qemu-system-x86_64 -cpu max) console=ttyS0 ;;
esac
log=$stage/console.log
started=$(date +%s)
set +e
# --foreground: qemu stays in our process group, so a Ctrl-C ends it too.
timeout --foreground -k 5 "$timeout" "${qemu[@]}" -smp 2 -m 1024 \
  -nographic -nic none -no-reboot -kernel "$build/vm/vmlinuz" -initrd "$stage/initrd" \
  -append "console=$console panic=-1 quiet rdinit=/init" < /dev/null 2>&1 |
  sed -u 's/\r$//' | tee "$log" | grep --line-buffered -v '^\[ *[0-9]*\.[0-9]*\] '
qemu_status=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - started))
status=$(sed -n 's/^xtrace-vm: STATUS=\([0-9]*\)$/\1/p' "$log" | tail -1)
if [ -n "$status" ]; then
  echo "run.sh: the $arch machine ran $(basename "$suite") in ${elapsed} s (boot included): status $status"
  exit "$status"
elif [ "$qemu_status" = 124 ]; then
  echo "run.sh: timed out after $timeout s" >&2
  exit 124
fi
echo "run.sh: the $arch machine gave no status (qemu: $qemu_status); its last lines:" >&2
tail -20 "$log" >&2
exit 125
