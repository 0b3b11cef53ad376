#!/usr/bin/env bash
# The `bench_smoke` ctest: the benchmark driver still runs end to end, so it
# cannot rot between full runs.  One tiny run of every workload under every
# configuration; no timing is checked, only that every run succeeded (the
# driver exits 1 otherwise) and that the table has a row for each workload
# and configuration.  Usage: bench/smoke_test.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: smoke_test.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
out=$("$here/run.sh" --smoke "$build")
printf '%s\n' "$out"
configurations=11
for workload in "getpid loop" "pipe read/write" "open/close" "fork+exec true" \
  "4 threads getpid" "find /usr/share" "tar /usr/include"; do
  rows=$(grep -cF "| $workload | " <<<"$out" || true)
  if [ "$rows" -ne "$configurations" ]; then
    echo "bench_smoke: $rows rows for '$workload', expected $configurations" >&2
    exit 1
  fi
done
if ! grep -q '^- getpid loop: [0-9]' <<<"$out"; then
  echo "bench_smoke: no JSON-over-text ratio in the footer" >&2
  exit 1
fi
if grep -q '| fail |' <<<"$out"; then
  echo "bench_smoke: a configuration failed" >&2
  exit 1
fi
echo "bench_smoke: every workload and configuration ran"
