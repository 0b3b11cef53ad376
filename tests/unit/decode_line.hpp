// One decoded line, "name(args) = result", from crafted registers and
// memory: what the decoder unit tests compare with strace 7.2's text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <sys/types.h>

#include "fake_memory.hpp"
#include "xtrace/event_text.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace::testing {

// Options with -X set (raw, abbrev, verbose).
inline DecodeOptions style(ConstStyle s) {
  DecodeOptions opts;
  opts.const_style = s;
  return opts;
}

// Argument i of a decoded event as strace text.
inline std::string arg_text(const SyscallEvent& ev, int i, const DecodeOptions& opts = {}) {
  std::string text;
  render_arg_text(ev, i, text_style_of(opts), text);
  return text;
}

inline std::string line(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t rval,
                        FakeMemory& mem, DecodeOptions opts = {}, Arch arch = Arch::x86_64,
                        pid_t tid = 0) {
  SyscallEvent ev;
  ev.tid = tid;
  ev.desc = &describe(*find_syscall(name));
  ev.nargs = ev.desc->nargs;
  ev.args = args;
  ev.arch = arch;
  decode_entry(ev, mem, opts);
  ev.rval = rval;
  ev.is_error = rval < 0 && rval >= -4095;
  ev.exited = true;
  decode_exit(ev, mem, opts);
  std::string text;
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    if (!text.empty()) text += ", ";
    render_arg_text(ev, i, text_style_of(opts), text);
  }
  return syscall_name(ev) + "(" + text + ") = " + ev.rval_text + ev.trailer;
}

}  // namespace xtrace::testing
