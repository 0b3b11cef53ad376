#!/usr/bin/env bash
# The .deb: `cpack -G DEB` from the build folder, unpacked into a scratch
# root with dpkg -x; the binary there is stripped and runs, the man page
# and the bash completion are where Debian looks for them, and the
# package depends on the shared libraries the binary needs.
#   tests/packaging/deb_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "deb_test: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log") ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$work/out" -maxdepth 1 -name 'xtrace_*.deb' | head -1)
[ -n "$deb" ] || fail "no xtrace_*.deb in $work/out"

root=$work/root
dpkg -x "$deb" "$root"
bin=$root/usr/bin/xtrace
[ -x "$bin" ] || fail "no usr/bin/xtrace in the package"
version=$("$bin" -V | head -1)
[[ $version == "xtrace -- version "* ]] || fail "xtrace -V printed: $version"
if readelf -S "$bin" | grep -q '\.debug_info'; then fail "usr/bin/xtrace is not stripped"; fi
"$bin" -e trace=exit_group true 2>"$work/trace" || fail "the packaged xtrace could not trace true"
grep -q '^exit_group(0) *= ?$' "$work/trace" || fail "unexpected trace: $(cat "$work/trace")"

for f in usr/share/man/man1/xtrace.1.gz usr/share/bash-completion/completions/xtrace \
         usr/share/doc/xtrace/xtrace-json.schema.json; do
  [ -f "$root/$f" ] || fail "no $f in the package"
done

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libfmt libunwind; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
echo "deb_test: $(basename "$deb") ok; Depends: $depends"
