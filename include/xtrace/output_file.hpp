// Where a sink writes: stderr or a file (-o), buffered, with one flush
// policy: a terminal or stderr is flushed after every event, a file only
// when full or at the end.
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
  // Writes to a stream someone else closes (several sinks sharing -o).
  static OutputFile borrow(std::FILE* f);

  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&& other) noexcept;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  void write(std::string_view text);
  // Flushes if this output is read live (stderr, a terminal).
  void event_done();
  void flush();

 private:
  OutputFile(std::FILE* f, bool owned, bool live) : file_(f), owned_(owned), live_(live) {}
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  bool live_ = false;
};

}  // namespace xtrace
