// The authorization matrix (DESIGN §9 R7, api/README.md): every route the
// router holds — enumerated at run time, so new routes are covered without
// touching this test — × every role × every scope case (own record, same
// department, other department), over real loopback HTTP:
//   - no token, or an unknown one: 401 (public routes excepted);
//   - a role the permission table refuses: 403;
//   - a permitted role: never 5xx; a record outside the caller's data scope
//     answers 404 exactly like a missing one; a record inside it answers
//     2xx where the scope can be resolved (opportunities, customers and
//     what hangs off them, reference data); lists, projections and the
//     event feed never mention an out-of-scope record.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "api/json_util.h"
#include "full_stack.h"

namespace dealstream::api::testing {
namespace {

struct Caller {
  Role role;
  std::string employee;
};

// Who may see the records of `side` (full_stack.h): all-scope roles see
// everything; the east seller their own; the east manager the east
// department (own and peer).
bool Sees(const Caller& caller, const std::string& side) {
  switch (caller.role) {
    case Role::kSales: return side == "east";
    case Role::kManager: return side == "east" || side == "peer";
    default: return true;
  }
}

bool Scoped(const Caller& caller) {
  return caller.role == Role::kSales || caller.role == Role::kManager;
}

// The id a path parameter stands for on `side`, by the collection it follows.
std::string Fill(const std::string& pattern, const std::string& side, bool* per_record,
                 std::string* resolvable_category) {
  std::vector<std::string> segments;
  for (size_t start = 1; start <= pattern.size();) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string::npos) slash = pattern.size();
    segments.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  static const std::map<std::string, std::pair<std::string, std::string>> kRecords = {
      {"opportunities", {"opp-", "opportunity"}},
      {"customers", {"cust-", "customer"}},
      {"contacts", {"contact-", "contact"}},  // a contact is in scope with its customer
      {"contracts", {"contract-", "contract"}},  // owned as drafted
  };
  static const std::map<std::string, std::string> kReference = {
      {"departments", "east"}, {"employees", "emp-west"}, {"products", "prod-1"}};
  std::string path;
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string segment = segments[i];
    const std::string before = i > 0 ? segments[i - 1] : "";
    if (segment == "{id}") {
      if (auto record = kRecords.find(before); record != kRecords.end()) {
        segment = record->second.first + side;
        *per_record = true;
        *resolvable_category = record->second.second;
      } else if (auto ref = kReference.find(before); ref != kReference.end()) {
        segment = ref->second;
      } else {
        segment = "none-such";
      }
    } else if (segment == "{stream}") {
      segment = "opportunity-opp-" + side;
      *per_record = true;
      *resolvable_category = "opportunity";
    } else if (segment == "{type}") {
      segment = "AddOpportunityComment";
      *per_record = true;
      *resolvable_category = "opportunity";
    } else if (segment.size() > 2 && segment.front() == '{') {
      segment = "none-such";
    }
    path += "/" + segment;
  }
  return path;
}

Request MakeRequest(const Route& route, const std::string& path, const std::string& side,
                    const std::string& token) {
  Request r{.method = route.method, .target = path};
  if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
  if (route.method == "POST" || route.method == "PUT" || route.method == "PATCH") {
    r.headers.Set("Content-Type", "application/json");
    r.body = route.pattern == "/v1/commands/{type}"
                 ? R"({"opportunity_id":"opp-)" + side + R"(","text":"matrix"})"
                 : "{}";
  }
  return r;
}

bool Streams(const Route& route) {
  return route.pattern.size() >= 5 && route.pattern.substr(route.pattern.size() - 5) == "/live";
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  // The status and body; streamed answers (SSE) only their status.
  std::pair<int, std::string> Send(const Route& route, const Request& request) {
    auto connection = TestConnection::Open(stack_.port());
    EXPECT_TRUE(connection.ok());
    if (!connection.ok()) return {0, ""};
    if (!(*connection)->Send(request).ok()) return {0, ""};
    auto response = Streams(route) ? (*connection)->ReadHeader() : (*connection)->Read();
    EXPECT_TRUE(response.ok()) << request.method << " " << request.target;
    if (!response.ok()) return {0, ""};
    return {response->status, response->body};
  }

  FullStack stack_;
};

