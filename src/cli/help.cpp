// The texts of -h and -V.  Every option xtrace accepts has its line here and
// its entry in man/xtrace.1.
#include <fmt/format.h>

#include "xtrace/options.hpp"

#ifndef XTRACE_VERSION
#define XTRACE_VERSION "0.0.0"
#endif

namespace xtrace {

std::string help_text(const std::string& program_name) {
  return fmt::format(
      R"(Usage: {0} [OPTIONS] PROG [ARGS]
   or: {0} [OPTIONS] -p PID [-p PID]... [PROG [ARGS]]

Trace the system calls PROG makes, in strace's format.

Startup:
  -p PID, --attach=PID
                 trace the running process PID (repeatable; also
                 -p "PID PID" and -p PID,PID); with -f all its threads
  -u USER, --user=USER
                 run PROG as USER (name, or UID:GID without lookups);
                 xtrace must run as root
  -E VAR=VAL, --env=VAR=VAL
                 put VAR=VAL in PROG's environment (repeatable)
  -E VAR, --env=VAR
                 remove VAR from PROG's environment
  --argv0=NAME   run PROG with NAME as its argv[0]

Tracing:
  -f, --follow-forks
                 also trace the threads and processes PROG creates
  -ff, --follow-forks --output-separately
                 with -o FILE: one file FILE.PID per task
  -b execve, --detach-on=execve
                 detach from a process when it calls execve (except the
                 first exec of PROG)
  -D, --daemonize[=grandchild]
                 run the tracer as a grandchild, not as PROG's parent
  -DD, --daemonize=pgroup
                 ... in a separate process group
  -DDD, --daemonize=session
                 ... in a separate session
  -I N, --interruptible=N
                 when SIGINT/SIGTERM/SIGHUP/SIGQUIT/SIGPIPE stop xtrace:
                 1 anywhere (at once, no clean detach), 2 waiting (default:
                 detach cleanly), 3 never (ignored; default with -o FILE PROG),
                 4 never_tstp (also ^Z; default with -D)
  --kill-on-exit kill all tracees if xtrace is killed
                 (not with -p)
  --seccomp-bpf  stop only at the traced calls (seccomp-bpf filter); on by
                 default for PROG with -f and -e trace= narrower than all
  --no-seccomp-bpf
                 stop at every call, as without a filter

Output format:
  -a COLUMN, --columns=COLUMN
                 start " = RESULT" at COLUMN (default 40; 0: right after
                 the call)
  -i, --instruction-pointer
                 print the instruction pointer at the time of each call:
                 [00007f0123456789] read(...)
  -k, --stack-trace[=symbol]
                 print the caller's stack after each call (and signal),
                 innermost first, functions named from .symtab:
                  > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x14) [0x114a04]
  --stack-trace-frame-limit=LIMIT
                 print at most LIMIT frames of a stack (default 256)
  -s STRSIZE, --string-limit=STRSIZE
                 limit the length of printed strings to STRSIZE bytes
                 (default 32); paths are always printed whole
  -x, --strings-in-hex=non-ascii
                 print strings with non-printable bytes in hex
  -xx, --strings-in-hex[=all]
                 print all strings in hex
  --strings-in-hex=non-ascii-chars
                 escape non-printable bytes in hex instead of octal
  -y, --decode-fds[=path]
                 print the paths of file descriptors: 3</etc/passwd>
  -yy, --decode-fds=all
                 also socket endpoints (AF_UNIX: peer inode and bound path),
                 devices and pidfds
  --decode-fds=SET, -e decode-fds=SET
                 the fd details to show: path, socket, dev, pidfd, all, none
  -v, --no-abbrev
                 print structures and environments unabbreviated
  -X FORMAT, --const-print-style=FORMAT
                 print constants as raw numbers, abbrev (names, default) or
                 verbose (numbers with names in comments)
  -n, --syscall-number
                 print the syscall number before each line
  -N, --arg-names
                 print argument names: openat(dirfd=AT_FDCWD, ...)
  -e abbrev=SET, --abbrev=SET
                 abbreviate the structures of the syscalls in SET
  -e verbose=SET, --verbose=SET
                 dereference the structures of the syscalls in SET only
  -e raw=SET, --raw=SET
                 print the arguments of the syscalls in SET undecoded
  --always-show-pid
                 prefix every line with its pid, also with one task
  -Y, --decode-pids=comm
                 print the command name after each pid: in the line's
                 prefix, arguments, results and si_pid ([pid  123<nginx>],
                 kill(124<sh>, SIGTERM), getpid() = 123<nginx>)
  --decode-pids=pidns
                 also print pids of a tracee in another pid namespace as
                 xtrace numbers them: getpid() = 1 /* 4321 in strace's PID NS */
  --decode-pids=SET, -e decode-pids=SET
                 SET: comm, pidns, all or none (a later -Y or
                 --decode-pids replaces an earlier one)
  -e namespace=new, --namespace[=new]
                 print the namespace ids that the tracee enters (clone,
                 clone3, unshare, setns): = 0 (user:[4026532840])
  -e read=SET, --read=SET
                 dump all data read from the descriptors in SET in hex
  -e write=SET, --write=SET
                 dump all data written to the descriptors in SET in hex

Output:
  -o FILE, --output=FILE
                 send the trace to FILE instead of stderr;
                 -o '|COMMAND' pipes it to a shell command
  -A, --output-append-mode
                 append to the -o FILE instead of truncating it
  --json, --output-format=json
                 write JSON lines instead of strace's text, one object per
                 event (with -c: the summary as one JSON document); the
                 schema is doc/xtrace-json.schema.json
  --output-format=text
                 strace's text (the default)
  --timeline=FILE
                 also write a Chrome trace-event file for Perfetto or
                 chrome://tracing: one track per thread, one slice per call
  --color[=WHEN]
                 colorize output; WHEN is auto (a terminal, unless
                 NO_COLOR is set; the default), always, or never
  --slow=DURATION
                 in colour, highlight the result and -T time of calls that
                 took longer than DURATION (10ms, 1.5s; a bare number is us)

Filtering:
  -e trace=SET, --trace=SET, -e SET
                 trace only the syscalls in SET: names, numbers, /REGEX,
                 %file %desc %network %process %signal %ipc %memory %creds
                 %clock %stat %lstat %fstat %%stat %statfs %fstatfs
                 %%statfs %pure, all, none; !SET inverts, ?NAME ignores
                 unknown names, NAME@64/@32/@x32 picks a personality
  -e status=SET, --status=SET
                 show only calls that are successful, failed, unfinished,
                 unavailable or detached
  -z, --successful-only   same as -e status=successful
  -Z, --failed-only, --failing-only
                 same as -e status=failed
  -e signal=SET, --signal=SET, --signals=SET
                 show only the signals in SET
  -P PATH, --trace-path=PATH
                 show only calls that touch PATH (or its realpath) by name
                 or through a descriptor open on it; repeatable
  -e trace-fds=SET, --trace-fds=SET
                 show only calls on the descriptors in SET: numbers, all,
                 none, !SET inverts; with -P, calls either one selects
  --syscall-limit=LIMIT
                 detach all tracees after LIMIT shown syscalls
  -q             suppress messages about attaching and detaching
  -qq            also "+++ exited with N +++" lines
  -qqq           suppress all suppressible messages
  -e quiet=SET, --quiet[=SET], --silence[=SET], --silent[=SET]
                 suppress attach, exit (exits), path-resolution,
                 personality or thread-execve (superseded) messages;
                 without SET: attach,personality
  -e kvm=vcpu, --secontext
                 not supported: refused with a message naming them

Time:
  -t, -tt, -ttt  prefix lines with the time of day (-tt: with us; -ttt: epoch)
  --absolute-timestamps[=[format:]none|time|unix[,[precision:]s|ms|us|ns]]
                 the general form of -t (also --timestamps)
  -r, --relative-timestamps[=s|ms|us|ns]
                 prefix lines with the time since the previous line
  -T, --syscall-times[=s|ms|us|ns]
                 show the time spent in each call

Summary:
  -c, --summary-only      count time, calls and errors per syscall (and
                          injected calls, with inject= rules); print the
                          table at the end instead of the trace
  -C, --summary           the table and the trace
  -w, --summary-wall-clock
                          count wall-clock time instead of CPU time
  -S KEY, --summary-sort-by=KEY
                          sort by time, min-time, max-time, avg-time, calls,
                          errors, name, nothing, wall-total/min/max/avg
  -U COLS, --summary-columns=COLS
                          name, calls, errors, injected, time-percent,
                          total-time, avg-time, min-time, max-time, wall-total,
                          wall-avg, wall-min, wall-max, and latency p50 p90 p95
                          p99 p99.9
  -O TIME, --summary-syscall-overhead=TIME
                          subtract TIME (s, ms, us, ns; a bare number is
                          microseconds, as in strace) from each call
  --summary-interval=TIME also print the table for every TIME of tracing
  --summary-by=process|thread
                          one table per process or thread

Tampering:
  -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=NAME]
            [:delay_enter=DELAY][:delay_exit=DELAY]
            [:poke_enter=@argN=HEX,...][:poke_exit=@argN=HEX,...]
            [:when=N|N+|N+STEP|N..M|N..M+STEP]
            [:prob=PERCENT][:seed=N][:path=GLOB][:fd=N][:short=N|N%]
  --inject=...   perform syscall tampering for the syscalls in SET
  -e fault=SET[:error=ERRNO][:when=EXPR][:prob=...][:path=...][:fd=...]
  --fault=...    synonym for -e inject with default ERRNO set to ENOSYS
  --seed=N       seed of the prob= rules (printed when not given)

Miscellaneous:
  -h, --help     print this help and exit
  -V, --version  print the version and exit
  -d, --debug    accepted for strace's sake; xtrace prints no debug output
  --tips[=...]   accepted; xtrace has no tips and says so on stderr

The exit status is PROG's; when PROG is killed by a signal, {0} kills
itself with the same signal.  On SIGINT, SIGTERM, SIGHUP or SIGQUIT
(and SIGPIPE on the output) {0} detaches from every tracee, which runs
on, prints "Process N detached", and dies of that signal; a PROG it
started is sent that signal first, as strace does.  With only -p, the
exit status is 0, or 1 when no process could be attached.
)",
      program_name);
}

std::string version_text() {
  // Compiled-in features: strace's words for what it has too (-k with
  // libunwind, demangled C++ names), then xtrace's own: the seccomp-bpf fast
  // path, --json, --timeline and --color.
  return fmt::format(
      "xtrace -- version {}\n"
      "Copyright (c) 2026 The xtrace developers.\n"
      "This is free software; see the source for copying conditions.  There is NO\n"
      "warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n"
      "\n"
      "Optional features enabled: stack-trace=libunwind stack-demangle seccomp-bpf json "
      "timeline color\n",
      XTRACE_VERSION);
}

}  // namespace xtrace
