#!/usr/bin/env bash
# Fails when a C/C++ source of the repository is not clang-format clean
# (.clang-format at the top).  Run by ctest as `clang_format_clean`.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format="${CLANG_FORMAT:-clang-format}"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.c' '*.h')
else
  mapfile -t files < <(find src include tests bench examples -name '*.[ch]' -o -name '*.[ch]pp')
fi
"$clang_format" --dry-run -Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
