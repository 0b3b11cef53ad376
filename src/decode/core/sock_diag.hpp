// The transport under -yy's socket details: requests to the kernel's
// sock_diag netlink interface (NETLINK_SOCK_DIAG) and their answers.  The
// AF_UNIX, inet and netlink queries differ only in their request and in
// how they read one answer message.
#pragma once

#include <linux/netlink.h>

#include <cstddef>
#include <functional>

namespace xtrace::decode {

// Reads one answer message (its header and payload); true when it was the
// one looked for, which ends the reading of a single-answer request.
using SockDiagVisitor = std::function<bool(const nlmsghdr& message)>;

// Sends `request` (a netlink header followed by its body, `size` bytes in
// all; the sequence number is set here) and shows each answer message to
// `visit` until it returns true, the kernel ends the answer (NLMSG_DONE,
// NLMSG_ERROR) or nothing more is queued.  A dump (NLM_F_DUMP) is always
// read to its end: the kernel refuses a new dump on a socket whose last
// one is unfinished.  False when the request could not be sent.
bool sock_diag_request(nlmsghdr& request, std::size_t size, const SockDiagVisitor& visit);

}  // namespace xtrace::decode
