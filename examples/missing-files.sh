#!/usr/bin/env bash
# Which files did a program look for and not find?  The classic "it can't
# find its config file" question, answered from the trace.
#   examples/missing-files.sh ls /nonexistent
set -euo pipefail
xtrace=${XTRACE:-$(dirname "$0")/../build/xtrace}
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
status=0
"$xtrace" -o "$trace" "$@" || status=$?
grep -E '= -1 ENOENT ' "$trace" | sed -E 's/^[a-z0-9_]+\((AT_FDCWD, )?"([^"]*)".*/\2/' | sort | uniq -c | sort -rn
exit "$status"
