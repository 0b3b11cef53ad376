#include "xtrace/event_text.hpp"

namespace xtrace {

void render_arg_text(const SyscallEvent& ev, int i, const TextStyle& style, std::string& out) {
  if (style.arg_names && !ev.names_itself[i] && ev.desc != nullptr) {
    out += ev.desc->args[i].name;
    out += '=';
  }
  render_text(ev.arg(i), style, out);
}

}  // namespace xtrace
