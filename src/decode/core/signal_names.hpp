// Signal names as strace prints them: SIGINT, SIGRTMIN, SIGRT_3.
#pragma once

#include <cstdint>
#include <string>

namespace xtrace::decode {

// "SIGINT"; real-time signals as SIGRTMIN / SIGRT_n; else the number.
void print_signal(int sig, std::string& out);
// The same without the SIG prefix, as inside a sigset: "INT", "RT_1".
void print_signal_short(int sig, std::string& out);
// A mask of signals 1..bits: "[INT TERM]", or "~[...]" for the complement
// when more than half are set, as strace prints sigsets.
void print_sigmask(std::uint64_t mask, unsigned bits, std::string& out);

}  // namespace xtrace::decode
