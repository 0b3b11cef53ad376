// strace's string quoter (src/value/quote.cpp), both sides: text quoted
// directly, and bytes values rendered as text (every -x level) and as JSON.
// The first two bytes choose the style and the limit; the rest is the
// string.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "xtrace/quote.hpp"
#include "xtrace/value_json.hpp"
#include "xtrace/value_text.hpp"

using namespace xtrace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  auto hex = static_cast<HexStrings>(in.ConsumeIntegralInRange<int>(0, 3));
  bool force_hex = in.ConsumeBool();
  bool quotes = in.ConsumeBool();
  bool escape_brackets = in.ConsumeBool();  // -y's paths escape "<>"
  bool truncated = in.ConsumeBool();
  auto limit = in.ConsumeIntegralInRange<std::size_t>(0, 64);
  std::string bytes = in.ConsumeRemainingBytesAsString();

  QuoteStyle style{.hex = hex,
                   .force_hex = force_hex,
                   .quotes = quotes,
                   .escape_chars = escape_brackets ? "<>" : ""};
  std::string text;
  quote_string(bytes, style, text);
  quote_buffer(bytes, limit, style, text);
  quote_truncated(bytes, truncated, style, text);

  // The value side keeps only force_hex; the renderer applies -x / -xx.
  ValueOut values;
  QuoteStyle value_style{.force_hex = force_hex};
  quote_string(bytes, value_style, values);
  quote_buffer(bytes, limit, value_style, values);
  quote_truncated(bytes, truncated, value_style, values);
  std::string rendered;
  render_text(values, TextStyle{.hex = hex}, rendered);
  // As the JSON sink writes it: dump_line replaces invalid UTF-8.
  (void)dump_line(value_json(values));
  return 0;
}
