// What a sink may know of the traced tasks: enough for strace's "[pid N]"
// prefix, -Y's comm and a process's id.  The engine's TaskRegistry
// answers it; sinks see only this, never the engine.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string_view>

namespace xtrace {

class TaskView {
 public:
  // Tasks whose first stop was seen: strace prints "[pid N]" when more
  // than one is.
  virtual std::size_t live() const = 0;
  // The command name of a task, when kept (-Y); empty otherwise.
  virtual std::string_view comm(pid_t tid) const = 0;
  // The thread group (process) of a task; the tid itself when unknown.
  virtual pid_t process_of(pid_t tid) const = 0;

 protected:
  ~TaskView() = default;
};

}  // namespace xtrace
