// The constant tables several process decoders share.
#pragma once

#include "xlat.hpp"

namespace xtrace::decode::tables {

extern const Xlat capability;    // CAP_CHOWN... by number
extern const Xlat sched_policy;  // SCHED_OTHER...

}  // namespace xtrace::decode::tables
