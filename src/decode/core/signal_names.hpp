// Signal names as strace prints them: SIGINT, SIGRTMIN, SIGRT_3.
#pragma once

#include <cstdint>
#include <string>

#include "xtrace/value.hpp"

namespace xtrace::decode {

// "SIGINT"; real-time signals as SIGRTMIN / SIGRT_n; else the number.
void print_signal(int sig, std::string& out);
// The same as a value: a named signal is a constant -X styles ("10",
// "10 /* SIGUSR1 */"), one without a name its number.
void print_signal(int sig, ValueOut& out);
// The same without the SIG prefix, as inside a sigset: "INT", "RT_1".
void print_signal_short(int sig, std::string& out);
// A mask of signals 1..bits as strace prints sigsets: "[INT TERM]", or
// "~[...]" for the complement when two thirds or more are set (bits is
// rounded up to 32-bit words, as strace counts).  Each signal is a symbol
// (its number and short name), which -X styles: "[2 15]", "[2 /* INT */]".
void print_sigmask(std::uint64_t mask, unsigned bits, ValueOut& out);

}  // namespace xtrace::decode
