#include "codec/schema_validator.h"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <string>
#include <vector>

#include "codec/json_dom.h"

namespace dealstream::codec {
namespace {

std::string TypeName(const nlohmann::json& type) {
  const std::string t = type.is_string() ? type.get<std::string>() : "";
  if (t == "object" || t == "array" || t == "integer") return "an " + t;
  if (t == "string" || t == "boolean" || t == "number") return "a " + t;
  return "a value of the schema's type";
}

std::string Range(const nlohmann::json& node) {
  const bool lo = node.contains("minimum"), hi = node.contains("maximum");
  if (lo && hi) {
    return "must be from " + node["minimum"].dump() + " to " + node["maximum"].dump();
  }
  if (lo) return "must be at least " + node["minimum"].dump();
  if (hi) return "must be at most " + node["maximum"].dump();
  return "is out of range";
}

// The rule a valijson error reports, phrased after the field name, using
// the schema node the error is about.
std::string Rule(const nlohmann::json& node, const std::string& description) {
  const auto starts = [&](std::string_view prefix) { return description.starts_with(prefix); };
  if (starts("Value type not permitted")) return "expected " + TypeName(node.value("type", nlohmann::json()));
  if (starts("Failed to match regex")) {
    std::string rule = "must match the pattern " + node.value("pattern", std::string());
    if (node.contains("description")) rule += " (" + node["description"].get<std::string>() + ")";
    return rule;
  }
  if (starts("Failed to match against any enum")) {
    std::string names;
    for (const auto& n : node.value("enum", nlohmann::json::array())) {
      names += (names.empty() ? "" : ", ") + n.dump();
    }
    return "must be one of " + names;
  }
  if (starts("String should be no more than")) {
    return "must be at most " + node.value("maxLength", nlohmann::json()).dump() +
           " characters long";
  }
  if (starts("String should be no fewer than")) {
    const auto n = node.value("minLength", 0);
    return n == 1 ? "must not be empty" : "must be at least " + std::to_string(n) + " characters long";
  }
  if (starts("Expected number")) return Range(node);
  return description;
}

// Extracts 'name' from messages such as "Missing required property 'x'.".
std::string QuotedName(const std::string& description) {
  const size_t close = description.rfind('\'');
  const size_t open = close == std::string::npos || close == 0
                          ? std::string::npos
                          : description.rfind('\'', close - 1);
  return open == std::string::npos ? std::string() : description.substr(open + 1, close - open - 1);
}

std::string Join(std::string path, std::string_view name) {
  if (!path.empty()) path.push_back('.');
  path.append(name);
  return path;
}

}  // namespace

struct SchemaValidator::Impl {
  nlohmann::json schema_json;
  valijson::Schema schema;

  // Follows valijson's context ("<root>", "[lines]", "[2]", …) through the
  // schema, giving the JSON path and the schema node it ends at.
  std::pair<std::string, const nlohmann::json*> Locate(const std::vector<std::string>& context) const {
    std::string path;
    const nlohmann::json* node = &schema_json;
    for (size_t i = 1; i < context.size(); ++i) {
      const std::string& step = context[i];
      const std::string name = step.size() >= 2 ? step.substr(1, step.size() - 2) : step;
      if (node->value("type", "") == "array") {
        path += "[" + name + "]";
        node = node->contains("items") ? &(*node)["items"] : node;
        continue;
      }
      path = Join(std::move(path), name);
      const auto& properties = node->value("properties", nlohmann::json::object());
      if (properties.contains(name)) {
        node = &(*node)["properties"][name];
      } else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object()) {
        node = &(*node)["additionalProperties"];
      }
    }
    return {path, node};
  }
};

SchemaValidator::SchemaValidator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SchemaValidator::~SchemaValidator() = default;

Result<std::unique_ptr<SchemaValidator>> SchemaValidator::Compile(std::string_view schema_text) {
  auto dom = ParseJsonDom(schema_text);
  if (!dom.ok()) return Status::InvalidArgument("schema: " + dom.error().message);
  auto impl = std::make_unique<Impl>();
  impl->schema_json = std::move(*dom);
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(impl->schema_json);
    parser.populateSchema(adapter, impl->schema);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("schema could not be compiled: ") + e.what());
  }
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(std::move(impl)));
}

std::optional<FieldError> SchemaValidator::Validate(const nlohmann::json& document) const {
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  bool valid = false;
  try {
    valid = validator.validate(impl_->schema, target, &results);
  } catch (const std::exception& e) {
    return FieldError{"", std::string("the document could not be validated: ") + e.what()};
  }
  if (valid) return std::nullopt;
  valijson::ValidationResults::Error error, deepest;
  bool any = false;
  while (results.popError(error)) {
    if (!any || error.context.size() > deepest.context.size()) deepest = error;
    any = true;
  }
  if (!any) return FieldError{"", "the document does not match its schema"};
  auto [path, node] = impl_->Locate(deepest.context);
  const std::string& d = deepest.description;
  if (d.starts_with("Missing required property")) {
    return ErrorAt(Join(path, QuotedName(d)), "required field is missing");
  }
  if (d.starts_with("Object contains a property that could not be validated")) {
    std::string allowed;
    const nlohmann::json properties = node->value("properties", nlohmann::json::object());
    for (const auto& [name, _] : properties.items()) allowed += (allowed.empty() ? "" : ", ") + name;
    return ErrorAt(Join(path, QuotedName(d)), "unknown field (allowed: " + allowed + ")");
  }
  return ErrorAt(path, Rule(*node, d));
}

}  // namespace dealstream::codec
