// Wiring only: command line -> pipeline -> tracer -> exit status.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "output/text_sink.hpp"
#include "xtrace/options.hpp"
#include "xtrace/tracer.hpp"

namespace {

using namespace xtrace;

// Dies of the same signal as the command, as strace does, without dumping
// a core of our own (the command already did, if it was going to).
[[noreturn]] void die_like(const CommandStatus& status) {
  if (!status.signaled) std::exit(status.code);
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

std::vector<std::unique_ptr<Sink>> make_sinks(const Options& opts) {
  OutputFile out = opts.output_path ? OutputFile::open(*opts.output_path, false)
                                    : OutputFile::standard_error();
  std::vector<std::unique_ptr<Sink>> sinks;
  sinks.push_back(std::make_unique<TextSink>(std::move(out), TextOptions{}));
  return sinks;
}

int run(const Options& opts) {
  std::string path = resolve_program(opts.command.front());
  Pipeline pipeline(opts.decode, make_sinks(opts));
  pipeline.set_injector(Injector::create(opts.inject, opts.program_name, stderr));
  Tracer tracer(pipeline);
  tracer.launch(path, opts.command);
  die_like(tracer.run());
}

}  // namespace

int main(int argc, char** argv) {
  std::string program = argc > 0 ? argv[0] : "xtrace";
  try {
    Options opts = parse_command_line(argc, argv);
    program = opts.program_name;
    if (opts.show_help) {
      fmt::print("{}", help_text(program));
      return 0;
    }
    if (opts.show_version) {
      fmt::print("{}", version_text());
      return 0;
    }
    return run(opts);
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: {}\n", program, e.what());
    return 1;
  }
}
