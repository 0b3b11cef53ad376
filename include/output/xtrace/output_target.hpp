// Where the trace and the summary go: stderr, -o FILE (-A: appended), or
// -o '|COMMAND' / -o '!COMMAND' (piped to a shell command, as strace does).
// Opened before the tracee starts, so that a bad -o fails first.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "xtrace/output_file.hpp"

namespace xtrace {

class OutputTarget {
 public:
  // Throws std::runtime_error naming the file (or command) and the reason.
  static std::unique_ptr<OutputTarget> open(const std::optional<std::string>& path, bool append);
  // Flushes; closes a file, or closes a pipe and waits for its command.
  // A failure is reported as every write error is (OutputFile).
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  // A writer for one sink; all writers share the stream.
  OutputFile writer() const { return OutputFile::borrow(file_, name_); }

 private:
  enum class Kind { standard_error, file, pipe };
  OutputTarget(std::FILE* f, Kind kind, std::string name, pid_t command = 0)
      : file_(f), kind_(kind), name_(std::move(name)), command_(command) {}
  std::FILE* file_;
  Kind kind_;
  std::string name_;  // the -o argument, for messages
  pid_t command_;     // -o '|COMMAND': its shell
};

}  // namespace xtrace
