// One event's arguments as strace text, for the text sinks and tests.
#pragma once

#include <string>

#include "xtrace/event.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {

// Argument i as strace prints it, "name=" first under -N.
void render_arg_text(const SyscallEvent& ev, int i, const TextStyle& style, std::string& out);

}  // namespace xtrace
