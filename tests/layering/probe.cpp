// Built only by the layering tests (tests/CMakeLists.txt): it includes
// XTRACE_PROBE_HEADER with the include path of one layer's library, and
// must fail to compile when that header belongs to a layer it may not see.
#include XTRACE_PROBE_HEADER
