#include "full_stack.h"

#include "api/knowledge_routes.h"
#include "api/list_routes.h"
#include "api/projection_routes.h"
#include "api/record_routes.h"
#include "api/route_groups.h"
#include "api/static_routes.h"

namespace dealstream::api::testing {
namespace {

// `text` with SIDE replaced by the side and OWNER by its owner.
std::string Side(const std::string& text, const std::string& side, const std::string& owner) {
  std::string out = text;
  for (auto [from, to] : {std::pair{"SIDE", side}, std::pair{"OWNER", owner}}) {
    const std::string needle(from);
    for (size_t at = out.find(needle); at != std::string::npos; at = out.find(needle)) {
      out.replace(at, needle.size(), to);
    }
  }
  return out;
}

}  // namespace

FullStack::FullStack() {
  log_ = eventstore::testing::OpenRocks(dir_.path(), eventstore::Durability::kOs);
  service_ = std::make_unique<commands::LogCommandService>(*log_);
  Command("CreateDepartment", R"({"id":"hq","name":"HQ"})");
  Command("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq"})");
  Command("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq"})");
  Command("HireEmployee", R"({"id":"emp-east","name":"Ann","department_id":"east","role":"sales"})");
  Command("HireEmployee",
          R"({"id":"mgr-east","name":"Bob","department_id":"east","role":"manager"})");
  Command("HireEmployee", R"({"id":"emp-west","name":"Cat","department_id":"west","role":"sales"})");
  Command("RegisterProduct",
          R"({"id":"prod-1","sku":"P1","name":"Widget","list_price":{"amount":"10.00","currency":"USD"}})");
  Command("HireEmployee", R"({"id":"mgr-hq","name":"Dee","department_id":"hq","role":"manager"})");
  Command("RegisterCompetitor", R"({"id":"comp-1","name":"Rival"})");
  for (const auto& [side, owner] : kSides) {
    Command("RegisterCustomer", Side(R"({"id":"cust-SIDE","name":"Cust SIDE","owner_id":"OWNER"})", side, owner));
    Command("AddContact", Side(R"({"id":"contact-SIDE","customer_id":"cust-SIDE","name":"Pat SIDE","title":"CTO"})", side, owner));
    Command("OpenOpportunity", Side(R"({"id":"opp-SIDE","customer_id":"cust-SIDE","title":"Deal SIDE",
        "owner_id":"OWNER","amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2030-01-31"})", side, owner));
    Command("SetContactRole", Side(R"({"contact_id":"contact-SIDE","opportunity_id":"opp-SIDE",
        "role":"decision_maker","influence":5,"stance":"supporter"})", side, owner));
    Command("DraftOpportunityQuote", Side(R"({"opportunity_id":"opp-SIDE","valid_until":"2030-02-28",
        "lines":[{"product_id":"prod-1","quantity":2,"unit_price":{"amount":"10.00","currency":"USD"}}]})", side, owner));
    Command("DraftContract", Side(R"({"id":"contract-SIDE","customer_id":"cust-SIDE","owner_id":"OWNER",
        "total":{"amount":"900.00","currency":"USD"}})", side, owner));
    // What the competition, receivables, service and expenses read models
    // report, so that the matrix sees whether they leak other sides.
    Command("RecordCompetitor", Side(R"({"opportunity_id":"opp-SIDE","competitor_id":"comp-1",
        "quoted_price":{"amount":"950.00","currency":"USD"}})", side, owner));
    Command("RequestContractApproval", Side(R"({"contract_id":"contract-SIDE"})", side, owner), owner);
    Command("ApproveContract", Side(R"({"contract_id":"contract-SIDE"})", side, owner), "mgr-hq");
    Command("SignContract", Side(R"({"contract_id":"contract-SIDE"})", side, owner), owner);
    Command("ScheduleContractInstalments", Side(R"({"contract_id":"contract-SIDE","instalments":[
        {"instalment_id":"i1","due_date":"2020-01-31","amount":{"amount":"900.00","currency":"USD"}}]})",
        side, owner));
    Command("OpenServiceRequest", Side(R"({"id":"service-SIDE","customer_id":"cust-SIDE","type":"complaint",
        "priority":"high","queue":"desk","subject":"late"})", side, owner));
    Command("AssignServiceRequest", Side(R"({"service_request_id":"service-SIDE","assignee_id":"OWNER"})",
        side, owner));
    Command("CreateCarePlan", Side(R"({"id":"care-SIDE","customer_id":"cust-SIDE","owner_id":"OWNER",
        "name":"Care"})", side, owner));
    Command("ScheduleCareActivity", Side(R"({"care_plan_id":"care-SIDE","activity_id":"a1",
        "kind":"check_in","due_date":"2030-02-01"})", side, owner));
    Command("ClaimExpense", Side(R"({"id":"expense-SIDE","employee_id":"OWNER","category":"travel",
        "amount":{"amount":"40.00","currency":"USD"},"incurred_on":"2020-01-10","description":"taxi",
        "related":{"customer_id":"cust-SIDE","opportunity_id":"opp-SIDE"}})", side, owner), owner);
  }
  auto store = projections::SnapshotStore::Open({.path = dir_.path() + "/projections"});
  EXPECT_TRUE(store.ok());
  store_ = std::move(*store);
  auto models = projections::ReadModels::Start(*log_, *store_);
  EXPECT_TRUE(models.ok());
  models_ = std::move(*models);
  auto lists = projections::RecordLists::Start(*log_, *store_);
  EXPECT_TRUE(lists.ok());
  lists_ = std::move(*lists);
  tokens_ = std::make_unique<TokenTable>(*log_);
  issuer_ = std::make_unique<TokenIssuer>(*log_, tokens_.get());
  feeds_ = std::make_unique<LiveFeeds>(*log_, LiveFeedOptions{});
  api_ = std::make_unique<Api>(*tokens_, &models_->scope_resolver(), metrics_);
  api_->AddRoutes(OpsRoutes({{"token table caught up", [this] { return tokens_->caught_up(); }}},
                            metrics_));
  api_->AddRoutes(CommandRoutes(*service_, metrics_));
  api_->AddRoutes(EventRoutes(*log_, *feeds_));
  api_->AddRoutes(StreamRoutes(*log_));
  api_->AddRoutes(AdminRoutes(*tokens_, *issuer_));
  api_->AddRoutes(ProjectionRoutes(*models_));
  api_->AddRoutes(RecordRoutes(*log_));
  api_->AddRoutes(ListRoutes(*lists_, models_->scope_resolver()));
  api_->AddRoutes(DecisionTreeRoutes(*lists_));
  knowledge_ = std::make_unique<projections::KnowledgeSearch>(*log_);
  api_->AddRoutes(KnowledgeRoutes(*knowledge_));
  api_->AddRoutes(StaticRoutes(DashboardAssets()));
  api_->AddRoutes(OpenApiRoutes(*api_, {.command_schema_dir = dir_.path() + "/no-schemas",
                                        .command_types = service_->CommandTypes()}));
  auto server = Server::Start(*api_, {.port = 0, .threads = 2});
  EXPECT_TRUE(server.ok()) << server.error().ToString();
  server_ = std::move(*server);
  EXPECT_TRUE(tokens_->WaitCaughtUp(std::chrono::seconds(30)));
  WaitCaughtUp();
}

