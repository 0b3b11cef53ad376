#!/usr/bin/env python3
"""The overhead benchmark (issue 12): every workload under every tracer
configuration, repeated in pairs, summarized as ONE Markdown table of
medians.  Run it through bench/run.sh; bench/README.md says how to read it.

Usage: benchmark.py [--smoke] [--runs N] [BUILD_DIR]

--smoke: one run of tiny workloads, every configuration, nothing written
to bench/results: what the `bench_smoke` ctest runs so this script cannot
rot.  Exits 1 when a traced run fails (its exit status differs from the
native run's), or when CI is set and the reference strace is missing.
"""
import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
RSS_ENV = "XTRACE_BENCH_RSS_FILE"  # read by peak_rss.c


@dataclass
class Workload:
    name: str
    command: list  # {bench} is the build's bench/ folder
    smoke: list  # the same, tiny, for --smoke


# Loop counts give a native run of about 0.05-0.1 s on the 2-core VM of
# bench/results, where a getpid costs ~4 us natively and ~40 us under any
# ptrace tracer; find and tar walk fixed trees, find being the longest.
# Together that keeps 5 runs of everything within 10 minutes.
WORKLOADS = [
    Workload("getpid loop", ["{bench}/syscall_loop", "10000"], ["{bench}/syscall_loop", "1000"]),
    Workload("pipe read/write", ["{bench}/pipe_loop", "5000"], ["{bench}/pipe_loop", "500"]),
    Workload("open/close", ["{bench}/open_loop", "5000"], ["{bench}/open_loop", "500"]),
    Workload("fork+exec true", ["{bench}/fork_exec", "10"], ["{bench}/fork_exec", "2"]),
    Workload("4 threads getpid", ["{bench}/thread_loop", "3000"], ["{bench}/thread_loop", "250"]),
    # What a tracer keeps per thread: its peak RSS, more than its time.
    Workload("2000 threads at once", ["{bench}/thread_crowd", "2000"],
             ["{bench}/thread_crowd", "50"]),
    Workload("find /usr/share", ["find", "/usr/share", "-name", "*.gz"],
             ["find", "/usr/share/misc", "-name", "*.gz"]),
    Workload("tar /usr/include", ["tar", "-cf", "/dev/null", "/usr/include"],
             ["tar", "-cf", "/dev/null", "/usr/include/linux/netfilter"]),
]


@dataclass
class Config:
    name: str
    tracer: str  # "", "floor", "strace" or "xtrace"
    args: list = field(default_factory=list)  # {out} is FILE
    rss: bool = False  # report the tracer's peak resident set
    needs: str = ""  # an option the tracer may not know: "n/a" without it


OUT = ["-o", "{out}"]
TEXT_CONFIG = "xtrace -f -o FILE"
JSON_CONFIG = "xtrace -f --json -o FILE"
OPENAT = ["-e", "trace=openat"]
CONFIGS = [
    Config("native", ""),
    Config("floor (bare_ptrace)", "floor"),
    Config("strace -f -o FILE", "strace", ["-f"] + OUT, rss=True),
    Config(TEXT_CONFIG, "xtrace", ["-f"] + OUT, rss=True),
    # JSON lines, the same events as the line above; the footer gives its
    # time over the text one's.
    Config(JSON_CONFIG, "xtrace", ["-f", "--json"] + OUT, rss=True, needs="--json"),
    Config("strace -c -f", "strace", ["-c", "-f"], rss=True),
    Config("xtrace -c -f", "xtrace", ["-c", "-f"], rss=True),
    Config("strace -f -e trace=openat -o FILE", "strace", ["-f"] + OPENAT + OUT),
    Config("strace -f --seccomp-bpf -e trace=openat -o FILE", "strace",
           ["-f", "--seccomp-bpf"] + OPENAT + OUT, needs="--seccomp-bpf"),
    Config("xtrace -f -e trace=openat -o FILE", "xtrace", ["-f"] + OPENAT + OUT),
    Config("xtrace -f --no-seccomp-bpf -e trace=openat -o FILE", "xtrace",
           ["-f", "--no-seccomp-bpf"] + OPENAT + OUT, needs="--no-seccomp-bpf"),
]


def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout
    except OSError:
        return "?"
    return out.splitlines()[0].strip() if out.strip() else "?"


def find_strace():
    """The reference strace and whether it is the reference (not just any)."""
    env = os.environ.get("XTRACE_REFERENCE_STRACE", "")
    if env:
        return (env, True) if os.access(env, os.X_OK) else ("", False)
    shared = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "reference", "strace-7.2"))
    if os.access(shared, os.X_OK):
        return shared, True
    return shutil.which("strace") or "", False


