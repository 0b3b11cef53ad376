#!/usr/bin/env bash
# A timeline of a small parallel job, to open in ui.perfetto.dev or
# chrome://tracing, run by the test suite (ctest timeline_example):
#   examples/timeline/make-timeline.sh [XTRACE] [OUT.json]
set -euo pipefail
xtrace="${1:-xtrace}"
out="${2:-$(mktemp --suffix=.json)}"
"$xtrace" -f -o /dev/null --timeline="$out" \
  sh -c 'for i in 1 2 3; do (ls / >/dev/null; sleep 0.01) & done; wait'
# Three subshells and their commands: one track each, every slice closed.
tracks=$(jq '[.traceEvents[] | select(.ph == "X") | .tid] | unique | length' "$out")
slices=$(jq '[.traceEvents[] | select(.ph == "X")] | length' "$out")
echo "timeline: $out: $slices slices on $tracks threads"
[ "$tracks" -ge 4 ]
jq -e '[.traceEvents[] | select(.ph == "X") | .dur >= 0] | all' "$out" >/dev/null
jq -e '[.traceEvents[] | select(.ph == "M" and .name == "thread_name")] | length > 0' "$out" >/dev/null
echo "open it at https://ui.perfetto.dev (Open trace file)"
