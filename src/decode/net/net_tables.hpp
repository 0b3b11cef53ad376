// The constant tables the net decoders share.
#pragma once

#include "xlat.hpp"

namespace xtrace::decode::tables {

extern const Xlat socket_family;  // AF_UNIX...
extern const Xlat socket_type;    // SOCK_STREAM...
extern const Xlat socket_type_flags;

}  // namespace xtrace::decode::tables
