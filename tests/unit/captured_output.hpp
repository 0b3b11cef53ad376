// Sinks under test write to a std::tmpfile(); this reads all of it back
// and closes it.
#pragma once

#include <cstdio>
#include <string>

namespace xtrace::testing {

inline std::string read_and_close(std::FILE* f) {
  std::rewind(f);
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  std::fclose(f);
  return text;
}

}  // namespace xtrace::testing
