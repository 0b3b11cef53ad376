// A process's mappings as /proc/TID/maps lists them, sorted by address:
// what names a code address (module path, offset in the file) and what
// tells whether an address is code at all.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace xtrace::unwind {

struct Mapping {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::uint64_t offset = 0;  // file offset of `start`
  std::uint64_t inode = 0;
  std::uint32_t device = 0;  // makedev(major, minor)
  bool executable = false;
  std::string path;  // as maps prints it; "[vdso]" and the like included

  bool operator==(const Mapping&) const = default;
};

class ProcessMaps {
 public:
  // Reads /proc/TID/maps (any thread's: a zombie leader's is empty).
  // False when it cannot be read (the task is gone).
  bool read(pid_t tid);
  // Parses the text of a maps file (also for unit tests).
  void parse(const std::string& text);
  // The named mapping that contains addr, or null.  Anonymous mappings
  // are left out, as strace leaves them out: no module can name them.
  const Mapping* find(std::uint64_t addr) const;
  // Whether [addr, addr + len) touches an executable mapping.
  bool overlaps_code(std::uint64_t addr, std::uint64_t len) const;
  bool empty() const { return mappings_.empty(); }
  const std::vector<Mapping>& mappings() const { return mappings_; }

 private:
  std::vector<Mapping> mappings_;
  std::string buffer_;  // the file's text, kept for its capacity
};

}  // namespace xtrace::unwind
