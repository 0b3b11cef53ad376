// One frame of a tracee's user stack (-k), as data: the engine fills it at
// the stop, the sinks choose how to print it (strace's " > MODULE(FN+0xOFF)
// [0xMODOFF]" lines, or JSON).
#pragma once

#include <cstdint>
#include <string>

namespace xtrace {

struct StackFrame {
  enum class Kind : std::uint8_t {
    frame,         // a code address inside an executable mapping
    unwind_error,  // unwinding failed here: strace's "unexpected_backtracing_error"
    too_many,      // --stack-trace-frame-limit frames and more to go
  };
  Kind kind = Kind::frame;
  std::string module;                 // path of the mapped file, as /proc/PID/maps names it
  std::string function;               // enclosing function, demangled; empty if unknown
  std::uint64_t function_offset = 0;  // address - function start
  std::uint64_t module_offset = 0;    // offset in the file: address - mapping start + its offset
  std::uint64_t address = 0;          // the code address (0: unknown, for unwind_error)
};

}  // namespace xtrace
