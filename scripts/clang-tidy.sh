#!/usr/bin/env bash
# clang-tidy (.clang-tidy's checks) over every source file in src/, with the
# default build's compile_commands.json; fails on any warning.  Configures
# the default build and generates the syscall tables when they are not there
# yet (nothing else needs building).  JOBS=N (default 2) runs N at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JOBS:-2}"

cmake --preset default >/dev/null
cmake --build --preset default --target xtrace_tables >/dev/null

# The build's -Werror would turn clang's own compiler warnings (which GCC,
# the project's compiler, decides) into errors here: only the checks count.
run-clang-tidy -quiet -p build -j "$jobs" -extra-arg=-Wno-error "$(pwd)/src/.*\.cpp$" \
  >build/clang-tidy.log 2>&1 && status=0 || status=$?
# run-clang-tidy echoes each file's command line; the findings are the rest.
grep -E 'warning:|error:' build/clang-tidy.log | sort -u || true
if [ "$status" -ne 0 ]; then
  echo "clang-tidy: failed (build/clang-tidy.log has everything)"
  exit 1
fi
echo "clang-tidy: clean"
