// iovec arrays as strace prints them: [{iov_base="...", iov_len=N}, ...],
// the contents limited by -s and, for reads, by how many bytes arrived.
#pragma once

#include <cstdint>
#include <string>

#include "xtrace/decode.hpp"

namespace xtrace::decode {

void print_iovec_array(const ArgContext& c, std::uint64_t addr, std::uint64_t count,
                       std::uint64_t data_len, std::string& out);
void print_iovec_array(const ArgContext& c, std::uint64_t addr, std::uint64_t count,
                       std::uint64_t data_len, ValueOut& out);

}  // namespace xtrace::decode
