// The command line of the process model: -f/-ff, --follow-forks,
// --output-separately, -p/--attach, -D/--daemonize, -u/--user,
// -b/--detach-on, -I/--interruptible, --kill-on-exit, --always-show-pid,
// -Y/--decode-pids, and -q/-qq/-qqq.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "xtrace/options.hpp"

namespace xtrace::cli {

// What CLI11 collects; checked and turned into ProcessOptions afterwards.
struct ProcessCli {
  int f_count = 0;                         // -f, -ff
  bool follow_forks = false;               // --follow-forks
  bool output_separately = false;          // --output-separately
  std::vector<std::string> attach;         // -p, --attach
  int d_count = 0;                         // -D, -DD, -DDD
  std::vector<std::string> daemonize;      // --daemonize[=grandchild|pgroup|pgrp|session]
  std::vector<std::string> user;           // -u, --user
  std::vector<std::string> detach_on;      // -b, --detach-on
  std::vector<std::string> interruptible;  // -I, --interruptible
  bool kill_on_exit = false;
  bool seccomp_bpf = false;     // --seccomp-bpf
  bool no_seccomp_bpf = false;  // --no-seccomp-bpf
  bool always_show_pid = false;
  bool decode_pid_comm = false;    // -Y (applied in order, see qualify_decode_pids)
  int q_count = 0;                 // -q, -qq, -qqq
  std::vector<std::string> env;    // -E, --env
  std::vector<std::string> argv0;  // --argv0
};

void add_process_options(CLI::App& app, ProcessCli& cli);
// -e decode-pids=SET, --decode-pids=SET, and -Y (as "comm").
void qualify_decode_pids(std::string_view value, Options& opts);
// Checks the collected values (strace's messages) and stores them in
// opts.process and opts.quiet.  Call after the -e qualifiers are applied.
void apply_process_options(const ProcessCli& cli, Options& opts);
// After everything else: the defaults that depend on other options
// ("-o FILE PROG" implies -q and -I never).
void finish_process_options(Options& opts);

// "-p 1,2 3": strace accepts commas, spaces, tabs and newlines (pidof, pgrep).
std::vector<pid_t> parse_pid_list(const std::string& text, pid_t self);

}  // namespace xtrace::cli
