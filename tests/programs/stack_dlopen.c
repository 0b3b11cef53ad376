// -k on code mapped after start: writes once (so the mappings are cached),
// then dlopens argv[1] and calls its plugin_entry, which writes.
#include <dlfcn.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  write(1, "before\n", 7);
  void* lib = dlopen(argv[1], RTLD_NOW);
  if (lib == NULL) return 3;
  void (*entry)(void) = (void (*)(void))dlsym(lib, "plugin_entry");
  if (entry == NULL) return 4;
  entry();
  write(1, "after\n", 6);
  return 0;
}
