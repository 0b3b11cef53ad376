// What the command line asks of argument decoding (-s, -x, -v, -X, -y,
// -n, -N, -e abbrev/verbose/raw/read/write, -Y): the decoders' input.
#pragma once

#include <bitset>
#include <cstddef>

#include "xtrace/pid_decorator.hpp"
#include "xtrace/syscall_set.hpp"
#include "xtrace/text_style.hpp"

namespace xtrace {

// What -y / -yy / --decode-fds add to a file descriptor.
namespace fd_detail {
inline constexpr unsigned path = 1u << 0;    // 3</etc/passwd>
inline constexpr unsigned socket = 1u << 1;  // 3<TCP:[1.2.3.4:5->6.7.8.9:10]>
inline constexpr unsigned dev = 1u << 2;     // 0</dev/null<char 1:3>>
inline constexpr unsigned pidfd = 1u << 3;   // 3<pid:1234>
inline constexpr unsigned all = path | socket | dev | pidfd;
}  // namespace fd_detail

// File descriptors whose I/O -e read= / -e write= dump in hex.
inline constexpr std::size_t kMaxDumpFd = 1024;
using FdSet = std::bitset<kMaxDumpFd>;

struct DecodeOptions {
  std::size_t string_limit = 32;  // -s
  HexStrings hex = HexStrings::none;
  bool verbose = false;                          // -v: unabbreviated structures (= -e abbrev=none)
  ConstStyle const_style = ConstStyle::abbrev;   // -X
  unsigned fd_details = 0;                       // -y, -yy, --decode-fds
  bool syscall_numbers = false;                  // -n
  bool arg_names = false;                        // -N
  SyscallSet abbrev = SyscallSet::everything();  // -e abbrev=: abbreviated structures
  SyscallSet deref = SyscallSet::everything();   // -e verbose=: structures dereferenced
  SyscallSet raw;                                // -e raw=: arguments undecoded
  FdSet dump_read;                               // -e read=
  FdSet dump_write;                              // -e write=
  // -e namespace=new: clone, clone3, unshare and setns show the namespaces
  // the task is in afterwards, "= 0 (user:[4026532840])".
  bool new_namespaces = false;
  // -Y / --decode-pids=pidns: adds "<comm>" or the pid in xtrace's
  // namespace after pids; null: pids print as plain numbers.
  PidDecorator* pids = nullptr;
};

inline TextStyle text_style_of(const DecodeOptions& opts) {
  return TextStyle{opts.hex, opts.const_style, opts.arg_names};
}

}  // namespace xtrace
