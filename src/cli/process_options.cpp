#include "process_options.hpp"

#include <unistd.h>

#include <climits>
#include <string_view>

#include <fmt/format.h>

#include "c_number.hpp"
#include "named_values.hpp"
#include "split_list.hpp"
#include "token_set.hpp"

namespace xtrace::cli {
namespace {

// strace's names for -I and --daemonize, beside their numbers.
constexpr NamedValue kInterruptible[] = {
    {"anywhere", 1}, {"always", 1}, {"waiting", 2}, {"never", 3}, {"never_tstp", 4},
};
constexpr NamedValue kDaemonize[] = {
    {"grandchild", 1},
    {"pgroup", 2},
    {"pgrp", 2},
    {"session", 3},
};

Interruptible parse_interruptible(const std::string& text) {
  int value = find_value(kInterruptible, text);
  if (value < 0) value = static_cast<int>(parse_c_number(text, 1, 4).value_or(-1));
  if (value < 0) throw UsageError::with_help(fmt::format("invalid -I argument: '{}'", text));
  return static_cast<Interruptible>(value);
}

int parse_daemonize(const std::vector<std::string>& values, int d_count) {
  if (values.empty()) {
    if (d_count > 3)
      throw UsageError::with_help(
          fmt::format("Too many -D's ({}), maximum supported -D count is 3", d_count));
    return d_count;
  }
  if (d_count > 0) throw UsageError("-D and --daemonize cannot be provided simultaneously");
  int value = find_value(kDaemonize, values.back());
  if (value < 0)
    throw UsageError::with_help(fmt::format("invalid --daemonize argument: '{}'", values.back()));
  return value;
}

// strace's -q, -qq, -qqq.
void apply_q(int count, QuietOptions& quiet) {
  if (count == 0) return;
  if (quiet.set_by_qualifier)
    throw UsageError("-q and -e quiet/--quiet cannot be provided simultaneously");
  quiet.attach = true;
  quiet.personality = true;
  if (count >= 2) quiet.exit = true;
  if (count >= 3) quiet = {true, true, true, true, true, true, false};
  quiet.set_by_q = true;
}

}  // namespace

void qualify_decode_pids(std::string_view value, Options& opts) {
  // A later one replaces an earlier one, as -Y does.
  static constexpr NamedValue kNames[] = {{"pidns", 0}, {"comm", 1}};
  TokenSet set = parse_token_set(value, "decode-pids",
                                 [](std::string_view name) { return find_value(kNames, name); });
  opts.process.decode_pid_ns = set.contains(0);
  opts.process.decode_pid_comm = set.contains(1);
}

void add_process_options(CLI::App& app, ProcessCli& cli) {
  app.add_flag("-f", cli.f_count);
  app.add_flag("--follow-forks", cli.follow_forks);
  app.add_flag("--output-separately", cli.output_separately);
  app.add_option("-p,--attach", cli.attach)->allow_extra_args(false);
  app.add_flag("-D", cli.d_count);
  app.add_flag("--daemonize{grandchild},--daemonise{grandchild},--daemonized{grandchild}",
               cli.daemonize);
  app.add_option("-u,--user", cli.user)->allow_extra_args(false);
  app.add_option("-b,--detach-on", cli.detach_on)->allow_extra_args(false);
  app.add_option("-I,--interruptible", cli.interruptible)->allow_extra_args(false);
  app.add_flag("--kill-on-exit", cli.kill_on_exit);
  app.add_flag("--seccomp-bpf", cli.seccomp_bpf);
  app.add_flag("--no-seccomp-bpf", cli.no_seccomp_bpf);
  app.add_flag("--always-show-pid", cli.always_show_pid);
  // -Y and --decode-pids are applied in command-line order with -e
  // decode-pids= (apply_qualifiers_in_order): the last one wins.
  app.add_flag("-Y", cli.decode_pid_comm);
  app.add_flag("-q", cli.q_count);
  app.add_option("-E,--env", cli.env)->allow_extra_args(false);
  app.add_option("--argv0", cli.argv0)->allow_extra_args(false);
}

std::vector<pid_t> parse_pid_list(const std::string& text, pid_t self) {
  std::vector<pid_t> pids;
  // As strace: empty items are skipped, so "-p ''" names no process.
  for (std::string_view item : split_list(text, "\n\t ,")) {
    if (item.empty()) continue;
    auto pid = parse_c_number(item, 1, INT_MAX);
    if (!pid) throw UsageError(fmt::format("Invalid process id: '{}'", item));
    if (*pid == self) throw UsageError("I'm sorry, I can't let you do that, Dave.");
    pids.push_back(static_cast<pid_t>(*pid));
  }
  return pids;
}

void apply_process_options(const ProcessCli& cli, Options& opts) {
  ProcessOptions& p = opts.process;
  if (cli.f_count > 0 && cli.follow_forks)
    throw UsageError("-f and --follow-forks cannot be provided simultaneously");
  if (cli.f_count >= 2 && cli.output_separately)
    throw UsageError("-ff and --output-separately cannot be provided simultaneously");
  p.follow_forks = cli.f_count > 0 || cli.follow_forks;
  p.output_separately = cli.f_count >= 2 || cli.output_separately;
  for (const auto& list : cli.attach)
    for (pid_t pid : parse_pid_list(list, getpid())) p.attach.push_back(pid);
  p.daemonize = parse_daemonize(cli.daemonize, cli.d_count);
  if (!cli.user.empty()) p.user = cli.user.back();
  for (const auto& on : cli.detach_on) {
    if (on != "execve") throw UsageError(fmt::format("Syscall '{}' for -b isn't supported", on));
    p.detach_on_execve = true;
  }
  if (!cli.interruptible.empty()) p.interruptible = parse_interruptible(cli.interruptible.back());
  p.kill_on_exit = cli.kill_on_exit;
  if (cli.seccomp_bpf && cli.no_seccomp_bpf)
    throw UsageError("--seccomp-bpf and --no-seccomp-bpf are mutually exclusive options");
  if (cli.seccomp_bpf || cli.no_seccomp_bpf) p.seccomp_bpf = cli.seccomp_bpf;
  p.always_show_pid = cli.always_show_pid;
  p.env_changes = cli.env;
  if (!cli.argv0.empty()) p.argv0 = cli.argv0.back();
  apply_q(cli.q_count, opts.quiet);
}

void finish_process_options(Options& opts) {
  ProcessOptions& p = opts.process;
  bool has_command = !opts.command.empty();
  if (p.daemonize > 0 && !has_command)
    throw UsageError::with_help("PROG [ARGS] must be specified with -D/--daemonize");
  if (p.argv0 && !has_command)
    throw UsageError::with_help("PROG [ARGS] must be specified with --argv0");
  if (p.kill_on_exit && !p.attach.empty())
    throw UsageError("--kill-on-exit and -p/--attach are mutually exclusive options");
  bool piped = opts.output_path && !opts.output_path->empty() &&
               (opts.output_path->front() == '|' || opts.output_path->front() == '!');
  if (p.output_separately && piped)
    throw UsageError::with_help(
        "piping the output and -ff/--output-separately are mutually exclusive");
  if (p.output_separately && opts.report.summary.enabled)
    throw UsageError::with_help(
        "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive");
  // -ff without -o FILE is the same as -f.
  if (!opts.output_path) p.output_separately = false;
  if (p.interruptible == Interruptible::unset) {
    if (p.daemonize > 0)
      p.interruptible = Interruptible::never_tstp;
    else if (opts.output_path && has_command)
      p.interruptible = Interruptible::never;
    else
      p.interruptible = Interruptible::waiting;
  }
  // "-o FILE PROG" is quiet about attaching unless told otherwise.
  if (opts.output_path && has_command && !opts.quiet.set_by_q && !opts.quiet.set_by_qualifier) {
    opts.quiet.attach = true;
    opts.quiet.personality = true;
  }
}

}  // namespace xtrace::cli