TEST_F(AuthorizationMatrixTest, EveryRouteRoleAndScope) {
  std::vector<Caller> callers = {{Role::kAdmin, "root"},      {Role::kManager, "mgr-east"},
                                 {Role::kSales, "emp-east"},  {Role::kAuditor, "emp-west"},
                                 {Role::kAnalyst, "emp-west"}, {Role::kIntegrator, "emp-west"}};
  std::map<Role, std::string> tokens;
  for (const Caller& c : callers) tokens[c.role] = stack_.Token(c.role, c.employee);
  const std::vector<const Route*> routes = stack_.api().router().routes();
  ASSERT_GT(routes.size(), 40u);
  size_t checked = 0;
  for (const Route* route : routes) {
    SCOPED_TRACE(route->method + " " + route->pattern);
    bool per_record = false;
    std::string category;
    const std::string east_path = Fill(route->pattern, "east", &per_record, &category);
    // Without a token, and with an unknown one.
    if (route->permission != Permission::kPublic) {
      EXPECT_EQ(Send(*route, MakeRequest(*route, east_path, "east", "")).first, 401);
      EXPECT_EQ(Send(*route, MakeRequest(*route, east_path, "east", "ds_notatoken")).first, 401);
    }
    for (const Caller& caller : callers) {
      SCOPED_TRACE(std::string(RoleName(caller.role)));
      const std::vector<std::string> sides =
          per_record ? std::vector<std::string>{"east", "peer", "west"}
                     : std::vector<std::string>{"east"};
      for (const std::string& side : sides) {
        SCOPED_TRACE("records of side " + side);
        const std::string path = Fill(route->pattern, side, &per_record, &category);
        auto [status, body] = Send(*route, MakeRequest(*route, path, side, tokens[caller.role]));
        ++checked;
        EXPECT_GT(status, 0);
        EXPECT_LT(status, 500) << body;
        if (!RoleAllows(caller.role, route->permission) &&
            route->permission != Permission::kPublic && route->permission != Permission::kDescribe) {
          EXPECT_EQ(status, 403) << body;
          continue;
        }
        EXPECT_NE(status, 401) << body;
        EXPECT_NE(status, 403) << body;
        if (per_record && !Sees(caller, side)) {
          EXPECT_EQ(status, 404) << "out-of-scope record: " << body;
          continue;
        }
        if (per_record && (!category.empty() || !Scoped(caller))) {
          EXPECT_GE(status, 200) << body;
          EXPECT_LT(status, 300) << "in-scope record: " << body;
        }
        if (!per_record && Scoped(caller)) {
          // Aggregates, lists and feeds: nothing of records out of scope.
          for (const auto& [other, owner] : kSides) {
            if (Sees(caller, other)) continue;
            for (const std::string prefix : {"opp-", "cust-", "contract-", "contact-"}) {
              EXPECT_EQ(body.find("\"" + prefix + other + "\""), std::string::npos)
                  << prefix << other << " leaked: " << body.substr(0, 400);
              EXPECT_EQ(body.find("-" + prefix + other + "\""), std::string::npos)
                  << "stream of " << prefix << other << " leaked";
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, routes.size() * callers.size());
}

// The list routes are in the matrix above; here, each scoped caller's
// lists hold exactly its records.
TEST_F(AuthorizationMatrixTest, ListsHoldExactlyTheCallersRecords) {
  for (const Caller& caller : std::vector<Caller>{{Role::kSales, "emp-east"},
                                                  {Role::kManager, "mgr-east"},
                                                  {Role::kAuditor, "emp-west"}}) {
    SCOPED_TRACE(std::string(RoleName(caller.role)));
    const std::string token = stack_.Token(caller.role, caller.employee);
    for (const auto& [collection, prefix] :
         std::vector<std::pair<std::string, std::string>>{{"opportunities", "opp-"},
                                                          {"customers", "cust-"},
                                                          {"contacts", "contact-"},
                                                          {"contracts", "contract-"}}) {
      std::set<std::string> expected, got;
      for (const auto& [side, owner] : kSides) {
        if (Sees(caller, side)) expected.insert(prefix + side);
      }
      const nlohmann::json page = ParseJson(stack_.Get("/v1/" + collection, token).body);
      for (const auto& item : page["items"]) got.insert(item["id"].get<std::string>());
      EXPECT_EQ(got, expected) << collection;
    }
  }
}

}  // namespace
}  // namespace dealstream::api::testing
