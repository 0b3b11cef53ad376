#!/bin/sh
# The include paths keep decode's families apart (tests/CMakeLists.txt,
# Layering.*); a relative "../" include would walk around them.  None may
# exist in src/ or include/.
found=$(grep -rEn '^#[[:space:]]*include[[:space:]]*"\.\./' "$1/src" "$1/include")
if [ -n "$found" ]; then
  echo "relative parent includes bypass the layering:" >&2
  echo "$found" >&2
  exit 1
fi
