// Wiring only: command line -> pipeline -> tracer -> exit status.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "process_setup.hpp"
#include "seccomp_choice.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/injector.hpp"
#include "xtrace/json_sink.hpp"
#include "xtrace/options.hpp"
#include "xtrace/output_target.hpp"
#include "xtrace/pipeline.hpp"
#include "xtrace/quote.hpp"
#include "xtrace/separate_sink.hpp"
#include "xtrace/standard_fds.hpp"
#include "xtrace/summary_sink.hpp"
#include "xtrace/text_sink.hpp"
#include "xtrace/timeline_sink.hpp"
#include "xtrace/tracer.hpp"
#include "xtrace/unwinder.hpp"
#include "xtrace/wakeup.hpp"

namespace {

using namespace xtrace;

// Dies of the same signal as the command, as strace does, without dumping
// a core of our own (the command already did, if it was going to).
[[noreturn]] void die_like(const CommandStatus& status) {
  // A trace that lost lines to a write error is not a success.
  if (!status.signaled)
    std::exit(status.code == 0 && OutputFile::trace_incomplete() ? 1 : status.code);
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  std::fflush(nullptr);
  signal(status.code, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, status.code);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(status.code);
  std::exit(128 + status.code);
}

std::vector<std::unique_ptr<Sink>> make_sinks(const Options& opts, const TaskRegistry& tasks) {
  // Static: the exit path (std::exit) runs its destructor, which completes
  // a file and waits for a -o '|command'.
  static std::unique_ptr<OutputTarget> target;
  // -ff: FILE.PID per task, and no FILE itself (as strace).
  bool separately = opts.process.output_separately;
  target = OutputTarget::open(separately ? std::nullopt : opts.output_path, opts.report.append);
  const SummaryOptions& summary = opts.report.summary;
  std::vector<std::unique_ptr<Sink>> sinks;
  if (!summary.enabled || summary.with_trace) {  // -c alone shows only the table
    SeparateSink::Factory make;
    if (opts.report.format == OutputFormat::json) {
      make = [&tasks](OutputFile out) {
        return std::make_unique<JsonSink>(std::move(out), &tasks);
      };
    } else {
      TextOptions text;
      text.syscall_numbers = opts.decode.syscall_numbers;
      text.time = opts.report.time;
      text.result_column = opts.report.result_column;
      text.instruction_pointer = opts.report.instruction_pointer;
      text.values = text_style_of(opts.decode);
      set_process_text_options(opts, tasks, text);
      text.slow = opts.report.slow;
      ColorMode color = opts.report.color;
      make = [text, color](OutputFile out) mutable {
        text.palette = Palette(use_color(color, out.is_terminal(), std::getenv("NO_COLOR")));
        return std::make_unique<TextSink>(std::move(out), text);
      };
    }
    if (separately)
      sinks.push_back(
          std::make_unique<SeparateSink>(*opts.output_path, opts.report.append, std::move(make)));
    else
      sinks.push_back(make(target->writer()));
  }
  if (summary.enabled) sinks.push_back(std::make_unique<SummarySink>(target->writer(), summary));
  if (opts.report.timeline_path)
    sinks.push_back(std::make_unique<TimelineSink>(
        OutputFile::open(*opts.report.timeline_path, false), &tasks, text_style_of(opts.decode)));
  return sinks;
}

// -P names a path by another name (relative, through a symlink): strace
// says which name it also matches, before anything runs.
void report_path_resolutions(const Options& opts, const Pipeline& pipeline) {
  const filter::PathFilter* paths = pipeline.path_filter();
  if (paths == nullptr || opts.quiet.path_resolution) return;
  for (const auto& [given, resolved] : paths->resolutions()) {
    std::string a, b;
    quote_string(given, {}, a);
    quote_string(resolved, {}, b);
    diagnose(opts.program_name, fmt::format("Requested path {} resolved into {}", a, b));
  }
}

int run(const Options& opts) {
  bool has_command = !opts.command.empty();
  std::string path = has_command ? resolve_program(opts.command.front()) : std::string();
  TracerConfig config = tracer_config(opts);
  seccomp::Choice seccomp = seccomp::choose(opts, arch::native());
  for (const auto& note : seccomp.notes) diagnose(opts.program_name, note);
  config.seccomp_program = std::move(seccomp.program);
  TaskRegistry tasks;
  DecodeOptions decode = opts.decode;
  // -Y / --decode-pids=pidns: pids in arguments and results get decorated.
  std::unique_ptr<PidDecorator> pids;
  if (opts.process.decode_pid_comm || opts.process.decode_pid_ns)
    pids = std::make_unique<PidDecorator>(opts.process.decode_pid_comm, opts.process.decode_pid_ns);
  decode.pids = pids.get();
  Pipeline pipeline(decode, make_sinks(opts, tasks));
  pipeline.set_filter(opts.report.filter);
  pipeline.set_instruction_pointer(opts.report.instruction_pointer);
  // -k; with -c alone nothing would print the stacks (the option parser
  // has said so, as strace does).
  const SummaryOptions& summary = opts.report.summary;
  if (opts.stack_trace.enabled && (!summary.enabled || summary.with_trace))
    pipeline.set_unwinder(std::make_unique<Unwinder>(opts.stack_trace.frame_limit));
  report_path_resolutions(opts, pipeline);
  pipeline.set_injector(Injector::create(opts.inject, opts.program_name, stderr));
  Tracer tracer(pipeline, tasks, std::move(config));
  // As strace: the command first, then -p; then xtrace's own signals, so
  // that the command does not inherit them.
  if (has_command) {
    // --argv0: the command sees NAME as its argv[0]; PATH found `path`.
    std::vector<std::string> argv = opts.command;
    if (opts.process.argv0) argv.front() = *opts.process.argv0;
    tracer.launch(path, argv);
    standard_fds::release_input_output();
  }
  std::size_t attached = tracer.attach(opts.process.attach);
  if (!has_command && attached == 0) {
    pipeline.finish();
    std::exit(1);
  }
  wakeup::install(opts.process.interruptible);
  die_like(tracer.run());
}

}  // namespace

int main(int argc, char** argv) {
  standard_fds::ensure_open();
  // A mistake on the command line is xtrace's to explain, whatever argv[0]
  // is; once it is parsed, messages begin with argv[0], as strace's do.
  std::string program = "xtrace";
  try {
    Options opts = parse_command_line(argc, argv);
    program = opts.program_name;
    OutputFile::set_program_name(program);
    if (opts.show_help) {
      // The help names the command a reader types, not the path it ran from.
      fmt::print("{}", help_text("xtrace"));
      return 0;
    }
    if (opts.show_version) {
      fmt::print("{}", version_text());
      return 0;
    }
    if (opts.tips) diagnose(program, "--tips is not supported: xtrace has no tips to show");
    return run(opts);
  } catch (const UsageError& e) {
    diagnose(program, e.what());
    // strace's error_msg_and_help: the second line, as strace words it.
    if (e.suggests_help()) {
      std::string hint = "Try '" + program + " -h' for more information.\n";
      std::fwrite(hint.data(), 1, hint.size(), stderr);
    }
    return 1;
  } catch (const std::exception& e) {
    diagnose(program, e.what());
    return 1;
  }
}
