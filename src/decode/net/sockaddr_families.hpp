// Printers of the address families beyond AF_UNIX, AF_INET, AF_INET6 and
// AF_NETLINK (net_kinds.cpp): AF_AX25, AF_IPX, AF_X25 and AF_PACKET, in
// strace 7.2's forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "xtrace/decode.hpp"

namespace xtrace::decode {

// The length from which `family`'s fields print (strace's sa_printers
// min_len); 0 when this file has no printer for it.
std::size_t family_fields_min_len(unsigned family);

// Appends ", FIELD=..." for the address in `sa` (`len` bytes as the
// caller gave them, zero past them); only for a family with a min_len.
void print_family_fields(unsigned family, const unsigned char* sa, std::size_t len,
                         const DecodeOptions& opts, std::string& out);

// An interface index: if_nametoindex("lo") when the index names one.
void print_ifindex(std::uint32_t index, std::string& out);

}  // namespace xtrace::decode
