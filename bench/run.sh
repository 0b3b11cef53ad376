#!/usr/bin/env bash
# Overhead of xtrace against a native run, strace, and the bare ptrace floor,
# as ratios from one run of each.  Usage: bench/run.sh [BUILD_DIR] [N]
set -euo pipefail
build=${1:-build}
n=${2:-200000}
here=$(cd "$(dirname "$0")" && pwd)
strace_bin=${XTRACE_REFERENCE_STRACE:-}
[ -n "$strace_bin" ] || strace_bin=$here/../../shared/reference/strace-7.2
[ -x "$strace_bin" ] || strace_bin=$(command -v strace || true)

loop=$build/bench/syscall_loop
[ -x "$loop" ] || { echo "build first: cmake --build $build" >&2; exit 1; }

seconds() {  # seconds a command takes, its output thrown away
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

run_set() {  # label, then the workload command
  local label=$1; shift
  local native bare xt xtc st
  native=$(seconds "$@")
  bare=$(seconds "$build/bench/bare_ptrace" "$@")
  xt=$(seconds "$build/xtrace" -o /dev/null "$@")
  if [ -n "$strace_bin" ]; then st=$(seconds "$strace_bin" -o /dev/null "$@"); else st=""; fi
  printf '%-28s native %7.3fs  bare-ptrace %7.3fs  xtrace %7.3fs' "$label" "$native" "$bare" "$xt"
  [ -n "$st" ] && printf '  strace %7.3fs' "$st"
  printf '\n%-28s xtrace/native %6.1fx  xtrace/bare-ptrace %5.2fx' "" \
    "$(ratio "$xt" "$native")" "$(ratio "$xt" "$bare")"
  [ -n "$st" ] && printf '  xtrace/strace %5.2fx' "$(ratio "$xt" "$st")"
  printf '\n'
}

run_set "syscall_loop $n" "$loop" "$n"
run_set "ls -la /usr/bin" ls -la /usr/bin
