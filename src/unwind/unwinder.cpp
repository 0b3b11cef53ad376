#include "xtrace/unwinder.hpp"

#include <libunwind-ptrace.h>

#include <unordered_map>

#include "module_cache.hpp"
#include "walk_access.hpp"
#include "xtrace/mapping_changes.hpp"
#include "xtrace/process_maps.hpp"

namespace xtrace {
namespace {

// libunwind hands its accessors only the ptrace context (`arg`), which
// must stay libunwind-ptrace's own for the calls delegated to it; the
// walk in progress is found here instead.  xtrace is single-threaded and
// walks one stack at a time.
unwind::WalkAccess* g_walk = nullptr;

int access_mem(unw_addr_space_t, unw_word_t addr, unw_word_t* val, int write, void*) {
  std::uint64_t v = 0;
  if (write != 0 || g_walk == nullptr || !g_walk->word(addr, v)) return -UNW_EINVAL;
  *val = v;
  return 0;
}

int access_reg(unw_addr_space_t, unw_regnum_t regnum, unw_word_t* val, int write, void*) {
  std::uint64_t v = 0;
  if (write != 0) return -UNW_EREADONLYREG;
  if (g_walk == nullptr || !g_walk->reg(regnum, v)) return -UNW_EBADREG;
  *val = v;
  return 0;
}

// Unwind tables are found (and cached per thread context) by
// libunwind-ptrace; registers and memory come from the walk.
unw_accessors_t accessors() {
  unw_accessors_t a = _UPT_accessors;
  a.access_mem = access_mem;
  a.access_reg = access_reg;
  return a;
}

}  // namespace

struct Unwinder::Impl {
  struct Process {
    unw_addr_space_t space = nullptr;
    unwind::ProcessMaps maps;
    bool maps_valid = false;
    std::size_t threads = 0;
    ~Process() {
      if (space != nullptr) unw_destroy_addr_space(space);
    }
  };
  struct Thread {
    pid_t pid = 0;
    void* context = nullptr;  // _UPT_create's
  };

  std::size_t frame_limit;
  unw_accessors_t acc = accessors();
  std::unordered_map<pid_t, std::unique_ptr<Process>> processes;
  std::unordered_map<pid_t, Thread> threads;
  unwind::ModuleCache modules;
  std::unique_ptr<unwind::WalkAccess> walk = std::make_unique<unwind::WalkAccess>();

  Process& process(pid_t pid) {
    auto& p = processes[pid];
    if (!p) {
      p = std::make_unique<Process>();
      p->space = unw_create_addr_space(&acc, 0);
      // Frames already seen are unwound from the register-state cache,
      // without looking up their unwind tables again.
      if (p->space != nullptr) unw_set_caching_policy(p->space, UNW_CACHE_GLOBAL);
    }
    return *p;
  }

  void* context(pid_t tid, pid_t pid) {
    auto [it, fresh] = threads.try_emplace(tid);
    Thread& t = it->second;
    if (!fresh && t.pid != pid) drop(it);  // the tid moved to another process
    if (t.context == nullptr) {
      t.pid = pid;
      t.context = _UPT_create(tid);
      ++process(pid).threads;
    }
    return t.context;
  }

  void drop(std::unordered_map<pid_t, Thread>::iterator it) {
    Thread& t = it->second;
    if (t.context != nullptr) _UPT_destroy(t.context);
    t.context = nullptr;
    auto p = processes.find(t.pid);
    if (p != processes.end() && --p->second->threads == 0) processes.erase(p);
  }

  // True when the maps were read and differ from what was cached.
  bool refresh(Process& p, pid_t tid) {
    unwind::ProcessMaps fresh;
    if (!fresh.read(tid)) return false;
    bool changed = !p.maps_valid || fresh.mappings() != p.maps.mappings();
    p.maps = std::move(fresh);
    p.maps_valid = true;
    if (changed && p.space != nullptr) unw_flush_cache(p.space, 0, 0);
    return changed;
  }

