#include "replay/maven/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "codec/value_rules.h"
#include "replay/maven/quirks.h"

namespace dealstream::replay::maven {
namespace {

using nlohmann::ordered_json;

constexpr char kKeyPrefix[] = "maven-crm/";
constexpr char kHqId[] = "maven-hq";

std::string Day(domain::Date d) { return codec::FormatDate(d); }
std::string At(const std::string& day) { return day + "T00:00:00Z"; }

ordered_json Usd(int64_t whole_dollars) {
  return {{"amount", codec::FormatAmount(whole_dollars * 100, "USD")}, {"currency", "USD"}};
}

PlannedCommand Command(std::string type, ordered_json body, const std::string& day,
                       const std::string& key) {
  body["occurred_at"] = At(day);
  return {std::move(type), body.dump(), kKeyPrefix + key};
}

std::string TeamId(std::string_view manager) { return "maven-team-" + Slug(manager); }
std::string AccountId(std::string_view account) { return "maven-acct-" + Slug(account); }
std::string PlaceholderId(std::string_view agent) { return "maven-acct-unknown-" + Slug(agent); }

std::string SizeOf(int64_t employees) {
  if (employees < 250) return "small";
  if (employees < 1000) return "medium";
  if (employees < 10000) return "large";
  return "enterprise";
}

std::string Sku(std::string_view name) {
  std::string sku;
  for (char c : name) {
    if (c == ' ') {
      sku.push_back('-');
    } else {
      sku.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  return sku;
}

struct Context {
  const Dataset& data;
  const PlanSettings& settings;
  const Cleaned& cleaned;
  std::string first_day;
  std::string last_day;
  ImportPlan plan;
};

Chain Single(std::string key, std::string source, PlannedCommand command) {
  return Chain{std::move(key), std::move(source), {std::move(command)}};
}

void PlanOrganisation(Context& c) {
  std::vector<std::string> offices, managers;
  std::map<std::string, std::string> office_of_manager;
  for (const TeamMember& m : c.data.teams) {
    if (std::find(offices.begin(), offices.end(), m.office) == offices.end()) {
      offices.push_back(m.office);
    }
    if (office_of_manager.emplace(m.manager, m.office).second) managers.push_back(m.manager);
  }
  const std::string src = std::string(kTeamsFile);
  c.plan.waves.push_back({Single("department/hq", src,
                                 Command("CreateDepartment", {{"id", kHqId}, {"name", "Headquarters"}},
                                         c.first_day, "department/hq"))});
  Wave office_wave, team_wave, manager_wave, agent_wave;
  for (const std::string& office : offices) {
    const std::string key = "department/" + OfficeId(office);
    office_wave.push_back(Single(key, src,
                                 Command("CreateDepartment",
                                         {{"id", OfficeId(office)}, {"name", office},
                                          {"parent_id", kHqId}},
                                         c.first_day, key)));
  }
  for (const std::string& manager : managers) {
    const std::string office = office_of_manager[manager];
    const std::string team_key = "department/" + TeamId(manager);
    team_wave.push_back(Single(team_key, src,
                               Command("CreateDepartment",
                                       {{"id", TeamId(manager)},
                                        {"name", office + " / " + manager + "'s team"},
                                        {"parent_id", OfficeId(office)}},
                                       c.first_day, team_key)));
    const std::string hire_key = "employee/" + EmployeeId(manager);
    manager_wave.push_back(Single(hire_key, src,
                                  Command("HireEmployee",
                                          {{"id", EmployeeId(manager)}, {"name", manager},
                                           {"department_id", TeamId(manager)}, {"role", "manager"}},
                                          c.first_day, hire_key)));
    const std::string assign_key = team_key + "/manager";
    agent_wave.push_back(Single(assign_key, src,
                                Command("AssignDepartmentManager",
                                        {{"department_id", TeamId(manager)},
                                         {"manager_id", EmployeeId(manager)}},
                                        c.first_day, assign_key)));
  }
  for (const TeamMember& m : c.data.teams) {
    const std::string key = "employee/" + EmployeeId(m.agent);
    agent_wave.push_back(Single(key, src + " line " + std::to_string(m.line),
                                Command("HireEmployee",
                                        {{"id", EmployeeId(m.agent)}, {"name", m.agent},
                                         {"department_id", TeamId(m.manager)}, {"role", "sales"},
                                         {"manager_id", EmployeeId(m.manager)}},
                                        c.first_day, key)));
  }
  // Products and the customers' custom fields only need to exist before the
  // accounts and deals: they go with the teams.
  for (const Product& p : c.data.products) {
    const std::string key = "product/" + ProductId(p.name);
    team_wave.push_back(Single(key, std::string(kProductsFile) + " line " + std::to_string(p.line),
                               Command("RegisterProduct",
                                       {{"id", ProductId(p.name)}, {"sku", Sku(p.name)},
                                        {"name", p.name}, {"list_price", Usd(p.sales_price)},
                                        {"product_line", p.series}},
                                       c.first_day, key)));
  }
  Chain fields{"config/custom_fields", std::string(kAccountsFile), {}};
  for (auto [key, label, type] :
       {std::tuple{"revenue_musd", "Annual revenue (millions of USD)", "number"},
        std::tuple{"year_established", "Year established", "number"},
        std::tuple{"subsidiary_of", "Parent company (customer id)", "text"}}) {
    fields.steps.push_back(Command("DefineCustomField",
                                   {{"entity_type", "customer"}, {"key", key}, {"label", label},
                                    {"type", type}},
                                   c.first_day, std::string("config/custom_fields/") + key));
  }
  team_wave.push_back(std::move(fields));
  c.plan.totals.departments = 1 + static_cast<int64_t>(offices.size() + managers.size());
  c.plan.totals.managers = static_cast<int64_t>(managers.size());
  c.plan.totals.agents = static_cast<int64_t>(c.data.teams.size());
  c.plan.totals.products = static_cast<int64_t>(c.data.products.size());
  for (Wave* w : {&office_wave, &team_wave, &manager_wave, &agent_wave}) {
    c.plan.waves.push_back(std::move(*w));
  }
}

// The agent with the most deals on each account (ties: first by name).
std::map<std::string, std::string> AccountOwners(const Dataset& data) {
  std::map<std::string, std::map<std::string, int64_t>> counts;
  for (const Deal& d : data.deals) {
    if (!d.account.empty()) ++counts[d.account][d.agent];
  }
  std::map<std::string, std::string> owners;
  for (const auto& [account, by_agent] : counts) {
    auto best = std::max_element(by_agent.begin(), by_agent.end(), [](const auto& a, const auto& b) {
      return a.second < b.second || (a.second == b.second && a.first > b.first);
    });
    owners[account] = best->first;
  }
  return owners;
}

void PlanCustomers(Context& c) {
  const std::map<std::string, std::string> owners = AccountOwners(c.data);
  // Accounts no deal names still need an owner: the first manager by name.
  std::string fallback_owner;
  for (const TeamMember& m : c.data.teams) {
    if (fallback_owner.empty() || m.manager < fallback_owner) fallback_owner = m.manager;
  }
  Wave wave;
  for (const Account& a : c.data.accounts) {
    const std::string id = AccountId(a.name);
    auto owner = owners.find(a.name);
    const std::string region = c.cleaned.CountryOf(a.office_location);
    ordered_json body{{"id", id},
                      {"name", c.cleaned.AccountName(a.name)},
                      {"owner_id", EmployeeId(owner == owners.end() ? fallback_owner : owner->second)},
                      {"industry", c.cleaned.SectorOf(a.sector)},
                      {"region", region},
                      {"size", SizeOf(a.employees)},
                      {"source", "Maven CRM dataset"},
                      {"address", region}};
    ordered_json values{{"revenue_musd", a.revenue},
                        {"year_established", std::to_string(a.year_established)}};
    if (!a.subsidiary_of.empty()) values["subsidiary_of"] = AccountId(a.subsidiary_of);
    const std::string key = "customer/" + id;
    wave.push_back(Chain{key,
                         std::string(kAccountsFile) + " line " + std::to_string(a.line),
                         {Command("RegisterCustomer", body, c.first_day, key),
                          Command("SetCustomerCustomFields", {{"customer_id", id}, {"values", values}},
                                  c.first_day, key + "/custom_fields")}});
  }
  std::set<std::string> agents_with_blank;
  for (const Deal& d : c.data.deals) {
    if (d.account.empty()) agents_with_blank.insert(d.agent);
  }
  for (const std::string& agent : agents_with_blank) {
    const std::string key = "customer/" + PlaceholderId(agent);
    wave.push_back(Single(key, std::string(kPipelineFile),
                          Command("RegisterCustomer",
                                  {{"id", PlaceholderId(agent)},
                                   {"name", "Unknown account (" + agent + ")"},
                                   {"owner_id", EmployeeId(agent)},
                                   {"source", "Maven CRM dataset: deals with a blank account"}},
                                  c.first_day, key)));
  }
  c.plan.totals.customers = static_cast<int64_t>(c.data.accounts.size());
  c.plan.totals.placeholders = static_cast<int64_t>(agents_with_blank.size());
  c.plan.waves.push_back(std::move(wave));
}

// The deals' commands grouped into one wave per business date, in date
// order: a deal's steps of one date form a chain, and its later steps come
// in the waves of their dates. The log thus takes the dataset's history in
// the order it happened, which is what its positions, known_at queries and
// the process managers (fed in position order) expect.
void PlanDeals(Context& c) {
  std::map<std::string, const Product*> by_key;
  for (const Product& p : c.data.products) by_key[ProductKey(p.name)] = &p;
  // Date -> chains of that date, in dataset order.
  std::map<std::string, Wave> by_date;
  for (const Deal& d : c.data.deals) {
    const Product& product = *by_key.at(ProductKey(d.product));
    const std::string key = "deal/" + d.id;
    const std::string source = std::string(kPipelineFile) + " line " + std::to_string(d.line) +
                               " (opportunity " + d.id + ")";
    const std::string opened = d.engage_date ? Day(*d.engage_date) : c.last_day;
    const std::string expected = d.close_date ? Day(*d.close_date) : c.last_day;
    const bool blank = d.account.empty();
    Chain open{key, source, {}};
    open.steps.push_back(Command(
        "OpenOpportunity",
        {{"id", d.id},
         {"customer_id", blank ? PlaceholderId(d.agent) : AccountId(d.account)},
         {"title", product.name + " for " +
                       (blank ? std::string("an unknown account") : c.cleaned.AccountName(d.account))},
         {"source", "Maven CRM dataset"},
         {"amount", Usd(product.sales_price)},
         {"expected_close_date", expected},
         {"owner_id", EmployeeId(d.agent)},
         {"product_ids", ordered_json::array({ProductId(product.name)})}},
        opened, key + "/open"));
    if (d.stage != DealStage::kProspecting) {
      open.steps.push_back(Command("AdvanceOpportunityStage",
                                   {{"opportunity_id", d.id}, {"stage", c.settings.engaged_stage}},
                                   opened, key + "/engage"));
    }
    by_date[opened].push_back(std::move(open));
    if (d.stage == DealStage::kWon || d.stage == DealStage::kLost) {
      const std::string closed = Day(*d.close_date);
      Chain close{key, source, {}};
      if (d.stage == DealStage::kWon) {
        close.steps.push_back(Command("WinOpportunity",
                                      {{"opportunity_id", d.id}, {"amount", Usd(*d.close_value)}},
                                      closed, key + "/close"));
      } else {
        close.steps.push_back(Command(
            "LoseOpportunity",
            {{"opportunity_id", d.id},
             {"reason", c.settings.loss_reason},
             {"note", "the Maven CRM dataset records no loss reason (close_value 0)"}},
            closed, key + "/close"));
      }
      // A deal closed on the day it was engaged continues its own chain.
      Wave& wave = by_date[closed];
      if (closed == opened) {
        wave.back().steps.push_back(std::move(close.steps.front()));
      } else {
        wave.push_back(std::move(close));
      }
    }
    ++c.plan.totals.deals[static_cast<int>(d.stage)];
  }
  for (auto& [date, wave] : by_date) c.plan.waves.push_back(std::move(wave));
}

}  // namespace

std::string Slug(std::string_view name) {
  std::string slug;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string ProductId(std::string_view product_name) { return "maven-product-" + Slug(product_name); }
std::string EmployeeId(std::string_view name) { return "maven-emp-" + Slug(name); }
std::string OfficeId(std::string_view office) { return "maven-office-" + Slug(office); }

ImportPlan BuildPlan(const Dataset& data, const PlanSettings& settings) {
  const Cleaned cleaned(data);
  Context c{data, settings, cleaned, "", "", {}};
  domain::Date first{INT64_MAX}, last{INT64_MIN};
  for (const Deal& d : data.deals) {
    for (const auto& date : {d.engage_date, d.close_date}) {
      if (!date) continue;
      first = std::min(first, *date);
      last = std::max(last, *date);
    }
  }
  if (first.epoch_day == INT64_MAX) first = last = domain::Date{0};
  c.first_day = Day(first);
  c.last_day = Day(last);
  PlanOrganisation(c);
  PlanCustomers(c);
  PlanDeals(c);
  c.plan.quirks = FindQuirks(data, cleaned, settings, c.last_day);
  c.plan.totals.first_day = c.first_day;
  c.plan.totals.last_day = c.last_day;
  for (const Wave& w : c.plan.waves) {
    for (const Chain& chain : w) c.plan.totals.commands += static_cast<int64_t>(chain.steps.size());
  }
  return std::move(c.plan);
}

}  // namespace dealstream::replay::maven
