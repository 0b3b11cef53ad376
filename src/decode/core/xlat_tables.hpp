// The constant tables the decoding core shares with every family: the
// signal names and the netlink protocols (-yy's socket details).  A table
// of one family lives in that family's folder (fs/fs_tables.hpp...).
#pragma once

#include "xlat.hpp"

namespace xtrace::decode::tables {

extern const Xlat signals;
extern const Xlat netlink_protocol;  // NETLINK_ROUTE...

}  // namespace xtrace::decode::tables
