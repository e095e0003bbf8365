#include "api/problem.h"

#include "api/json_util.h"

namespace dealstream::api {

Response ProblemResponse(const Problem& problem) {
  nlohmann::json body = {
      {"type", "urn:dealstream:problem:" + problem.code},
      {"title", std::string(ReasonPhrase(problem.status))},
      {"status", problem.status},
      {"detail", problem.detail},
      {"instance", problem.instance.empty() ? std::string("/") : problem.instance},
      {"code", problem.code},
  };
  if (!problem.field.empty()) body["field"] = problem.field;
  if (problem.current_version) body["current_version"] = *problem.current_version;
  Response r;
  r.status = problem.status;
  r.headers.Set("Content-Type", kProblemJson);
  r.body = DumpJson(body);
  return r;
}

}  // namespace dealstream::api
