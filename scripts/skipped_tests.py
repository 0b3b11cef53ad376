#!/usr/bin/env python3
"""Prints which tests of the last ctest run in BUILD were skipped, and why
(the reason GTEST_SKIP or a test script gave), so that `make test` says
it: a comparison with strace that skipped tested nothing.

Usage: scripts/skipped_tests.py BUILD"""
import os
import re
import sys

TEST = re.compile(r"^\d+/\d+ Testing: (.*?)(?:  # GetParam\(\).*)?$")
GTEST_REASON = re.compile(r"^\S+:\d+: Skipped$")


def skipped(log):
    """(name, reason) of every skipped test in a LastTest.log."""
    found = []
    name, lines = None, []
    for line in log.splitlines() + ["0/0 Testing: <end>"]:
        m = TEST.match(line)
        if not m:
            lines.append(line)
            continue
        if name is not None and any("[  SKIPPED ]" in l or l.startswith("SKIP:") for l in lines):
            reason = ""
            for i, l in enumerate(lines):
                if GTEST_REASON.match(l) and i + 1 < len(lines):
                    reason = lines[i + 1].strip()
                    break
                if l.startswith("SKIP:"):
                    reason = l[len("SKIP:"):].strip()
                    break
            found.append((name, reason or "no reason given"))
        name, lines = m.group(1), []
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = os.path.join(sys.argv[1], "Testing", "Temporary", "LastTest.log")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            log = f.read()
    except OSError as e:
        sys.exit(f"skipped_tests: {path}: {e.strerror}")
    found = skipped(log)
    if not found:
        print("skipped tests: none")
        return
    print(f"skipped tests: {len(found)}")
    for name, reason in found:
        print(f"  {name}: {reason}")


if __name__ == "__main__":
    main()
