// -k on real tracees: the known chain (named from .symtab, checked against
// addr2line and nm), C++ names, a library loaded after start, two threads,
// the frame limit, the stack of a call cut short, and a tracee killed
// while its stack is unwound.
#include <elf.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "run_command.hpp"

namespace xtrace::testing {
namespace {

struct Frame {
  std::string module;
  std::string function;
  std::uint64_t function_offset = 0;
  std::uint64_t module_offset = 0;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The " > " lines right after the first line containing `marker`.
std::vector<Frame> stack_after(const std::string& output, const std::string& marker) {
  // Module paths here have no '('; C++ function names do.
  static const std::regex named(R"( > ([^(]+)\((.*)\+0x([0-9a-f]+)\) \[0x([0-9a-f]+)\])");
  static const std::regex unnamed(R"( > ([^(]+)\(\) \[0x([0-9a-f]+)\])");
  std::vector<Frame> frames;
  auto lines = lines_of(output);
  auto it = std::find_if(lines.begin(), lines.end(),
                         [&](const std::string& l) { return contains(l, marker); });
  if (it == lines.end()) return frames;
  for (++it; it != lines.end() && it->rfind(" > ", 0) == 0; ++it) {
    std::smatch m;
    Frame f;
    if (std::regex_match(*it, m, named)) {
      f = {m[1], m[2], std::stoull(m[3], nullptr, 16), std::stoull(m[4], nullptr, 16)};
    } else if (std::regex_match(*it, m, unnamed)) {
      f.module = m[1];
      f.module_offset = std::stoull(m[2], nullptr, 16);
    } else {
      f.module = *it;  // an error line, kept whole
    }
    frames.push_back(f);
  }
  return frames;
}

// The stack of the call whose line contains `marker` (with -f): after the
// line itself, or after its "<... NAME resumed>" when another task
// interrupted it.
std::vector<Frame> stack_of_call(const std::string& output, const std::string& marker) {
  static const std::regex call(R"(^(\[pid +[0-9]+\] )([a-z_0-9]+)\(.*<unfinished \.\.\.>$)");
  for (const auto& line : lines_of(output)) {
    if (!contains(line, marker)) continue;
    std::smatch m;
    if (!std::regex_match(line, m, call)) return stack_after(output, marker);
    std::string resumed = std::string(m[1]) + "<... " + std::string(m[2]) + " resumed>";
    return stack_after(output.substr(output.find(line)), resumed);
  }
  return {};
}

std::vector<std::string> functions(const std::vector<Frame>& frames) {
  std::vector<std::string> names;
  for (const auto& f : frames) names.push_back(f.function);
  return names;
}

// A file offset of `path` as the address its tools (addr2line, nm) use.
std::uint64_t to_vaddr(const std::string& path, std::uint64_t offset) {
  std::string elf = read_file(path);
  Elf64_Ehdr eh;
  std::memcpy(&eh, elf.data(), sizeof eh);
  for (int i = 0; i < eh.e_phnum; ++i) {
    Elf64_Phdr ph;
    std::memcpy(&ph, elf.data() + eh.e_phoff + i * eh.e_phentsize, sizeof ph);
    if (ph.p_type == PT_LOAD && offset >= ph.p_offset && offset < ph.p_offset + ph.p_filesz)
      return offset - ph.p_offset + ph.p_vaddr;
  }
  ADD_FAILURE() << "offset " << offset << " is in no segment of " << path;
  return 0;
}

std::string addr2line_function(const std::string& path, std::uint64_t vaddr) {
  std::ostringstream hex;
  hex << std::hex << "0x" << vaddr;
  RunResult r = run_command({"addr2line", "-f", "-e", path, hex.str()});
  EXPECT_EQ(r.code, 0) << r.err;
  return lines_of(r.out).empty() ? std::string() : lines_of(r.out).front();
}

// Symbol -> address, from nm (args: "-D" for the dynamic table only).
std::map<std::string, std::uint64_t> nm_symbols(const std::string& path, bool dynamic) {
  std::vector<std::string> argv = {"nm"};
  if (dynamic) argv.push_back("-D");
  argv.push_back(path);
  std::map<std::string, std::uint64_t> symbols;
  for (const auto& line : lines_of(run_command(argv).out)) {
    std::istringstream in(line);
    std::string addr, type, name;
    if (in >> addr >> type >> name) symbols[name] = std::stoull(addr, nullptr, 16);
  }
  return symbols;
}

TEST(StackTrace, KnownChainNamesInnerOuterMainWithOffsetsAddr2lineAgreesWith) {
  std::string prog = program("stack_chain");
  RunResult r = run_command({xtrace_binary(), "-k", "-e", "trace=write", prog});
  ASSERT_EQ(r.code, 0) << r.err;
  auto frames = stack_after(r.err, R"(write(1, "inner\n", 6))");
  ASSERT_GE(frames.size(), 4u) << r.err;
  EXPECT_TRUE(contains(frames[0].module, "libc.so")) << r.err;
  std::vector<std::string> chain = {"inner", "outer", "main"};
  auto symbols = nm_symbols(prog, false);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const Frame& f = frames[i + 1];
    EXPECT_EQ(f.module, prog);
    EXPECT_EQ(f.function, chain[i]) << r.err;
    // addr2line names the call instruction (one byte before the return
    // address); nm's start plus the printed offset is the address itself.
    std::uint64_t vaddr = to_vaddr(prog, f.module_offset);
    EXPECT_EQ(addr2line_function(prog, vaddr - 1), chain[i]);
    ASSERT_TRUE(symbols.count(chain[i])) << chain[i];
    EXPECT_EQ(symbols[chain[i]] + f.function_offset, vaddr) << chain[i];
  }
  // inner is static: only .symtab has it, .dynsym (all strace 6.1 reads) does not.
  EXPECT_EQ(nm_symbols(prog, true).count("inner"), 0u);
}

TEST(StackTrace, CallCutShortPrintsItsStackAfterTheExitLineAsStrace) {
  RunResult r =
      run_command({xtrace_binary(), "-k", "-e", "trace=exit_group", program("stack_chain")});
  ASSERT_EQ(r.code, 0) << r.err;
  auto frames = stack_after(r.err, "+++ exited with 0 +++");
  ASSERT_FALSE(frames.empty()) << r.err;
  EXPECT_TRUE(contains(frames[0].module, "libc.so")) << r.err;
}

TEST(StackTrace, FrameLimitEndsTheStackWithStracesNote) {
  RunResult r = run_command({xtrace_binary(), "-k", "--stack-trace-frame-limit=2", "-e",
                             "trace=write", program("stack_chain")});
  ASSERT_EQ(r.code, 0) << r.err;
  auto frames = stack_after(r.err, R"(write(1, "inner\n", 6))");
  ASSERT_EQ(frames.size(), 3u) << r.err;
  EXPECT_EQ(frames[1].function, "inner");
  EXPECT_EQ(frames[2].module, " > too many stack frames");
}

TEST(StackTrace, CxxFramesAreDemangled) {
  std::string prog = program("stack_cxx");
  RunResult r = run_command({xtrace_binary(), "--stack-trace", "-e", "trace=write", prog});
  ASSERT_EQ(r.code, 0) << r.err;
  auto frames = stack_after(r.err, "write(1, \"7\", 1)");
  ASSERT_GE(frames.size(), 4u) << r.err;
  EXPECT_EQ(frames[1].function, "void shapes::emit<int>(int)") << r.err;
  EXPECT_EQ(frames[2].function, "shapes::Widget::draw(int)") << r.err;
  EXPECT_EQ(frames[3].function, "main") << r.err;
}

// The library is mapped after the first stacks were taken: its frames are
// named only if the cached mappings are read again.  With -f and a narrow
// trace set the seccomp filter is on, and mmap stops only because of -k.
void expect_plugin_frames(const std::vector<std::string>& options) {
  std::string plugin = program("libstack_plugin.so");
  std::vector<std::string> argv = {xtrace_binary(), "-k"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), {"-e", "trace=write", program("stack_dlopen"), plugin});
  RunResult r = run_command(argv);
  ASSERT_EQ(r.code, 0) << r.err;
  auto before = stack_after(r.err, R"(write(1, "before\n", 7))");
  ASSERT_GE(before.size(), 2u) << r.err;
  EXPECT_EQ(before[1].function, "main");
  auto frames = stack_after(r.err, R"(write(1, "plugin\n", 7))");
  ASSERT_GE(frames.size(), 4u) << r.err;
  EXPECT_EQ(frames[1].module, plugin) << r.err;
  EXPECT_EQ(frames[1].function, "plugin_inner") << r.err;
  EXPECT_EQ(frames[2].function, "plugin_entry") << r.err;
  EXPECT_TRUE(ends_with(frames[3].module, "/stack_dlopen")) << r.err;
  EXPECT_EQ(frames[3].function, "main") << r.err;
}

TEST(StackTrace, LibraryLoadedAfterStartIsNamed) {
  expect_plugin_frames({});
}

TEST(StackTrace, LibraryLoadedAfterStartIsNamedUnderSeccompFilter) {
  expect_plugin_frames({"-f", "--seccomp-bpf"});
}

TEST(StackTrace, EachThreadIsUnwoundOnItsOwnRegisters) {
  RunResult r = run_command(
      {xtrace_binary(), "-q", "-f", "-k", "-e", "trace=write", program("stack_threads")});
  ASSERT_EQ(r.code, 0) << r.err;
  auto alpha = functions(stack_of_call(r.err, R"(write(1, "alpha\n", 6)"));
  auto beta = functions(stack_of_call(r.err, R"(write(1, "beta\n", 5)"));
  ASSERT_GE(alpha.size(), 3u) << r.err;
  ASSERT_GE(beta.size(), 3u) << r.err;
  EXPECT_EQ(alpha[1], "alpha_inner");
  EXPECT_EQ(alpha[2], "alpha_thread");
  EXPECT_EQ(beta[1], "beta_inner");
  EXPECT_EQ(beta[2], "beta_thread");
  EXPECT_EQ(std::count(alpha.begin(), alpha.end(), "main"), 0);
}

// The child is SIGKILLed by its parent, which runs free (the seccomp filter
// leaves kill untraced) while the child spends nearly all its time stopped
// in one of its long unwinds: the trace goes on to the parent's end, and
// nothing is left stopped.  (With PTRACE_O_TRACEEXIT the killed thread
// stops again before its memory goes, so that unwind usually completes;
// a thread already gone is the unit test's VanishedThread case.)
TEST(StackTrace, TraceeKilledDuringUnwindEndsOnlyItsStack) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace";
  RunResult r = run_command({xtrace_binary(), "-f", "-k", "--stack-trace-frame-limit=100000", "-o",
                             out, "-e", "trace=getppid", program("stack_deep")});
  std::string trace = read_file(out);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(trace, "+++ killed by SIGKILL +++"));
  EXPECT_TRUE(ends_with(trace, "+++ exited with 0 +++\n") ||
              contains(trace, "+++ exited with 0 +++\n > "));
  EXPECT_GT(std::count(trace.begin(), trace.end(), '\n'), 3000);
}