  // Names the frame at ip; false (and an error frame) when ip is not code.
  bool name(Process& p, pid_t tid, std::uint64_t ip, bool caller, StackFrame& f, bool& refreshed) {
    const unwind::Mapping* m = p.maps.find(ip);
    if ((m == nullptr || !m->executable) && !refreshed) {
      // Code mapped since the maps were read, by a call xtrace did not
      // stop at: read them again, once per walk.
      refreshed = true;
      refresh(p, tid);
      m = p.maps.find(ip);
    }
    if (m == nullptr || !m->executable) {
      error(f, ip);
      return false;
    }
    f.kind = StackFrame::Kind::frame;
    f.module.assign(m->path);
    f.address = ip;
    f.module_offset = ip - m->start + m->offset;
    // A caller's address is where the call returns to, which may already
    // be the next function (after a call that never returns): its name is
    // looked up one byte back, inside the call instruction.
    std::uint64_t at = caller && ip > m->start ? ip - 1 : ip;
    auto found = modules.symbols(*m).find(at - m->start + m->offset);
    if (found) {
      f.function.assign(found->name);
      f.function_offset = found->offset + (ip - at);
    } else {
      f.function.clear();
      f.function_offset = 0;
    }
    return true;
  }

  static void error(StackFrame& f, std::uint64_t ip) {
    f.kind = StackFrame::Kind::unwind_error;
    f.module.clear();
    f.function.clear();
    f.function_offset = 0;
    f.module_offset = 0;
    f.address = ip;
  }

  void capture(pid_t tid, pid_t pid, std::vector<StackFrame>& frames) {
    std::size_t n = 0;
    auto next = [&]() -> StackFrame& {
      if (n == frames.size()) frames.emplace_back();
      return frames[n++];
    };
    Process& p = process(pid);
    void* ctx = context(tid, pid);
    if (!p.maps_valid) refresh(p, tid);
    if (p.space == nullptr || ctx == nullptr || !walk->begin(tid)) {
      error(next(), 0);  // the thread is gone
      frames.resize(n);
      return;
    }
    g_walk = walk.get();
    unw_cursor_t cursor;
    if (unw_init_remote(&cursor, p.space, ctx) < 0) {
      error(next(), walk->ip());
    } else {
      bool refreshed = false;
      bool caller = false;
      for (std::size_t depth = 0;; ++depth) {
        unw_word_t ip = 0;
        if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0) {
          error(next(), 0);
          break;
        }
        // libunwind reports the end of some stacks as ip 0; strace stops
        // there without a word.
        if (ip == 0 && depth > 0) break;
        if (depth == frame_limit) {
          StackFrame& f = next();
          error(f, 0);
          f.kind = StackFrame::Kind::too_many;
          break;
        }
        if (!name(p, tid, ip, caller, next(), refreshed)) break;
        // After a signal frame comes the interrupted code's own address,
        // not a return address.
        caller = unw_is_signal_frame(&cursor) <= 0;
        int stepped = unw_step(&cursor);
        if (stepped == 0) break;
        if (stepped < 0) {
          error(next(), ip);  // no unwind info, or memory gone (the thread was killed)
          break;
        }
      }
    }
    g_walk = nullptr;
    frames.resize(n);
  }
};

Unwinder::Unwinder(std::size_t frame_limit) : impl_(std::make_unique<Impl>()) {
  impl_->frame_limit = frame_limit;
}

Unwinder::~Unwinder() {
  for (auto it = impl_->threads.begin(); it != impl_->threads.end(); ++it)
    if (it->second.context != nullptr) _UPT_destroy(it->second.context);
}

void Unwinder::capture(pid_t tid, pid_t pid, std::vector<StackFrame>& frames) {
  impl_->capture(tid, pid, frames);
}

void Unwinder::after_call(pid_t pid, const SyscallEvent& ev) {
  auto it = impl_->processes.find(pid);
  if (it == impl_->processes.end()) return;  // nothing cached yet
  Impl::Process& p = *it->second;
  switch (unwind::mapping_change(ev, p.maps)) {
    case unwind::MappingChange::none: break;
    case unwind::MappingChange::code: p.maps_valid = false; break;
    case unwind::MappingChange::exec:
      // libunwind-ptrace caches the last ELF image it used per context:
      // every context of the process goes with the old image.
      for (auto t = impl_->threads.begin(); t != impl_->threads.end();) {
        if (t->second.pid == pid) {
          impl_->drop(t);  // erases the process with its last thread
          t = impl_->threads.erase(t);
        } else {
          ++t;
        }
      }
      impl_->processes.erase(pid);
      break;
  }
}

void Unwinder::forget_thread(pid_t tid) {
  auto it = impl_->threads.find(tid);
  if (it == impl_->threads.end()) return;
  impl_->drop(it);
  impl_->threads.erase(it);
}

}  // namespace xtrace
