// The JSON renderer: values as JSON (the schema is doc/xtrace-json.schema.json).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "xtrace/value.hpp"

namespace xtrace {

// One argument's values: a typed value as its JSON form (numbers as
// numbers, NULL as null, constants and flags as objects with their names,
// strings with "truncated", fds and pids with their decorations); an
// argument some printer wrote as strace text, {"text": "..."}.
nlohmann::json value_json(ValueSpan values);

// Bytes as a JSON string: UTF-8 as it is; anything else byte for byte as
// Latin-1 code points, which *encoding says ("latin1"), so the bytes can be
// recovered and the document stays valid JSON.
nlohmann::json bytes_json(std::string_view bytes, const char** encoding);

// A document as one line; never throws (invalid UTF-8 that slipped into a
// string becomes U+FFFD).
std::string dump_line(const nlohmann::json& doc);

}  // namespace xtrace
