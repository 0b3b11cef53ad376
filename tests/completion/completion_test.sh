#!/usr/bin/env bash
# The bash completion script: it sources without error and completes
# options, -e qualifiers, syscall names and %classes, signal names, pids
# and the traced command, as bash would call it.
#   tests/completion/completion_test.sh COMPLETION_SCRIPT XTRACE
set -uo pipefail
script=$1
xtrace=$2
COMP_WORDBREAKS=$' \t\n"\'><=;|&(:'
# shellcheck source=/dev/null
source "$script" || { echo "completion_test: sourcing $script failed" >&2; exit 1; }
complete -p xtrace >/dev/null || { echo "completion_test: no completion for xtrace" >&2; exit 1; }

failures=0
# complete LINE WANT: the replies for LINE (cursor at its end) include WANT.
complete_has() {
  local line=$1 want=$2
  COMP_LINE=$line
  COMP_POINT=${#line}
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *' ' ]] && COMP_WORDS+=("")
  COMP_WORDS[0]=$xtrace
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _xtrace
  local r
  for r in "${COMPREPLY[@]}"; do [[ $r == "$want" ]] && return 0; done
  echo "completion_test: '$line' does not offer '$want' (got: ${COMPREPLY[*]:0:8})" >&2
  failures=$((failures + 1))
}

complete_has "xtrace --follow-f" "--follow-forks"
complete_has "xtrace -e inj" "inject="
complete_has "xtrace -e trace=opena" "openat"
complete_has "xtrace -e trace=read,wri" "read,write"
complete_has "xtrace -e trace=!clo" "!close"
complete_has "xtrace --trace=%fi" "%file"
complete_has "xtrace -e signal=SIGUS" "SIGUSR1"
complete_has "xtrace -e status=fai" "failed"
complete_has "xtrace --color=al" "always"
complete_has "xtrace -p $$" "$$"
complete_has "xtrace -f ech" "echo"
complete_has "xtrace -o /tmp/out -f ls /us" "/usr"
exit $((failures > 0))
