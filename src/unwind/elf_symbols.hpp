// The functions of one ELF file, read from its .symtab (every function,
// static ones included) or, when stripped, its .dynsym, or from the
// .symtab of its separate debug file (/usr/lib/debug/.build-id/...).
// A code address is named by the function whose [start, start + size)
// encloses it, never by the nearest symbol before it: a stripped
// library's internal function has no name rather than a wrong one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xtrace::unwind {

class ElfSymbols {
 public:
  struct Found {
    std::string_view name;  // demangled; valid while this object lives
    std::uint64_t offset;   // from the function's start
  };

  // Reads the file's symbols.  Files with no usable symbols load empty.
  // `debug_root` is where build-id debug files live (a parameter for tests).
  static ElfSymbols load(const std::string& path, std::string_view debug_root = "/usr/lib/debug");

  // The function enclosing the code at file offset `file_offset` (as
  // /proc/PID/maps' offsets count).
  std::optional<Found> find(std::uint64_t file_offset);
  bool empty() const { return functions_.empty(); }

 private:
  struct Function {
    std::uint64_t start;  // virtual address in the file's own layout
    std::uint64_t size;
    std::uint32_t name;  // index into names_
    std::uint8_t rank;   // binding: 0 global, 1 weak, 2 local (aliases prefer the lowest)
  };
  struct Segment {
    std::uint64_t offset, size, vaddr;  // a PT_LOAD: file range and where it loads
  };
  bool read_symbols(const std::string& path, bool want_segments, std::string* build_id);

  std::vector<Segment> segments_;
  std::vector<Function> functions_;                           // sorted by start
  std::string names_;                                         // every kept name, NUL-terminated
  std::unordered_map<std::uint32_t, std::string> demangled_;  // by name index
};

}  // namespace xtrace::unwind
