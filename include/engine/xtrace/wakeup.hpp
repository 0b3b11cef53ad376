// xtrace's own signals.  A fatal signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT,
// SIGPIPE) must reach the stop loop even while it blocks in waitpid, with no
// window in which it could be missed: the handler records the signal and
// starts a child that exits at once, so the waitpid returns that child's
// exit.  The handler runs with SA_RESTART, so no other call of xtrace ever
// sees EINTR.
#pragma once

#include <sys/types.h>

#include "xtrace/process_options.hpp"

namespace xtrace::wakeup {

// Sets xtrace's dispositions for the -I mode (after the command was
// forked, so that it does not inherit them): `anywhere` leaves the fatal
// signals at their default, `waiting` handles them, `never` ignores them,
// `never_tstp` ignores SIGTSTP too.  SIGTTOU and SIGTTIN are always
// ignored and SIGCHLD is set to its default.
void install(Interruptible mode);
// The fatal signal that asked xtrace to stop, or 0.
int interrupted() noexcept;
// Whether pid is one of the children the handler started (now reaped).
bool is_wake_child(pid_t pid) noexcept;

}  // namespace xtrace::wakeup
