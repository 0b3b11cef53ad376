#include "process_setup.hpp"

namespace xtrace {

TracerConfig tracer_config(const Options& opts) {
  const ProcessOptions& p = opts.process;
  TracerConfig config;
  config.program_name = opts.program_name;
  config.follow_forks = p.follow_forks;
  config.detach_on_execve = p.detach_on_execve;
  config.kill_on_exit = p.kill_on_exit;
  config.daemonize = p.daemonize;
  if (p.user) config.run_as = resolve_user(*p.user);
  config.keep_comm = p.decode_pid_comm;
  config.env_changes = p.env_changes;
  config.quiet = opts.quiet;
  return config;
}

void set_process_text_options(const Options& opts, const TaskRegistry& tasks, TextOptions& text) {
  using PidPrefix = TextOptions::PidPrefix;
  const ProcessOptions& p = opts.process;
  std::size_t initial = p.attach.size() + (opts.command.empty() ? 0 : 1);
  if (p.always_show_pid)
    text.pid_prefix = PidPrefix::always;
  else if (!opts.output_path)
    text.pid_prefix = PidPrefix::when_several;  // "[pid  123] " while several
  else if (!p.output_separately && (p.follow_forks || initial > 1))
    text.pid_prefix = PidPrefix::always;  // "123   ": a file gets every pid
  else
    text.pid_prefix = PidPrefix::never;
  text.tasks = &tasks;
  text.show_comm = p.decode_pid_comm;
  text.quiet = opts.quiet;
}

}  // namespace xtrace
