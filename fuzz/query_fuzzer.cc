// Fuzz target: query-parameter parsing — filters, as_of/known_at, cursors
// (from/limit/direction), granularity, include_states — through the routes
// that read them (fuzz/api_world.h), and the parsers underneath.
//
// Input: byte 0 picks the route, byte 1 the caller (scoped callers take
// the data-scope path that narrows the filters), the rest is the raw query
// string. The answer must not be a 5xx, an error must be a problem+json
// document, and a 400 must name the parameter at fault (unless the target
// as a whole does not parse).
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/http_message.h"
#include "api/json_util.h"
#include "api/query_params.h"
#include "base/time.h"
#include "fuzz/api_world.h"
#include "fuzz/defect.h"
#include "projections/calendar.h"

namespace dealstream::fuzz {
namespace {

constexpr std::string_view kPaths[] = {
    "/v1/events",
    "/v1/streams/opportunity-o1",
    "/v1/streams/customer-c1",
    "/v1/projections/funnel",
    "/v1/projections/forecast",
    "/v1/projections/pipeline",
    "/v1/projections/employees",
    "/v1/projections/lifecycle",
    "/v1/opportunities/o1",
    "/v1/opportunities/o1/history",
    "/v1/customers/c1",
    "/v1/customers/c1/history",
    "/v1/employees/ann",
    "/v1/departments/east/history",
    "/v1/events/live",
};

// ParseUint agrees with std::from_chars on every value of at most 20
// characters (longer ones it refuses by contract), and the period and
// timestamp parsers take any text.
void CheckParsers(std::string_view query) {
  auto target = api::ParseTarget("/x?" + std::string(query));
  if (!target.ok()) return;
  for (const auto& [name, value] : target->query) {
    std::optional<uint64_t> parsed = api::ParseUint(value);
    uint64_t expected = 0;
    const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), expected);
    const bool valid = digits && value.size() <= 20 && ec == std::errc() &&
                       end == value.data() + value.size();
    if (parsed.has_value() != valid || (valid && *parsed != expected)) {
      Defect("ParseUint disagrees with from_chars", value);
    }
    (void)projections::ParsePeriod(value);
    (void)ParseTimestamp(value);
  }
}

}  // namespace
}  // namespace dealstream::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dealstream;
  if (size < 2) return 0;
  const std::string_view query(reinterpret_cast<const char*>(data) + 2, size - 2);
  if (!fuzz::IsWireTarget(query)) return -1;
  fuzz::CheckParsers(query);
  const std::string_view path = fuzz::kPaths[data[0] % std::size(fuzz::kPaths)];
  api::Request request{.method = "GET", .target = std::string(path) + "?" + std::string(query)};
  fuzz::ApiWorld& world = fuzz::ApiWorld::Get();
  world.Authorize(&request, 1 + data[1] % (fuzz::ApiWorld::kCallers - 1));
  const api::Request sent = request;
  const api::Response response = world.Call(std::move(request));
  fuzz::ApiWorld::CheckAnswer(sent, response);
  const auto body = api::ParseJson(response.body);
  // A target that does not parse (a bad percent escape) is refused whole.
  if (response.status == 400 && body.value("code", "") != "bad_target") {
    if (!body.contains("field") || !body["field"].is_string() || body["field"].get<std::string>().empty()) {
      fuzz::Defect("a 400 that does not name the parameter", sent.target + "\n-> " + response.body);
    }
  }
  return 0;
}
