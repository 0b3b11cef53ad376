// ioctl: the command by name or as _IOC(), and the argument of the
// terminal and file commands strace decodes.
#include <sys/ioctl.h>
#include <termios.h>

#include <array>
#include <cstdint>

#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kIoctlCmd{XLAT(TCGETS),
                               XLAT(TCSETS),
                               XLAT(TCSETSW),
                               XLAT(TCSETSF),
                               XLAT(TCGETA),
                               XLAT(TCSETA),
                               XLAT(TCSETAW),
                               XLAT(TCSETAF),
                               XLAT(TCSBRK),
                               XLAT(TCXONC),
                               XLAT(TCFLSH),
                               XLAT(TIOCEXCL),
                               XLAT(TIOCNXCL),
                               XLAT(TIOCSCTTY),
                               XLAT(TIOCGPGRP),
                               XLAT(TIOCSPGRP),
                               XLAT(TIOCOUTQ),
                               XLAT(TIOCSTI),
                               XLAT(TIOCGWINSZ),
                               XLAT(TIOCSWINSZ),
                               XLAT(TIOCMGET),
                               XLAT(TIOCMBIS),
                               XLAT(TIOCMBIC),
                               XLAT(TIOCMSET),
                               XLAT(FIONREAD),
                               XLAT(TIOCLINUX),
                               XLAT(TIOCCONS),
                               XLAT(FIONBIO),
                               XLAT(TIOCNOTTY),
                               XLAT(TIOCGSID),
                               XLAT(FIONCLEX),
                               XLAT(FIOCLEX),
                               XLAT(FIOASYNC),
                               XLAT(TIOCGPTN),
                               XLAT(TIOCSPTLCK),
                               XLAT(FIOQSIZE),
                               XlatEntry{0x40049409, "BTRFS_IOC_CLONE or FICLONE"},
                               XlatEntry{0x4020940d, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE"},
                               XlatEntry{0x80086601, "FS_IOC_GETFLAGS"},
                               XlatEntry{0x40086602, "FS_IOC_SETFLAGS"},
                               XlatEntry{0x5401 + 0x2f, "TIOCGPTPEER"}};
const Xlat kIoctlTable{kIoctlCmd};
constexpr std::array kIocDirs{XlatEntry{1, "_IOC_WRITE"}, XlatEntry{2, "_IOC_READ"}};
const Xlat kIocDirTable{kIocDirs};

bool format_ioctl_cmd(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  if (auto name = lookup(kIoctlTable, v); !name.empty()) {
    print_styled(fmt::format("{:#x}", v), name, out);
    return true;
  }
  out += "_IOC(";
  unsigned dir = _IOC_DIR(v);
  if (dir == 0)
    out += "_IOC_NONE";
  else
    print_flags(kIocDirTable, dir, out);
  fmt::format_to(std::back_inserter(out), ", {:#x}, {:#x}, {:#x})", _IOC_TYPE(v), _IOC_NR(v),
                 _IOC_SIZE(v));
  return true;
}

// termios abbreviated as strace does: the speed and four key modes.
void print_termios(const ArgContext& c, std::uint64_t addr, auto& out) {
  termios t{};
  if (!c.mem.read(addr, &t, sizeof t)) {
    print_addr(addr, out);
    return;
  }
  // Static like the Xlat that refers to it: a local array would be gone
  // after the first call, and later ones would read a dead stack frame.
  static constexpr std::array kBauds{XLAT(B0),     XLAT(B50),     XLAT(B75),     XLAT(B110),
                                     XLAT(B134),   XLAT(B150),    XLAT(B200),    XLAT(B300),
                                     XLAT(B600),   XLAT(B1200),   XLAT(B1800),   XLAT(B2400),
                                     XLAT(B4800),  XLAT(B9600),   XLAT(B19200),  XLAT(B38400),
                                     XLAT(B57600), XLAT(B115200), XLAT(B230400), XLAT(B460800)};
  static const Xlat kBaudTable{kBauds, "B???"};
  out += '{';
  print_enum(kBaudTable, t.c_cflag & CBAUD, out);
  fmt::format_to(std::back_inserter(out), " {}opost {}isig {}icanon {}echo ...}}",
                 (t.c_oflag & OPOST) ? "" : "-", (t.c_lflag & ISIG) ? "" : "-",
                 (t.c_lflag & ICANON) ? "" : "-", (t.c_lflag & ECHO) ? "" : "-");
}

void print_winsize(const ArgContext& c, std::uint64_t addr, auto& out) {
  winsize w{};
  if (!c.mem.read(addr, &w, sizeof w)) {
    print_addr(addr, out);
    return;
  }
  StructPrinter s(out);
  print_uint(w.ws_row, s.field("ws_row"));
  print_uint(w.ws_col, s.field("ws_col"));
  print_uint(w.ws_xpixel, s.field("ws_xpixel"));
  print_uint(w.ws_ypixel, s.field("ws_ypixel"));
}

void print_int_at(const ArgContext& c, std::uint64_t addr, auto& out) {
  auto v = c.mem.read_value<std::int32_t>(addr);
  if (!v)
    print_addr(addr, out);
  else
    print_int(*v, ArrayPrinter(out).item());
}

// Commands without an argument print none.
bool ioctl_has_arg(const ArgContext& c) {
  auto cmd = static_cast<std::uint32_t>(c.ref_value());
  return cmd != FIOCLEX && cmd != FIONCLEX && cmd != TIOCNOTTY && cmd != TIOCEXCL &&
         cmd != TIOCNXCL;
}

bool format_ioctl_arg(const ArgContext& c, ValueOut& out) {
  if (!ioctl_has_arg(c)) return false;
  auto cmd = static_cast<std::uint32_t>(c.ref_value());
  std::uint64_t addr = c.value();
  bool in_arg = cmd == TCSETS || cmd == TCSETSW || cmd == TCSETSF || cmd == TIOCSWINSZ ||
                cmd == FIONBIO || cmd == TIOCSPGRP || cmd == FIOASYNC;
  bool out_arg = cmd == TCGETS || cmd == TIOCGWINSZ || cmd == FIONREAD || cmd == TIOCGPGRP ||
                 cmd == TIOCOUTQ || cmd == TIOCGPTN || cmd == TIOCGSID;
  if (!in_arg && !out_arg) {
    // Commands whose argument is a number print it in decimal; the rest
    // are unknown to the decoder and print in hex, as strace does.
    if (cmd == TCSBRK || cmd == TCXONC || cmd == TCFLSH || cmd == 0x40049409)
      print_int(static_cast<std::int64_t>(addr), out);
    else
      print_hex(addr, out);
    return true;
  }
  if (addr == 0 || !c.deref || (out_arg && c.failed())) {
    print_addr(addr, out);
    return true;
  }
  switch (cmd) {
    case TCGETS:
    case TCSETS:
    case TCSETSW:
    case TCSETSF: print_termios(c, addr, out); break;
    case TIOCGWINSZ:
    case TIOCSWINSZ: print_winsize(c, addr, out); break;
    default: print_int_at(c, addr, out); break;
  }
  return true;
}

bool ioctl_present(const ArgContext& c) {
  return ioctl_has_arg(c);
}

constexpr std::array kIoctlKinds{
    KindDecoder{ArgKind::ioctl_cmd, Phase::entry, format_ioctl_cmd},
    KindDecoder{ArgKind::ioctl_arg, Phase::exit, format_ioctl_arg, nullptr, ioctl_present},
};

}  // namespace

std::span<const KindDecoder> ioctl_kinds() {
  return kIoctlKinds;
}

}  // namespace xtrace
