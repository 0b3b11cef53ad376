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
# Only xtrace and the benchmark's programs, two jobs: the machine is shared.
# Two steps: the first re-runs cmake if a CMakeLists.txt changed, before
# which make may not know the bench_programs target yet.
cmake --build "$build" -j2 --target xtrace >&2
cmake --build "$build" -j2 --target bench_programs >&2
exec python3 "$here/benchmark.py" "$@"
