// From the command line to the process model's parts: the tracer's
// configuration and how text lines name their task.  Wiring for main.cpp.
#pragma once

#include "xtrace/options.hpp"
#include "xtrace/task_registry.hpp"
#include "xtrace/text_sink.hpp"
#include "xtrace/tracer.hpp"

namespace xtrace {

// Resolves -u (throws UsageError as strace words it).
TracerConfig tracer_config(const Options& opts);
// The pid prefix rules of strace's printleader, -Y, and the quiet flags.
void set_process_text_options(const Options& opts, const TaskRegistry& tasks, TextOptions& text);

}  // namespace xtrace
