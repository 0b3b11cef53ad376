#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset, build-fuzz/) and runs each
# for SECONDS (default 60), one at a time, from a copy of its seed corpus in
# tests/fuzz/corpus/<target>/ (the repository is never written).  Fails on
# the first crash, leak, timeout or sanitizer report, and leaves the input
# that caused it in build-fuzz/fuzz-artifacts/.  TARGETS="a b" runs only
# those.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${JOBS:-$(nproc)}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"

bin_dir=build-fuzz/tests/fuzz
artifacts=build-fuzz/fuzz-artifacts
mkdir -p "$artifacts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

targets="${TARGETS:-$(cd tests/fuzz && ls -- *_fuzz.cpp | sed 's/\.cpp$//')}"
status=0
for target in $targets; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  cp -- tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  log="$work/$target.log"
  echo "fuzz: $target for ${seconds}s"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a leak or a
  # runaway allocation fails rather than swapping the machine.
  if ! "$bin_dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=4096 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
      "$corpus" >"$log" 2>&1; then
    echo "fuzz: $target FAILED; its log:"
    tail -n 80 "$log"
    ls -l "$artifacts"/"$target"-* 2>/dev/null || true
    status=1
    continue
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -n 2 || true
done
exit "$status"
