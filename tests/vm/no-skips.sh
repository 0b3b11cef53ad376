#!/bin/sh
# Runs a gtest binary in an emulated machine and fails when one of its
# tests skipped, or when none ran.  A suite runs tests this way when that
# machine is the reason they can run at all (i386 calls need a kernel with
# IA32 emulation): a skip there would hide that they did not.
#   /no-skips.sh TEST_BINARY [GTEST_ARGS...]
# The machine's sh is busybox's, which has pipefail: the status is the test
# binary's, not tee's.
# shellcheck disable=SC3040
set -o pipefail
out=/tmp/no-skips.out
"$@" 2>&1 | tee "$out"
status=$?
[ $status -eq 0 ] || exit $status
if grep -q '^\[  SKIPPED \]' "$out"; then
  echo "no-skips: these tests skipped in the machine that exists to run them:"
  grep '^\[  SKIPPED \] .* ms)$' "$out"
  exit 1
fi
if ! grep -q '^\[  PASSED  \] [1-9]' "$out"; then
  echo "no-skips: no test ran"
  exit 1
fi
