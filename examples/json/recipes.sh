#!/usr/bin/env bash
# xtrace --json | jq recipes, run by the test suite (ctest json_example):
#   examples/json/recipes.sh [XTRACE]
# Each recipe traces a small shell job and answers one question with jq.
set -euo pipefail
xtrace="${1:-xtrace}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
job="cat /etc/hostname /nonexistent-config >/dev/null 2>&1; echo hello >$work/out; true"
"$xtrace" --json -f -o "$work/trace.json" sh -c "$job"

echo "== the five slowest calls (name, duration in µs)"
jq -r 'select(.type == "syscall" and .duration_ns != null)
       | [.syscall, (.duration_ns / 1000 | floor)] | @tsv' "$work/trace.json" |
  sort -t$'\t' -k2,2nr | head -5

echo "== failed opens, by path"
failed=$(jq -r 'select(.type == "syscall" and (.syscall == "openat" or .syscall == "open")
                       and .ret == -1)
                | "\(.errno)\t\(.args[] | select(.name == "pathname") | .value.str)"' \
  "$work/trace.json")
echo "$failed" | tail -5
grep -q $'ENOENT\t/nonexistent-config' <<<"$failed"

echo "== bytes written per fd"
written=$(jq -r 'select(.type == "syscall" and .syscall == "write" and .ret >= 0)
                 | "\(.args[0].value.fd)\t\(.ret)"' "$work/trace.json" |
  awk -F'\t' '{ sum[$1] += $2 } END { for (fd in sum) print fd "\t" sum[fd] }')
echo "$written"
# cat's 3 bytes to /dev/null and echo's 6 to out, both on fd 1.
awk -F'\t' '$1 == 1 && $2 >= 6 { ok = 1 } END { exit !ok }' <<<"$written"

echo "== the summary as JSON: calls per syscall"
"$xtrace" --json -c -o "$work/summary.json" sh -c "$job"
jq -r '.syscalls[] | "\(.syscall)\t\(.calls)"' "$work/summary.json" | head -5
jq -e '.total.calls > 0' "$work/summary.json" >/dev/null
echo "json recipes: ok"
