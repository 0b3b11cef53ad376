// Where a sink writes: stderr or a file (-o), buffered, with one flush
// policy: a terminal or stderr is flushed after every event, a file only
// when full or at the end.  Every write is checked: the first error of an
// output is reported once on stderr in strace's words ("xtrace: /dev/full:
// No space left on device"), that output takes nothing more, the tracees
// run on untouched, and the trace counts as incomplete (xtrace then exits
// with status 1 where the command succeeded).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace xtrace {

class OutputFile {
 public:
  // Opens path for writing (truncating, or appending); throws
  // std::runtime_error naming the file and the reason.
  static OutputFile open(const std::string& path, bool append);
  static OutputFile standard_error();
  // Writes to a stream someone else closes (several sinks sharing -o);
  // `name` is what an error message calls it (the -o argument).
  static OutputFile borrow(std::FILE* f, std::string name);
  // -ff's FILE.PID for a task that appears mid-trace: opened then, so a
  // failure is reported like a write error and the task's lines are lost,
  // never the whole trace.
  static OutputFile open_or_report(const std::string& path, bool append);

  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&& other) noexcept;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  void write(std::string_view text);
  // Flushes if this output is read live (stderr, a terminal).
  void event_done();
  void flush();
  // Whether this output is a terminal (--color=auto colours only those).
  bool is_terminal() const;

  // The prefix of the error message ("xtrace"), set once by main.
  static void set_program_name(std::string name);
  // Some output lost lines to a write error.
  static bool trace_incomplete();
  // Reports a failed write, flush or close of `name` (once per name).
  static void report_error(const std::string& name, int err);

 private:
  OutputFile(std::FILE* f, bool owned, bool live, std::string name)
      : file_(f), owned_(owned), live_(live), name_(std::move(name)) {}
  void check(bool ok, int err);
  void close();

  std::FILE* file_ = nullptr;
  bool owned_ = false;
  bool live_ = false;
  bool failed_ = false;  // an error was reported: write nothing more
  std::string name_;
};

}  // namespace xtrace
