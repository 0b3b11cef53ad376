// The library stack_dlopen loads after it started: plugin_entry calls a
// static function (only .symtab names it) that writes.
#include <unistd.h>

volatile int plugin_after_calls;

__attribute__((noinline)) static void plugin_inner(void) {
  write(1, "plugin\n", 7);
  plugin_after_calls++;
}

void plugin_entry(void) {
  plugin_inner();
  plugin_after_calls++;
}
