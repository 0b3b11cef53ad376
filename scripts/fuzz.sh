#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset, build-fuzz/) and runs each
# for SECONDS (default 60), one at a time, from a copy of its seed corpus in
# tests/fuzz/corpus/<target>/ (the repository is never written).  Fails on
# any crash, leak, hang or sanitizer report, and leaves the input that
# caused it in build-fuzz/fuzz-artifacts/.  TARGETS="a b" runs only those;
# FUZZ_SEED=0 takes a random seed instead of the fixed one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${JOBS:-$(nproc)}"
seed="${FUZZ_SEED:-1}"

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
  cp -- tests/fuzz/corpus/"$target"/* "$corpus"/
  log="$work/$target.log"
  echo "fuzz: $target for ${seconds}s"
  # A fixed seed: CI explores the same way each run, so a failure there is
  # the change's, not luck's.  -timeout: no input takes a second on an idle
  # machine, so 25 s is a hang even on a loaded one.  -rss_limit_mb: a
  # leak or a runaway allocation fails rather than swapping the machine.
  if ! "$bin_dir/$target" -seed="$seed" -max_total_time="$seconds" -timeout=25 \
      -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target-" "$corpus" >"$log" 2>&1; then
    echo "fuzz: $target FAILED; its log:"
    tail -n 80 "$log"
    ls -l "$artifacts"/"$target"-* 2>/dev/null || true
    status=1
    continue
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -n 2 || true
done
exit "$status"
