#include "xtrace/syscall_decoder.hpp"

#include <fmt/format.h>

#include "format_helpers.hpp"

namespace xtrace {
namespace {

ArgContext context(SyscallEvent& ev, int i, bool exiting, TraceeMemory& mem,
                   const DecodeOptions& opts) {
  return ArgContext{*ev.desc, i,          ev.args, exiting, ev.rval,
                    ev.is_error, mem, opts, ev.saved[i]};
}

void decode_arg(SyscallEvent& ev, int i, bool exiting, TraceeMemory& mem,
                const DecodeOptions& opts) {
  const KindDecoder* d = decoder_for(ev.desc->args[i].kind);
  ArgContext c = context(ev, i, exiting, mem, opts);
  ev.arg_text[i].clear();
  ev.omitted[i] = !d->format(c, ev.arg_text[i]);
}

void format_result(SyscallEvent& ev) {
  std::string& out = ev.rval_text;
  out.clear();
  if (ev.is_error) {
    int err = static_cast<int>(-ev.rval);
    std::string_view name = errno_name(err);
    std::string msg = errno_message(err);
    if (name.empty()) {
      fmt::format_to(std::back_inserter(out), "-1 {} ({})", err, msg);
    } else if (is_restart_errno(err)) {
      fmt::format_to(std::back_inserter(out), "? {} ({})", name, msg);
    } else {
      fmt::format_to(std::back_inserter(out), "-1 {} ({})", name, msg);
    }
    return;
  }
  RetKind kind = ev.desc != nullptr ? ev.desc->ret : RetKind::int_;
  switch (kind) {
    case RetKind::hex: decode::print_hex(static_cast<std::uint64_t>(ev.rval), out); break;
    case RetKind::oct: fmt::format_to(std::back_inserter(out), "0{:02o}", ev.rval); break;
    case RetKind::noreturn: out += '?'; break;
    default: decode::print_int(ev.rval, out); break;
  }
}

}  // namespace

std::string syscall_name(const SyscallEvent& ev) {
  if (ev.desc != nullptr) return std::string(ev.desc->name);
  return fmt::format("syscall_{:#x}", static_cast<std::uint64_t>(ev.nr));
}

void decode_entry(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts) {
  ev.omitted.reset();
  ev.entry_args = ev.nargs;
  if (ev.desc == nullptr) {
    // Unknown numbers: six raw arguments, as strace prints them.
    for (int i = 0; i < ev.nargs; ++i) {
      ev.arg_text[i].clear();
      decode::print_hex(ev.args[i], ev.arg_text[i]);
    }
    return;
  }
  int i = 0;
  for (; i < ev.nargs && decoder_for(ev.desc->args[i].kind)->phase == Phase::entry; ++i)
    decode_arg(ev, i, false, mem, opts);
  ev.entry_args = static_cast<std::uint8_t>(i);
  for (int j = i; j < ev.nargs; ++j) {
    if (auto capture = decoder_for(ev.desc->args[j].kind)->capture) {
      ArgContext c = context(ev, j, false, mem, opts);
      capture(c);
    }
  }
}

void decode_exit(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts) {
  if (ev.desc != nullptr)
    for (int i = ev.entry_args; i < ev.nargs; ++i) decode_arg(ev, i, true, mem, opts);
  format_result(ev);
}

}  // namespace xtrace
