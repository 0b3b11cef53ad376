#include "elf_symbols.hpp"

#include <cxxabi.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace xtrace::unwind {
namespace {

// A read-only view of a whole file; every read is bounds-checked, since
// the file is whatever the tracee mapped.
class FileView {
 public:
  explicit FileView(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p =
          ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const unsigned char*>(p);
        size_ = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~FileView() {
    if (data_ != nullptr) ::munmap(const_cast<unsigned char*>(data_), size_);
  }
  FileView(const FileView&) = delete;
  FileView& operator=(const FileView&) = delete;

  bool fits(std::uint64_t offset, std::uint64_t len) const {
    return offset <= size_ && len <= size_ - offset;
  }
  template <typename T>
  bool get(std::uint64_t offset, T& out) const {
    if (!fits(offset, sizeof(T))) return false;
    std::memcpy(&out, data_ + offset, sizeof(T));
    return true;
  }
  const unsigned char* at(std::uint64_t offset) const { return data_ + offset; }
  std::size_t size() const { return size_; }

 private:
  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

bool is_elf64(const FileView& f, Elf64_Ehdr& eh) {
  return f.get(0, eh) && std::memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 &&
         eh.e_ident[EI_CLASS] == ELFCLASS64 && eh.e_ident[EI_DATA] == ELFDATA2LSB;
}

std::string build_id_of(const FileView& f, const Elf64_Shdr& sh) {
  std::uint64_t pos = sh.sh_offset, end = sh.sh_offset + sh.sh_size;
  if (!f.fits(sh.sh_offset, sh.sh_size)) return {};
  while (pos + sizeof(Elf64_Nhdr) <= end) {
    Elf64_Nhdr nh{};
    f.get(pos, nh);
    std::uint64_t name_at = pos + sizeof nh;
    std::uint64_t desc_at = name_at + ((nh.n_namesz + 3) & ~3u);
    std::uint64_t next = desc_at + ((nh.n_descsz + 3) & ~3u);
    if (next > end) break;
    if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
        std::memcmp(f.at(name_at), "GNU", 4) == 0) {
      std::string hex;
      for (std::uint32_t i = 0; i < nh.n_descsz; ++i)
        fmt::format_to(std::back_inserter(hex), "{:02x}", f.at(desc_at)[i]);
      return hex;
    }
    pos = next;
  }
  return {};
}

}  // namespace

// Fills functions_ from the file's symbol tables; the load segments only
// from the file itself (a debug file's program headers may differ).
bool ElfSymbols::read_symbols(const std::string& path, bool want_segments, std::string* build_id) {
  FileView f(path);
  Elf64_Ehdr eh{};
  if (!is_elf64(f, eh)) return false;
  if (want_segments) {
    for (std::uint16_t i = 0; i < eh.e_phnum; ++i) {
      Elf64_Phdr ph{};
      if (!f.get(eh.e_phoff + std::uint64_t{i} * eh.e_phentsize, ph)) return false;
      if (ph.p_type == PT_LOAD) segments_.push_back({ph.p_offset, ph.p_filesz, ph.p_vaddr});
    }
  }
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (std::uint16_t i = 0; i < eh.e_shnum; ++i)
    if (!f.get(eh.e_shoff + std::uint64_t{i} * eh.e_shentsize, sections[i])) return false;
  // .symtab has every function, .dynsym only the exported ones.
  const Elf64_Shdr* table = nullptr;
  for (const auto& sh : sections) {
    if (sh.sh_type == SHT_SYMTAB) table = &sh;
    if (sh.sh_type == SHT_DYNSYM && (table == nullptr || table->sh_type != SHT_SYMTAB)) table = &sh;
    if (sh.sh_type == SHT_NOTE && build_id != nullptr && build_id->empty())
      *build_id = build_id_of(f, sh);
  }
  if (table == nullptr || table->sh_type != SHT_SYMTAB) {
    // A stripped file: its debug file's .symtab, if one is installed, is
    // better than .dynsym; the caller tries it first.
    if (build_id != nullptr && !build_id->empty()) return false;
  }
  if (table == nullptr || table->sh_link >= sections.size() ||
      table->sh_entsize != sizeof(Elf64_Sym) || !f.fits(table->sh_offset, table->sh_size))
    return false;
  const Elf64_Shdr& strtab = sections[table->sh_link];
  if (!f.fits(strtab.sh_offset, strtab.sh_size)) return false;
  std::uint64_t count = table->sh_size / sizeof(Elf64_Sym);
  for (std::uint64_t i = 0; i < count; ++i) {
    Elf64_Sym sym{};
    f.get(table->sh_offset + i * sizeof sym, sym);
    unsigned type = ELF64_ST_TYPE(sym.st_info);
    if ((type != STT_FUNC && type != STT_GNU_IFUNC) || sym.st_shndx == SHN_UNDEF ||
        sym.st_size == 0 || sym.st_name >= strtab.sh_size)
      continue;
    const char* name = reinterpret_cast<const char*>(f.at(strtab.sh_offset + sym.st_name));
    std::size_t len = strnlen(name, strtab.sh_size - sym.st_name);
    if (len == 0 || len == strtab.sh_size - sym.st_name) continue;
    // A debug file's .symtab names versioned symbols "__libc_start_main@@GLIBC_2.34":
    // the function is __libc_start_main.
    if (const void* at = std::memchr(name, '@', len); at != nullptr && at != name)
      len = static_cast<std::size_t>(static_cast<const char*>(at) - name);
    unsigned bind = ELF64_ST_BIND(sym.st_info);
    std::uint8_t rank = bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2;
    functions_.push_back(
        {sym.st_value, sym.st_size, static_cast<std::uint32_t>(names_.size()), rank});
    names_.append(name, len);
    names_ += '\0';
  }
  // Aliases (__GI___write, __write, write) keep the table's order: the
  // exported one listed first names the address, as strace's (which
  // reads .dynsym) does; a local alias only when there is nothing else.
  std::stable_sort(functions_.begin(), functions_.end(),
                   [](const Function& a, const Function& b) { return a.start < b.start; });
  return true;
}

ElfSymbols ElfSymbols::load(const std::string& path, std::string_view debug_root) {
  ElfSymbols s;
  std::string build_id;
  if (s.read_symbols(path, true, &build_id) || build_id.size() < 3) return s;
  // Stripped, with a build id: the debug file's .symtab, else .dynsym.
  std::string debug = fmt::format("{}/.build-id/{}/{}.debug", debug_root, build_id.substr(0, 2),
                                  build_id.substr(2));
  s.functions_.clear();
  s.names_.clear();
  if (s.read_symbols(debug, false, nullptr) && !s.functions_.empty()) return s;
  s.functions_.clear();
  s.names_.clear();
  s.segments_.clear();
  s.read_symbols(path, true, nullptr);
  return s;
}

std::optional<ElfSymbols::Found> ElfSymbols::find(std::uint64_t file_offset) {
  std::uint64_t vaddr = 0;
  bool mapped = false;
  for (const Segment& seg : segments_) {
    if (file_offset >= seg.offset && file_offset - seg.offset < seg.size) {
      vaddr = file_offset - seg.offset + seg.vaddr;
      mapped = true;
      break;
    }
  }
  if (!mapped) return std::nullopt;
  auto it = std::upper_bound(functions_.begin(), functions_.end(), vaddr,
                             [](std::uint64_t a, const Function& f) { return a < f.start; });
  // The nearest starts first; a few more back in case a large function
  // encloses smaller ones (nested or overlapping ranges are rare).
  const Function* best = nullptr;
  for (int steps = 0; it != functions_.begin() && steps < 16; ++steps) {
    --it;
    if (vaddr - it->start < it->size) {
      // The innermost enclosing function; among aliases at one address,
      // the strongest binding, then the first listed (met last, walking back).
      if (best == nullptr || (it->start == best->start && it->rank <= best->rank)) best = &*it;
    } else if (best != nullptr && it->start < best->start) {
      break;
    }
  }
  if (best == nullptr) return std::nullopt;
  std::string_view name(names_.c_str() + best->name);
  if (name.starts_with("_Z")) {
    auto [pos, fresh] = demangled_.try_emplace(best->name);
    if (fresh) {
      int status = 0;
      char* d = abi::__cxa_demangle(name.data(), nullptr, nullptr, &status);
      pos->second = status == 0 && d != nullptr ? d : std::string(name);
      std::free(d);
    }
    name = pos->second;
  }
  return Found{name, vaddr - best->start};
}

}  // namespace xtrace::unwind
