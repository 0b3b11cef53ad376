/* Preloaded into a tracer (LD_PRELOAD, removed from the tracee's
 * environment with the tracer's `-E LD_PRELOAD`): at the tracer's exit,
 * appends "PID VmHWM-in-KB" to the file named by $XTRACE_BENCH_RSS_FILE.
 * The peak resident set of the tracer alone: getrusage(RUSAGE_CHILDREN) and
 * /usr/bin/time report the maximum over the tracer and its tracees. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((destructor)) static void report_peak_rss(void) {
  const char* out = getenv("XTRACE_BENCH_RSS_FILE");
  if (out == NULL) return;
  FILE* status = fopen("/proc/self/status", "r");
  if (status == NULL) return;
  char line[256];
  long kb = -1;
  while (fgets(line, sizeof line, status) != NULL)
    if (strncmp(line, "VmHWM:", 6) == 0) kb = atol(line + 6);
  fclose(status);
  if (kb < 0) return;
  char text[64];
  int len = snprintf(text, sizeof text, "%ld %ld\n", (long)getpid(), kb);
  /* One write with O_APPEND: lines of several processes never interleave. */
  int fd = open(out, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  if (write(fd, text, (size_t)len) != len) {
    /* Nothing to do: the driver reports a missing value as such. */
  }
  close(fd);
}