FullStack::~FullStack() {
  server_->Stop();
  server_->Wait(std::chrono::seconds(5));
  server_.reset();
  feeds_->Shutdown();
}

void FullStack::Command(const std::string& type, const std::string& body,
                        const std::string& actor) {
  auto outcome = service_->Execute({.type = type, .body = body, .actor = actor});
  ASSERT_TRUE(outcome.ok()) << type << ": " << outcome.error().message;
}

void FullStack::WaitCaughtUp() {
  const eventstore::GlobalPosition head = log_->Head().position;
  ASSERT_TRUE(models_->WaitForPosition(head, std::chrono::seconds(30)));
  ASSERT_TRUE(lists_->WaitForPosition(head, std::chrono::seconds(30)));
}

std::string FullStack::Token(Role role, const std::string& employee_id) {
  auto issued = issuer_->Grant({.employee_id = employee_id, .role = role, .granted_by = "test"});
  EXPECT_TRUE(issued.ok()) << issued.error().ToString();
  EXPECT_TRUE(tokens_->WaitCaughtUp(std::chrono::seconds(30)));
  return issued.ok() ? issued->token : "";
}

Response FullStack::Call(const Request& request) {
  auto connection = TestConnection::Open(port());
  EXPECT_TRUE(connection.ok());
  if (!connection.ok()) return Response{.status = 0};
  auto response = (*connection)->Call(request);
  EXPECT_TRUE(response.ok()) << request.target;
  return response.ok() ? std::move(*response) : Response{.status = 0};
}

Response FullStack::Get(const std::string& target, const std::string& token) {
  return Call(testing::Get(target, token));
}

}  // namespace dealstream::api::testing
