#include "xtrace/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>
#include <utility>

#include "xtrace/diagnostic.hpp"

namespace xtrace {
namespace {

struct ErrorState {
  std::string program = "xtrace";
  std::set<std::string> reported;  // output names already reported
  bool incomplete = false;
};

ErrorState& errors() {
  static ErrorState state;
  return state;
}

// What a failed call left in errno, or EIO when it left nothing.
int error_number(int err) {
  return err != 0 ? err : EIO;
}

}  // namespace

void OutputFile::set_program_name(std::string name) {
  errors().program = std::move(name);
}

bool OutputFile::trace_incomplete() {
  return errors().incomplete;
}

void OutputFile::report_error(const std::string& name, int err) {
  ErrorState& state = errors();
  state.incomplete = true;
  if (!state.reported.insert(name).second) return;
  // stderr itself may be the output that failed: then this is lost too,
  // and the exit status is what remains.
  diagnose(state.program, name + ": " + std::strerror(error_number(err)));
}

OutputFile OutputFile::open(const std::string& path, bool append) {
  // "e": close-on-exec, so the tracee never inherits our output.
  std::FILE* f = std::fopen(path.c_str(), append ? "ae" : "we");
  if (f == nullptr) throw std::runtime_error("Can't fopen '" + path + "': " + std::strerror(errno));
  int fd = fileno(f);
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return OutputFile(f, true, isatty(fd) != 0, path);
}

OutputFile OutputFile::open_or_report(const std::string& path, bool append) {
  std::FILE* f = std::fopen(path.c_str(), append ? "ae" : "we");
  if (f == nullptr) {
    report_error(path, errno);
    OutputFile lost(nullptr, false, false, path);
    lost.failed_ = true;
    return lost;
  }
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return OutputFile(f, true, isatty(fileno(f)) != 0, path);
}

OutputFile OutputFile::standard_error() {
  return OutputFile(stderr, false, true, "stderr");
}

OutputFile OutputFile::borrow(std::FILE* f, std::string name) {
  return OutputFile(f, false, f == stderr || isatty(fileno(f)) != 0, std::move(name));
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      owned_(other.owned_),
      live_(other.live_),
      failed_(other.failed_),
      name_(std::move(other.name_)) {}

OutputFile& OutputFile::operator=(OutputFile&& other) noexcept {
  if (this != &other) {
    close();
    file_ = std::exchange(other.file_, nullptr);
    owned_ = other.owned_;
    live_ = other.live_;
    failed_ = other.failed_;
    name_ = std::move(other.name_);
  }
  return *this;
}

OutputFile::~OutputFile() {
  close();
}

void OutputFile::close() {
  if (file_ == nullptr) return;
  errno = 0;
  if (owned_) {
    bool ok = std::fclose(file_) == 0;
    if (!failed_ && !ok) report_error(name_, errno);
  } else {
    flush();
  }
  file_ = nullptr;
}

void OutputFile::check(bool ok, int err) {
  if (ok && std::ferror(file_) == 0) return;
  failed_ = true;
  report_error(name_, err);
}

void OutputFile::write(std::string_view text) {
  if (failed_) return;
  errno = 0;
  bool ok = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
  check(ok, errno);
}

void OutputFile::event_done() {
  if (live_) flush();
}

void OutputFile::flush() {
  if (failed_) return;
  errno = 0;
  bool ok = std::fflush(file_) == 0;
  check(ok, errno);
}

bool OutputFile::is_terminal() const {
  return file_ != nullptr && isatty(fileno(file_)) != 0;
}

}  // namespace xtrace
