// -k / --stack-trace and --stack-trace-frame-limit.
#pragma once

#include <cstddef>

namespace xtrace {

// strace's DEFAULT_STACK_TRACE_FRAME_LIMIT.
inline constexpr std::size_t kDefaultStackFrameLimit = 256;

struct StackTraceOptions {
  bool enabled = false;                               // -k
  std::size_t frame_limit = kDefaultStackFrameLimit;  // --stack-trace-frame-limit
};

}  // namespace xtrace
