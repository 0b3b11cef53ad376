// Signal and errno tokens as strace reads them on its command line
// (-e signal=, -e inject=...:signal=, :error=): a number or a name, the
// name in any case and, for signals, with or without "SIG".
#pragma once

#include <string_view>

namespace xtrace::cli {

// strace's sigstr_to_uint: "9", "KILL", "sigkill" -> 9; a number up to
// 255.  Negative when the token names no signal.
int signal_token(std::string_view token);

// strace's inject error=: a number 1..4095 or a name ("ENOSPC", "enospc",
// and the aliases the C library has no name for: EWOULDBLOCK...).
// Negative when the token names no error.
int errno_token(std::string_view token);

}  // namespace xtrace::cli