TEST(StackTrace, OptionsAreCheckedInStracesWords) {
  RunResult kk = run_command({xtrace_binary(), "-kk", "true"});
  EXPECT_EQ(kk.code, 1);
  EXPECT_TRUE(contains(kk.err, "(-kk/--stack-trace=source option) are not supported")) << kk.err;
  RunResult source = run_command({xtrace_binary(), "--stack-trace=source", "true"});
  EXPECT_EQ(source.code, 1);
  RunResult bad = run_command({xtrace_binary(), "--stack-trace=bogus", "true"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_TRUE(contains(bad.err, "invalid --stack-trace argument: 'bogus'")) << bad.err;
  RunResult zero = run_command({xtrace_binary(), "-k", "--stack-trace-frame-limit=0", "true"});
  EXPECT_EQ(zero.code, 1);
  EXPECT_TRUE(contains(zero.err, "invalid --stack-trace-frame-limit argument: '0'")) << zero.err;
  RunResult summary = run_command({xtrace_binary(), "-c", "-k", "true"});
  EXPECT_EQ(summary.code, 0);
  EXPECT_TRUE(contains(summary.err, "-k/--stack-trace has no effect with -c/--summary-only"));
  EXPECT_FALSE(contains(summary.err, " > ")) << summary.err;
  RunResult alone = run_command({xtrace_binary(), "--stack-trace-frame-limit=5", "true"});
  EXPECT_EQ(alone.code, 0);
  EXPECT_TRUE(contains(alone.err, "--stack-trace-frame-limit has no effect without -k"));
  EXPECT_FALSE(contains(alone.err, " > ")) << alone.err;
}

TEST(StackTrace, HelpAndVersionSayIt) {
  RunResult help = run_command({xtrace_binary(), "--help"});
  EXPECT_TRUE(contains(help.out, "-k, --stack-trace[=symbol]"));
  EXPECT_TRUE(contains(help.out, "--stack-trace-frame-limit=LIMIT"));
  RunResult version = run_command({xtrace_binary(), "-V"});
  EXPECT_TRUE(contains(version.out, "Optional features enabled: stack-trace=libunwind"));
}

}  // namespace
}  // namespace xtrace::testing
