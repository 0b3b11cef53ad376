#include "output/output_target.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace xtrace {

std::unique_ptr<OutputTarget> OutputTarget::open(const std::optional<std::string>& path,
                                                 bool append) {
  if (!path) return std::unique_ptr<OutputTarget>(new OutputTarget(stderr, Kind::standard_error));
  const std::string& name = *path;
  std::FILE* f = nullptr;
  Kind kind = Kind::file;
  if (!name.empty() && (name.front() == '|' || name.front() == '!')) {
    // "e": the tracee must not inherit the pipe, or the command would wait
    // for the tracee's end too.
    f = ::popen(name.c_str() + 1, "we");
    kind = Kind::pipe;
    if (f == nullptr)
      throw std::runtime_error("can't popen '" + name.substr(1) + "': " + std::strerror(errno));
  } else {
    f = std::fopen(name.c_str(), append ? "ae" : "we");
    if (f == nullptr)
      throw std::runtime_error("can't fopen '" + name + "': " + std::strerror(errno));
  }
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return std::unique_ptr<OutputTarget>(new OutputTarget(f, kind));
}

OutputTarget::~OutputTarget() {
  switch (kind_) {
    case Kind::standard_error: std::fflush(file_); break;
    case Kind::file: std::fclose(file_); break;
    case Kind::pipe: ::pclose(file_); break;
  }
}

}  // namespace xtrace
