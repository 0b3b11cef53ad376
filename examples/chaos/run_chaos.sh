#!/usr/bin/env bash
# Chaos test in CI: run a program under xtrace's fault injection and fail
# when it crashes or loses data silently.  Usage:
#
#   examples/chaos/run_chaos.sh XTRACE SAFE_WRITE
#
# Each run must end one of two ways: exit 0 with the file complete and
# correct, or exit 1 with an error message and no file.  Anything else (exit
# 0 with a short or corrupt file, a crash, a hang) fails the script.  A
# failing random run prints the seed that replays it exactly.
set -euo pipefail

xtrace=${1:?usage: run_chaos.sh XTRACE SAFE_WRITE}
program=${2:?usage: run_chaos.sh XTRACE SAFE_WRITE}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/data.bin"
bytes=65536
failures=0

expected() { head -c "$bytes" < <(yes abcdefghijklmnopqrstuvwxyz | tr -d '\n'); }
expected > "$work/expected"

# run NAME WANT XTRACE-ARGS...: WANT is "ok" (must succeed), "fail" (must
# fail cleanly with ENOSPC) or "any" (either, but cleanly).
run() {
  local name=$1 want=$2
  shift 2
  rm -f "$out"
  local status=0
  timeout 60 "$xtrace" -o "$work/trace" "$@" "$program" "$out" "$bytes" \
    > "$work/stdout" 2> "$work/stderr" || status=$?
  local verdict=""
  if [ "$status" -eq 0 ]; then
    cmp -s "$out" "$work/expected" || verdict="exit 0 but the file is wrong: data lost silently"
    [ "$want" = fail ] && verdict="${verdict:-exit 0 although every write was meant to fail}"
  elif [ "$status" -eq 1 ]; then
    grep -q 'No space left on device' "$work/stderr" || verdict="exit 1 without saying why"
    [ -e "$out" ] && verdict="${verdict:-exit 1 but a partial file was left behind}"
    [ "$want" = ok ] && verdict="${verdict:-failed although no error was injected}"
  else
    verdict="exit status $status (crash or hang)"
  fi
  # A rule that never fired would make a fixed run prove nothing.
  if [ "$want" != any ] && grep -q 'never matched\|never fired' "$work/stderr"; then
    verdict="${verdict:-an inject rule never fired}"
  fi
  if [ -n "$verdict" ]; then
    echo "FAIL $name: $verdict"
    sed 's/^/  stderr: /' "$work/stderr"
    failures=$((failures + 1))
  else
    echo "ok   $name (exit $status, $(grep -c INJECTED "$work/trace" || true) injected)"
  fi
}

# Every write to the data file fails: the program must say so and clean up.
run "ENOSPC on every write" fail -e trace=write -e inject=write:error=ENOSPC:path="$out"
# The third write fails, after two went through (the error message, the
# fourth write, gets out).
run "ENOSPC on the third write" fail -e trace=write -e inject=write:error=ENOSPC:when=3
# Short writes: the program must loop until all is written.
run "short writes" ok -e trace=write -e inject=write:short=1000:path="$out"
# Random faults, reproducible: same seed, same injected calls.
for seed in 1 2 3 4 5; do
  run "random faults, seed $seed" any --seed="$seed" -e trace=write \
    -e inject=write:error=ENOSPC:path="$out":prob=10 -e inject=write:short=50%:path="$out":prob=50
done

if [ "$failures" -ne 0 ]; then
  echo "$failures chaos run(s) failed"
  exit 1
fi
echo "all chaos runs passed"
