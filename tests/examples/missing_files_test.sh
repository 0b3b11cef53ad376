#!/usr/bin/env bash
# examples/missing-files.sh lists the paths a program looked for and did
# not find, most asked first, and exits with the program's status.
#   tests/examples/missing_files_test.sh MISSING_FILES_SH XTRACE
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
out=$(XTRACE=$2 "$1" cat "$dir/no-such-config" "$dir/no-such-config" "$dir/also-missing" 2>/dev/null)
status=$?
[ "$status" -eq 1 ] || { echo "missing_files_test: status $status, want cat's 1" >&2; exit 1; }
want=$(printf '      2 %s\n      1 %s' "$dir/no-such-config" "$dir/also-missing")
got=$(grep -F "$dir/" <<<"$out")
[ "$got" = "$want" ] || { printf 'missing_files_test: got\n%s\nwant\n%s\n' "$got" "$want" >&2; exit 1; }
