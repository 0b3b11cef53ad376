// Where the trace and the summary go: stderr, -o FILE (-A: appended), or
// -o '|COMMAND' / -o '!COMMAND' (piped to a shell command, as strace does).
// Opened before the tracee starts, so that a bad -o fails first.
#pragma once

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
  ~OutputTarget();  // flushes; closes a file, or closes a pipe and waits for its command
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  // A writer for one sink; all writers share the stream.
  OutputFile writer() const { return OutputFile::borrow(file_); }

 private:
  enum class Kind { standard_error, file, pipe };
  OutputTarget(std::FILE* f, Kind kind) : file_(f), kind_(kind) {}
  std::FILE* file_;
  Kind kind_;
};

}  // namespace xtrace
