// process_vm_readv reads whole pages in one call; a string is read page by
// page so that an unmapped page after the terminating NUL is never touched
// (reading across it would fail the whole read).
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "xtrace/tracee_memory.hpp"

namespace xtrace {
namespace {

constexpr std::uint64_t kPage = 4096;
bool g_have_vm_readv = true;

std::size_t to_page_end(std::uint64_t addr) {
  return kPage - (addr % kPage);
}

bool peek_read(pid_t pid, std::uint64_t addr, void* out, std::size_t size) {
  auto* dst = static_cast<unsigned char*>(out);
  while (size > 0) {
    std::uint64_t aligned = addr & ~std::uint64_t{7};
    errno = 0;
    long word = ptrace(PTRACE_PEEKDATA, pid, aligned, nullptr);
    if (errno != 0) return false;
    std::size_t skip = addr - aligned;
    std::size_t n = std::min(size, sizeof word - skip);
    std::memcpy(dst, reinterpret_cast<unsigned char*>(&word) + skip, n);
    dst += n;
    addr += n;
    size -= n;
  }
  return true;
}

}  // namespace

bool ProcessMemory::read_chunk(std::uint64_t addr, void* out, std::size_t size) const {
  if (g_have_vm_readv) {
    iovec local{out, size};
    iovec remote{reinterpret_cast<void*>(addr), size};
    ssize_t n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
    if (n == static_cast<ssize_t>(size)) return true;
    if (n >= 0 || errno != ENOSYS) return false;
    g_have_vm_readv = false;
  }
  return peek_read(pid_, addr, out, size);
}

bool ProcessMemory::read(std::uint64_t addr, void* out, std::size_t size) {
  if (size == 0) return true;
  if (addr == 0) return false;
  return read_chunk(addr, out, size);
}

bool ProcessMemory::read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                                 bool* terminated) {
  out.clear();
  *terminated = false;
  if (addr == 0) return false;
  char page[kPage];
  // One byte past max_len tells whether the string was longer.
  std::size_t want = max_len + 1;
  while (out.size() < want) {
    std::size_t n = std::min<std::size_t>(to_page_end(addr), want - out.size());
    if (!read_chunk(addr, page, n)) return false;
    const void* nul = std::memchr(page, '\0', n);
    if (nul != nullptr) {
      out.append(page, static_cast<const char*>(nul) - page);
      *terminated = out.size() <= max_len;
      if (out.size() > max_len) out.resize(max_len);
      return true;
    }
    out.append(page, n);
    addr += n;
  }
  out.resize(max_len);
  return true;
}

}  // namespace xtrace
