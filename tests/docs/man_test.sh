#!/usr/bin/env bash
# The manual page: groff finds nothing to warn about (-ww), it renders at
# 80 columns without a warning, and every long option --help lists has its
# entry in it.
#   tests/docs/man_test.sh MAN_PAGE XTRACE
set -uo pipefail
page=$1
xtrace=$2
status=0
warnings=$(groff -man -ww -z "$page" 2>&1)
if [ -n "$warnings" ]; then
  echo "man_test: groff -man -ww warns:" >&2
  echo "$warnings" >&2
  status=1
fi
warnings=$(MANWIDTH=80 MAN_KEEP_FORMATTING=0 man -l "$page" 2>&1 >/dev/null)
if [ -n "$warnings" ]; then
  echo "man_test: man at 80 columns warns:" >&2
  echo "$warnings" >&2
  status=1
fi
# --help names xtrace, whatever path it runs from, within 80 columns.
help=$("$xtrace" --help)
if [[ $help != "Usage: xtrace [OPTIONS] PROG [ARGS]"* ]]; then
  echo "man_test: --help does not start with 'Usage: xtrace [OPTIONS] PROG [ARGS]'" >&2
  status=1
fi
wide=$(awk 'length > 80' <<<"$help")
if [ -n "$wide" ]; then
  echo "man_test: --help lines wider than 80 columns:" >&2
  echo "$wide" >&2
  status=1
fi
# The man page writes "--name" as "\-\-name".
text=$(sed 's/\\-/-/g' "$page")
for opt in $("$xtrace" --help | grep -oE -- '--[a-z][-a-z0-9]*' | sort -u); do
  if ! grep -qF -- "$opt" <<<"$text"; then
    echo "man_test: $opt is in --help but not in $page" >&2
    status=1
  fi
done
exit $status
