#include "kernel_names.hpp"

#include <cerrno>
#include <string>

#include "c_number.hpp"
#include "named_values.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::cli {
namespace {

constexpr int kMaxSignalToken = 255;
constexpr int kMaxErrno = 4095;

// Names the C library does not return for their number (it has one name
// per value) but that programs use.
constexpr NamedValue kErrnoAliases[] = {
    {"EWOULDBLOCK", EWOULDBLOCK}, {"ENOTSUP", ENOTSUP}, {"EDEADLOCK", EDEADLOCK}};

}  // namespace

int signal_token(std::string_view token) {
  if (!token.empty() && token.front() >= '0' && token.front() <= '9') {
    auto n = parse_c_number(token, 0, kMaxSignalToken);
    return n ? static_cast<int>(*n) : -1;
  }
  if (token.size() >= 3 && equals_ignoring_case(token.substr(0, 3), "SIG")) token.remove_prefix(3);
  for (int sig = 1; sig <= kMaxSignalToken; ++sig) {
    std::string name = signal_name(sig);
    if (name.starts_with("SIG") && equals_ignoring_case(std::string_view(name).substr(3), token))
      return sig;
  }
  return -1;
}

int errno_token(std::string_view token) {
  if (auto n = parse_c_number(token, 1, kMaxErrno)) return static_cast<int>(*n);
  if (int alias = find_value(kErrnoAliases, token); alias > 0) return alias;
  for (int e = 1; e <= kMaxErrno; ++e) {
    std::string_view name = errno_name(e);
    if (!name.empty() && equals_ignoring_case(name, token)) return e;
  }
  return -1;
}

}  // namespace xtrace::cli
