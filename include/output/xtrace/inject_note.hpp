// The notes strace 7.2 appends to a tampered call's result:
// " (INJECTED)", " (INJECTED: args)", " (INJECTED: args, retval)" and
// " (DELAYED)".
#pragma once

#include <string>

#include "xtrace/event.hpp"

namespace xtrace {

inline void append_inject_notes(const SyscallEvent& ev, std::string& out) {
  if (ev.injected_args && ev.injected_result)
    out += " (INJECTED: args, retval)";
  else if (ev.injected_args)
    out += " (INJECTED: args)";
  else if (ev.injected_result)
    out += " (INJECTED)";
  if (ev.delayed) out += " (DELAYED)";
}

}  // namespace xtrace
