#include "strace_output.hpp"

#include <regex>

namespace xtrace::testing {
namespace {

struct Rule {
  std::regex pattern;
  const char* replacement;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      {std::regex(R"(getrandom\("[^"]*")"), R"(getrandom("RANDOM")"},
      {std::regex(R"(0x[0-9a-f]+)"), "0xADDR"},
      {std::regex(R"((set_tid_address|getpid|gettid|getppid)\((.*)\) += \d+)"), "$1($2) = PID"},
      {std::regex(R"(\[pid +\d+\])"), "[pid PID]"},
      {std::regex(R"(si_pid=\d+)"), "si_pid=PID"},
      {std::regex(R"(\[ Process PID=\d+ )"), "[ Process PID=PID "},  // personality
      {std::regex(R"(kill\(\d+, )"), "kill(PID, "},
      {std::regex(R"(htons\(\d+\))"), "htons(PORT)"},  // ephemeral ports
      {std::regex(R"(\) +=( |$))"), ") =$1"},
  };
  return kRules;
}

}  // namespace

std::string normalize_line(const std::string& line) {
  std::string out = line;
  for (const auto& r : rules()) out = std::regex_replace(out, r.pattern, r.replacement);
  return out;
}

std::vector<std::string> normalize(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const auto& l : lines) out.push_back(normalize_line(l));
  return out;
}

}  // namespace xtrace::testing
