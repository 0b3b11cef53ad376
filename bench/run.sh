#!/usr/bin/env bash
# The overhead benchmark in one command (bench/README.md):
#   bench/run.sh [--smoke] [--runs N] [BUILD_DIR]
# Builds the workload programs, then times every workload under every
# tracer configuration and prints one Markdown table of medians.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=build
skip=false
for arg in "$@"; do  # the one argument not an option, nor --runs's value
  if $skip; then skip=false; continue; fi
  case $arg in --runs) skip=true ;; -*) ;; *) build=$arg ;; esac
done
# Only the benchmark's targets and xtrace, two jobs: the machine is shared.
cmake --build "$build" -j2 --target xtrace bench_syscall_loop bench_pipe_loop \
  bench_open_loop bench_fork_exec bench_thread_loop bench_bare_ptrace bench_peak_rss >&2
exec python3 "$here/benchmark.py" "$@"
