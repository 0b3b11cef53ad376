// The symbols of every mapped file, shared by all traced processes (libc
// is read once for all of them), keyed by path and inode so that a file
// replaced on disk is read again.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "elf_symbols.hpp"
#include "xtrace/process_maps.hpp"

namespace xtrace::unwind {

class ModuleCache {
 public:
  ElfSymbols& symbols(const Mapping& m) {
    auto key = std::make_pair(m.inode, m.path);
    auto it = modules_.find(key);
    if (it == modules_.end())
      it = modules_.emplace(std::move(key), std::make_unique<ElfSymbols>(ElfSymbols::load(m.path)))
               .first;
    return *it->second;
  }

 private:
  std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<ElfSymbols>> modules_;
};

}  // namespace xtrace::unwind
