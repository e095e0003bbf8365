// /openapi.json describes exactly the routes served: every route and
// command type has an operation with responses and security, and every
// local $ref resolves.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>

#include "api/json_util.h"
#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

// Resolves a local JSON pointer ("#/components/schemas/X") in `doc`.
bool Resolves(const nlohmann::json& doc, const std::string& ref) {
  if (ref.rfind("#/", 0) != 0) return false;
  return doc.contains(nlohmann::json::json_pointer(ref.substr(1)));
}

TEST(OpenApiTest, DescribesEveryRouteWithResolvableReferences) {
  ApiFixture f;
  Response r = f.Call(Get("/openapi.json", f.admin()));
  ASSERT_EQ(r.status, 200);
  const nlohmann::json doc = BodyJson(r);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  const nlohmann::json& paths = doc["paths"];
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"/healthz", "get"},          {"/readyz", "get"},
      {"/metrics", "get"},          {"/openapi.json", "get"},
      {"/v1/events", "get"},        {"/v1/events/live", "get"},
      {"/v1/streams/{stream}", "get"},
      {"/v1/admin/tokens", "post"}, {"/v1/admin/tokens", "get"},
      {"/v1/admin/tokens/{token_id}", "delete"},
      {"/v1/commands/RegisterCustomer", "post"},
      {"/v1/commands/RenameCustomer", "post"},
      {"/v1/commands/RegisterDepartment", "post"},
  };
  for (const auto& [path, method] : expected) {
    ASSERT_TRUE(paths.contains(path) && paths[path].contains(method)) << method << " " << path;
    const nlohmann::json& op = paths[path][method];
    EXPECT_TRUE(op.contains("responses") && !op["responses"].empty()) << path;
    EXPECT_TRUE(op.contains("operationId")) << path;
    EXPECT_TRUE(op["responses"].contains("400")) << path;
    if (path == "/healthz") {
      EXPECT_TRUE(op["security"].empty());
    } else {
      EXPECT_EQ(op["security"][0].begin().key(), "bearer") << path;
      EXPECT_TRUE(op["responses"].contains("401")) << path;
    }
  }
  EXPECT_FALSE(paths.contains("/v1/commands/{type}"));
  // Operation ids are unique; every $ref resolves.
  std::set<std::string> ids;
  for (const auto& [path, item] : paths.items()) {
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << path;
    }
  }
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& node) {
    if (node.is_object()) {
      for (const auto& [key, value] : node.items()) {
        if (key == "$ref") EXPECT_TRUE(Resolves(doc, value.get<std::string>())) << value;
        else walk(value);
      }
    } else if (node.is_array()) {
      for (const auto& item : node) walk(item);
    }
  };
  walk(doc);
  EXPECT_TRUE(doc["components"]["schemas"].contains("Problem"));
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

TEST(OpenApiTest, EmbedsCommandSchemasWithTheirReferencesRerooted) {
  eventstore::testing::TempDir schemas;
  {
    std::ofstream out(schemas.path() + "/RegisterCustomer.json");
    out << R"({"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
               "properties": {"budget": {"$ref": "#/definitions/Money"}},
               "definitions": {"Money": {"type": "object"}}})";
  }
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.command_schema_dir = schemas.path();
  ApiFixture f(options);
  const nlohmann::json doc = BodyJson(f.Call(Get("/openapi.json", f.admin())));
  const auto& op = doc["paths"]["/v1/commands/RegisterCustomer"]["post"];
  EXPECT_EQ(op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/RegisterCustomer");
  const auto& schema = doc["components"]["schemas"]["RegisterCustomer"];
  EXPECT_FALSE(schema.contains("$schema"));
  EXPECT_EQ(schema["properties"]["budget"]["$ref"],
            "#/components/schemas/RegisterCustomer/definitions/Money");
  EXPECT_TRUE(Resolves(doc, schema["properties"]["budget"]["$ref"]));
  // Types without a schema file still get a plain object body.
  EXPECT_EQ(doc["paths"]["/v1/commands/RenameCustomer"]["post"]["requestBody"]["content"]
               ["application/json"]["schema"]["type"],
            "object");
}

}  // namespace
}  // namespace dealstream::api::testing
