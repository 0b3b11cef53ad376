// A validator for the part of JSON Schema (2020-12) that
// doc/xtrace-json.schema.json uses: $ref into $defs, oneOf, type, const,
// enum, required, properties, additionalProperties (false or a schema), items.  Enough
// to hold every --json line to the schema without another dependency.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace xtrace::testing {

class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json schema) : root_(std::move(schema)) {}
  // The project's schema (doc/xtrace-json.schema.json, compiled in).
  static JsonSchema load_project_schema();

  // Empty when `value` is valid; else where and why not.
  std::string check(const nlohmann::json& value) const { return check(value, root_, "$"); }

 private:
  std::string check(const nlohmann::json& value, const nlohmann::json& schema,
                    const std::string& where) const;
  nlohmann::json root_;
};

}  // namespace xtrace::testing