def accepts(tracer, option):
    """Whether a tracer accepts an option in the openat configuration,
    tried on `true`."""
    probe = [tracer, option, "-f", "-e", "trace=openat", "-o", os.devnull, "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class Runner:
    """Runs one command of one configuration and measures it."""

    def __init__(self, tools, tmp, timeout):
        self.tools = tools  # tracer kind -> binary ("" when absent)
        self.tmp = tmp
        self.timeout = timeout
        self.preload = tools["preload"]

    def argv(self, config, command):
        if not config.tracer:
            return command
        tracer = self.tools[config.tracer]
        if config.tracer == "floor":
            return [tracer] + command
        args = [a.replace("{out}", os.path.join(self.tmp, "trace.out")) for a in config.args]
        if config.rss:
            args = ["-E", "LD_PRELOAD"] + args  # the tracee runs without it
        return [tracer] + args + command

    def run(self, config, command):
        """(seconds, exit status, tracer peak RSS in KB or None)."""
        env = dict(os.environ)
        rss_file = os.path.join(self.tmp, "rss")
        if config.rss:
            env["LD_PRELOAD"] = self.preload
            env[RSS_ENV] = rss_file
        stderr_path = os.path.join(self.tmp, "stderr")
        with open(stderr_path, "wb") as stderr:
            start = time.perf_counter()
            proc = subprocess.Popen(self.argv(config, command), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=stderr, env=env)
            # A blocking wait: Popen.wait(timeout=) polls with sleeps of up
            # to 50 ms, which quantized every time measured.  The timer
            # kills a run that hangs.
            timer = threading.Timer(self.timeout, proc.kill)
            timer.start()
            status = proc.wait()
            seconds = time.perf_counter() - start
            if not timer.is_alive():
                status = "timeout"
            timer.cancel()
        rss = read_rss(rss_file, proc.pid) if config.rss else None
        for leftover in ("trace.out", "rss"):  # a trace of find is tens of MB
            if os.path.exists(os.path.join(self.tmp, leftover)):
                os.unlink(os.path.join(self.tmp, leftover))
        return seconds, status, rss

    def stderr_tail(self):
        with open(os.path.join(self.tmp, "stderr"), errors="replace") as f:
            return "".join(f.readlines()[-5:])


def read_rss(path, pid):
    """The VmHWM that the process `pid` (the tracer) wrote at its exit."""
    try:
        with open(path) as f:
            for line in f:
                who, kb = line.split()
                if int(who) == pid:
                    return int(kb)
    except OSError:
        pass
    return None


@dataclass
class Cell:
    seconds: list = field(default_factory=list)
    ratio_native: list = field(default_factory=list)  # per paired run
    ratio_floor: list = field(default_factory=list)
    ratio_text: list = field(default_factory=list)  # JSON row: over xtrace's text row
    rss: list = field(default_factory=list)
    state: str = ""  # "", "n/a" or "fail"


def measure(workload, command, runs, runner, available):
    """Paired runs: each repetition runs every configuration back to back,
    so drift in the machine's load hits all of them alike."""
    cells = {c.name: Cell(state="" if available[c.name] else "n/a") for c in CONFIGS}
    runner.run(CONFIGS[0], command)  # warms the page cache for find and tar
    for rep in range(runs):
        times = {}
        expected = None
        for config in CONFIGS:
            cell = cells[config.name]
            if cell.state:
                continue
            seconds, status, rss = runner.run(config, command)
            if expected is None:
                expected = status  # the native run's
            if status != expected:
                cell.state = "fail"
                print(f"FAIL {workload.name} / {config.name}: exit {status}, native {expected}\n"
                      f"  {' '.join(runner.argv(config, command))}\n{runner.stderr_tail()}",
                      file=sys.stderr)
                continue
            times[config.name] = seconds
            cell.seconds.append(seconds)
            if rss is not None:
                cell.rss.append(rss)
        native, floor = times.get("native"), times.get(CONFIGS[1].name)
        text = times.get(TEXT_CONFIG)
        if text and JSON_CONFIG in times:
            cells[JSON_CONFIG].ratio_text.append(times[JSON_CONFIG] / text)
        for name, seconds in times.items():
            if native:
                cells[name].ratio_native.append(seconds / native)
            if floor:
                cells[name].ratio_floor.append(seconds / floor)
        print(f"  {workload.name}: run {rep + 1}/{runs} done", file=sys.stderr)
    return cells


def table(results):
    lines = ["| workload | configuration | median s | spread | × native | × floor "
             "| tracer peak RSS KB |",
             "|---|---|--:|--:|--:|--:|--:|"]
    for workload, cells in results:
        for config in CONFIGS:
            cell = cells[config.name]
            if cell.state:
                row = [cell.state] * 5
            else:
                median = statistics.median(cell.seconds)
                spread = (max(cell.seconds) - min(cell.seconds)) / median if median else 0
                row = [f"{median:.3f}", f"{spread:.0%}",
                       ratio(cell.ratio_native, config.name == "native"),
                       ratio(cell.ratio_floor, config.tracer in ("", "floor")),
                       f"{statistics.median(cell.rss):,.0f}" if cell.rss else
                       ("?" if config.rss else "")]
            lines.append(f"| {workload.name} | {config.name} | " + " | ".join(row) + " |")
    lines += ["", "xtrace's JSON lines over its text (`--json -o FILE` ÷ `-o FILE`, the "
              "median of the paired runs' ratios):", ""]
    for workload, cells in results:
        json_cell = cells[JSON_CONFIG]
        lines.append(f"- {workload.name}: {ratio(json_cell.ratio_text, False) or json_cell.state}")
    return "\n".join(lines)


def ratio(values, blank):
    return "" if blank or not values else f"{statistics.median(values):.2f}"


def rss_check(runner, available):
    """Evidence that the RSS column is the tracer's alone: trace a tracee
    that fills a 256 MB buffer; its tracer must report far less."""
    touch = ["dd", "if=/dev/zero", "of=/dev/null", "bs=256M", "count=1"]
    found = []
    for config in CONFIGS:
        if config.rss and "-c" in config.args and available[config.name]:
            _, status, rss = runner.run(config, touch)
            if status != 0 or rss is None or rss >= 256 * 1024:
                sys.exit(f"peak RSS check failed for {config.name}: exit {status}, {rss} KB")
            found.append(f"{config.tracer} {rss:,} KB")
    return "tracer peak RSS with a tracee of 256 MB resident: " + ", ".join(found)


def header(tools, strace_version, runs, seccomp, smoke):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = first_line(["git", "-C", REPO_ROOT, "describe", "--always", "--dirty"])
    strace = f"`{tools['strace']}` ({strace_version})" if tools["strace"] else "none (n/a)"
    now = datetime.datetime.now(datetime.timezone.utc)
    return [
        f"# xtrace overhead benchmark{' (smoke run)' if smoke else ''}",
        "",
        f"- date: {now:%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} CPUs (nproc {first_line(['nproc'])}), {cpu}, "
        f"kernel {platform.release()}",
        f"- strace: {strace}",
        f"- xtrace: `{tools['xtrace']}`, commit {commit}; "
        + ("`--no-seccomp-bpf` accepted: its trace=openat default uses seccomp-bpf"
           if seccomp else "no `--no-seccomp-bpf`: its trace=openat row stops at every call"),
        f"- runs per cell: {runs}, paired (every configuration of a workload back to back "
        "per repetition); median wall time, spread = (max - min) / median, ratios = median "
        "of the per-repetition ratios",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    opts = parser.parse_args()
    runs = opts.runs or (1 if opts.smoke else 5)
    build = os.path.abspath(opts.build)

    strace, is_reference = find_strace()
    if (os.environ.get("CI") or os.environ.get("XTRACE_REQUIRE_REFERENCE")) and not is_reference:
        # The project's rule (tests/integration/run_command.cpp): in CI a
        # missing reference strace fails rather than skips.
        sys.exit("CI has no reference strace (XTRACE_REFERENCE_STRACE or ../shared/reference)")
    tools = {"floor": f"{build}/bench/bare_ptrace", "xtrace": f"{build}/xtrace",
             "strace": strace, "preload": f"{build}/bench/peak_rss.so"}
    for kind in ("floor", "xtrace", "preload"):
        if not os.path.exists(tools[kind]):
            sys.exit(f"{tools[kind]} is missing: build first (cmake --build {opts.build})")
    available = {}
    for config in CONFIGS:
        tracer = tools.get(config.tracer, "") if config.tracer else "native"
        available[config.name] = bool(tracer) and (not config.needs or
                                                   accepts(tracer, config.needs))

    with tempfile.TemporaryDirectory(prefix="xtrace-bench-") as tmp:
        runner = Runner(tools, tmp, timeout=60 if opts.smoke else 300)
        seccomp = any(available[c.name] for c in CONFIGS if c.needs == "--no-seccomp-bpf")
        lines = header(tools, first_line([strace, "--version"]) if strace else "",
                       runs, seccomp, opts.smoke)
        lines.append(f"- {rss_check(runner, available)}")
        results = []
        for workload in WORKLOADS:
            command = [a.replace("{bench}", f"{build}/bench")
                       for a in (workload.smoke if opts.smoke else workload.command)]
            print(f"{workload.name}: {' '.join(command)}", file=sys.stderr)
            results.append((workload, measure(workload, command, runs, runner, available)))

    report = "\n".join(lines) + "\n\n" + table(results) + "\n"
    print(report)
    if not opts.smoke:
        path = os.path.join(BENCH_DIR, "results",
                            f"{datetime.date.today():%Y-%m-%d}-{platform.node()}.md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(report)
        print(f"written to {os.path.relpath(path, REPO_ROOT)}", file=sys.stderr)
    failed = any(cell.state == "fail" for _, cells in results for cell in cells.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
