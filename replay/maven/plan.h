// The import plan of the Maven dataset: which commands, in which order,
// with which business times — a pure function of the dataset, so it is
// tested without a log — and the report of every data-quality quirk it
// handled.
//
// Mapping (business time = the dataset's dates; `occurred_at` on every
// command):
//   organisation  a root department "Headquarters" (maven-hq); one
//                 department per regional office under it
//                 (maven-office-<office>); one team per manager under their
//                 office (maven-team-<manager>), managed by that manager;
//                 managers hired as role "manager" into their team, agents
//                 as "sales" into their manager's team, reporting to them
//                 (maven-emp-<name>). Dated the dataset's first day.
//   products      RegisterProduct: id maven-product-<name>, SKU the name in
//                 upper case with '-' for spaces, product line = series,
//                 list price = sales_price USD.
//   accounts      RegisterCustomer (maven-acct-<name>): sector -> industry,
//                 office_location -> region and address, employees -> size
//                 (< 250 small, < 1,000 medium, < 10,000 large, else
//                 enterprise); owner = the agent with the most deals on the
//                 account (ties: first by name). Custom fields (defined
//                 first): revenue_musd (number), year_established (number),
//                 subsidiary_of (text: the parent customer's id).
//   deals         opportunity id = opportunity_id; amount = the product's
//                 list price; owner = the agent; product_ids = [product].
//                 Prospecting: OpenOpportunity at the dataset's last day
//                 (it has no date of its own). Engaging: OpenOpportunity and
//                 AdvanceOpportunityStage to the engaged stage at
//                 engage_date. Won: the same, then WinOpportunity with
//                 close_value at close_date. Lost: the same, then
//                 LoseOpportunity with the configured loss reason at
//                 close_date. Expected close date: close_date, or for open
//                 deals the dataset's last day. The deals' commands run in
//                 one wave per business date, in date order, so the log's
//                 positions follow the dataset's history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "replay/maven/dataset.h"

namespace dealstream::replay::maven {

struct PlannedCommand {
  std::string type;             // e.g. "OpenOpportunity"
  std::string body;             // JSON object, occurred_at included
  std::string idempotency_key;  // stable: re-running the import writes nothing twice
};

// Commands that must run one after the other (one record's history).
struct Chain {
  std::string key;     // stable name, e.g. "deal/1C1I7A6R"; used as correlation id
  std::string source;  // where it comes from, for errors: "sales_pipeline.csv line 57"
  std::vector<PlannedCommand> steps;
};

// Chains that may run concurrently; a wave starts when the previous ended.
using Wave = std::vector<Chain>;

// One data-quality quirk found and how it was handled.
struct Quirk {
  std::string code;      // stable, e.g. "product_alias"
  std::string found;     // what the data has
  std::string handling;  // what the import did about it
  int64_t count = 0;     // rows (or records) affected
  std::vector<std::string> examples;
};

struct PlanTotals {
  int64_t departments = 0;
  int64_t managers = 0;
  int64_t agents = 0;
  int64_t products = 0;
  int64_t customers = 0;     // accounts
  int64_t placeholders = 0;  // "Unknown account" customers
  int64_t deals[4] = {0, 0, 0, 0};  // by DealStage
  int64_t commands = 0;
  std::string first_day;  // YYYY-MM-DD
  std::string last_day;
};

struct PlanSettings {
  std::string engaged_stage = "Qualification";  // where Engaging deals are
  std::string loss_reason = "other";            // a configured loss reason
};

struct ImportPlan {
  std::vector<Wave> waves;
  std::vector<Quirk> quirks;  // every quirk checked, count 0 when absent
  PlanTotals totals;
};

ImportPlan BuildPlan(const Dataset& data, const PlanSettings& settings);

// Ids the plan gives records (documented above; the reconciliation test
// uses ProductId to filter by product).
std::string Slug(std::string_view name);
std::string ProductId(std::string_view product_name);
std::string EmployeeId(std::string_view name);
std::string OfficeId(std::string_view office);

}  // namespace dealstream::replay::maven
