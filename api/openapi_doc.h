// Helpers that build the OpenAPI 3.1 fragments route groups attach to their
// routes, and the shared components (schemas) they refer to.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

namespace dealstream::api::doc {

using nlohmann::json;

json PathParam(const std::string& name, const std::string& description, json schema);
json QueryParam(const std::string& name, const std::string& description, json schema);
json HeaderParam(const std::string& name, const std::string& description, json schema,
                 bool required = false);

// {"$ref": "#/components/schemas/<name>"}
json Ref(const std::string& schema_name);
// A 2xx response with an application/json body.
json JsonBody(const std::string& description, json schema);
// Problem responses for each status, into `responses`.
void AddProblems(json& responses, std::initializer_list<int> statuses);

// The "components" object: Problem, CloudEvent, EventPage, StreamPage,
// CommandResult, Token…, and the bearer security scheme.
json Components();

}  // namespace dealstream::api::doc
