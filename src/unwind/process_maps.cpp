#include "xtrace/process_maps.hpp"

#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <string_view>

#include <fmt/format.h>

namespace xtrace::unwind {
namespace {

// Reads one hexadecimal field and the separator after it.
bool hex_field(std::string_view& s, std::uint64_t& value, char separator) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 16);
  if (ec != std::errc() || end == s.data() + s.size() || *end != separator) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()) + 1);
  return true;
}

bool dec_field(std::string_view& s, std::uint64_t& value) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 10);
  if (ec != std::errc()) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return true;
}

// "START-END PERMS OFFSET MAJ:MIN INODE   PATH"
bool parse_line(std::string_view line, Mapping& m) {
  std::uint64_t major = 0, minor = 0;
  if (!hex_field(line, m.start, '-') || !hex_field(line, m.end, ' ')) return false;
  if (line.size() < 5 || line[4] != ' ') return false;
  m.executable = line[2] == 'x';
  line.remove_prefix(5);
  if (!hex_field(line, m.offset, ' ') || !hex_field(line, major, ':') ||
      !hex_field(line, minor, ' ') || !dec_field(line, m.inode))
    return false;
  m.device = static_cast<std::uint32_t>(makedev(major, minor));
  std::size_t path = line.find_first_not_of(' ');
  if (path == std::string_view::npos) return false;  // anonymous
  m.path.assign(line.substr(path));
  return m.end > m.start;
}

}  // namespace

bool ProcessMaps::read(pid_t tid) {
  int fd = ::open(fmt::format("/proc/{}/maps", tid).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  buffer_.clear();
  char chunk[16384];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  parse(buffer_);
  return !mappings_.empty();
}

void ProcessMaps::parse(const std::string& text) {
  mappings_.clear();
  std::string_view rest(text);
  Mapping m;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (!parse_line(line, m)) continue;
    // The kernel lists mappings in order and without overlap; [vsyscall]
    // is the one that may repeat.
    if (!mappings_.empty() && m.start < mappings_.back().end) continue;
    mappings_.push_back(m);
  }
}

const Mapping* ProcessMaps::find(std::uint64_t addr) const {
  auto it = std::upper_bound(mappings_.begin(), mappings_.end(), addr,
                             [](std::uint64_t a, const Mapping& m) { return a < m.start; });
  if (it == mappings_.begin()) return nullptr;
  --it;
  return addr < it->end ? &*it : nullptr;
}

bool ProcessMaps::overlaps_code(std::uint64_t addr, std::uint64_t len) const {
  std::uint64_t end = addr + len < addr ? UINT64_MAX : addr + len;
  for (const Mapping& m : mappings_)
    if (m.executable && m.start < end && addr < m.end) return true;
  return false;
}

}  // namespace xtrace::unwind
