#include "xtrace/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace xtrace {

OutputFile OutputFile::open(const std::string& path, bool append) {
  // "e": close-on-exec, so the tracee never inherits our output.
  std::FILE* f = std::fopen(path.c_str(), append ? "ae" : "we");
  if (f == nullptr) throw std::runtime_error("can't fopen '" + path + "': " + std::strerror(errno));
  int fd = fileno(f);
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return OutputFile(f, true, isatty(fd) != 0);
}

OutputFile OutputFile::standard_error() {
  return OutputFile(stderr, false, true);
}

OutputFile OutputFile::borrow(std::FILE* f) {
  return OutputFile(f, false, f == stderr || isatty(fileno(f)) != 0);
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)), owned_(other.owned_), live_(other.live_) {}

OutputFile& OutputFile::operator=(OutputFile&& other) noexcept {
  if (this != &other) {
    if (owned_ && file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    owned_ = other.owned_;
    live_ = other.live_;
  }
  return *this;
}

OutputFile::~OutputFile() {
  if (file_ == nullptr) return;
  if (owned_)
    std::fclose(file_);
  else
    std::fflush(file_);
}

void OutputFile::write(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), file_);
}

void OutputFile::event_done() {
  if (live_) std::fflush(file_);
}

void OutputFile::flush() {
  std::fflush(file_);
}

}  // namespace xtrace
