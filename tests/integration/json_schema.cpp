#include "json_schema.hpp"

#include "json_schema_text.hpp"

#include <stdexcept>

namespace xtrace::testing {
namespace {

bool has_type(const nlohmann::json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  throw std::runtime_error("schema uses an unknown type " + type);
}

}  // namespace

JsonSchema JsonSchema::load_project_schema() {
  return JsonSchema(nlohmann::json::parse(kJsonSchemaText));
}

std::string JsonSchema::check(const nlohmann::json& v, const nlohmann::json& s,
                              const std::string& where) const {
  if (s.contains("$ref")) {
    std::string ref = s["$ref"];
    const std::string prefix = "#/$defs/";
    if (!ref.starts_with(prefix)) throw std::runtime_error("unsupported $ref " + ref);
    return check(v, root_["$defs"].at(ref.substr(prefix.size())), where);
  }
  if (s.contains("oneOf")) {
    int matches = 0;
    std::string why;
    for (const auto& option : s["oneOf"]) {
      std::string e = check(v, option, where);
      if (e.empty())
        ++matches;
      else
        why += "\n    " + e;
    }
    if (matches != 1)
      return where + ": matches " + std::to_string(matches) + " of oneOf: " + v.dump() + why;
  }
  if (s.contains("type")) {
    bool ok = false;
    if (s["type"].is_array()) {
      for (const auto& t : s["type"]) ok = ok || has_type(v, t);
    } else {
      ok = has_type(v, s["type"]);
    }
    if (!ok) return where + ": not " + s["type"].dump() + ": " + v.dump();
  }
  if (s.contains("const") && v != s["const"]) return where + ": not " + s["const"].dump();
  if (s.contains("enum")) {
    bool found = false;
    for (const auto& e : s["enum"]) found = found || v == e;
    if (!found) return where + ": not one of " + s["enum"].dump() + ": " + v.dump();
  }
  if (v.is_object()) {
    for (const auto& r : s.value("required", nlohmann::json::array()))
      if (!v.contains(r)) return where + ": lacks " + r.get<std::string>();
    const nlohmann::json props = s.value("properties", nlohmann::json::object());
    for (const auto& [key, item] : v.items()) {
      if (props.contains(key)) {
        if (std::string e = check(item, props[key], where + "." + key); !e.empty()) return e;
      } else if (s.contains("additionalProperties") && s["additionalProperties"] == false) {
        return where + ": unexpected " + key;
      } else if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
        // A schema every property not named must hold to (a structure's fields).
        if (std::string e = check(item, s["additionalProperties"], where + "." + key); !e.empty())
          return e;
      }
    }
  }
  if (v.is_array() && s.contains("items")) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (std::string e = check(v[i], s["items"], where + "[" + std::to_string(i) + "]");
          !e.empty())
        return e;
  }
  return {};
}

}  // namespace xtrace::testing
