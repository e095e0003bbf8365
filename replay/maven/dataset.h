// The Maven Analytics "CRM + Sales + Opportunities" dataset
// (shared/data/crm-sales-opportunities/README.md), read and checked.
//
// ReadMavenDataset parses the four tables and enforces the rules the
// importer relies on; anything else is refused with an error naming the
// file, line, column and rule, before anything is written:
//   - each table has its columns; every row has every field;
//   - numbers are numbers, dates are YYYY-MM-DD;
//   - deal_stage is Prospecting, Engaging, Won or Lost;
//   - Engaging, Won and Lost deals have an engage_date; Won and Lost deals
//     a close_date and close_value, not before the engage_date;
//   - opportunity ids are unique and valid record ids; agents, accounts and
//     products named by deals exist (products modulo spacing and case, see
//     plan.h), as do the parents named by subsidiary_of.
// The known quirks the README lists are NOT errors: the plan handles and
// counts them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/common/values.h"

namespace dealstream::replay::maven {

struct Account {
  std::string name;
  std::string sector;
  int32_t year_established = 0;
  std::string revenue;  // millions of USD, decimal text as in the file
  int64_t employees = 0;
  std::string office_location;
  std::string subsidiary_of;  // "" when none
  size_t line = 0;
};

struct Product {
  std::string name;
  std::string series;
  int64_t sales_price = 0;  // whole USD
  size_t line = 0;
};

struct TeamMember {
  std::string agent;
  std::string manager;
  std::string office;
  size_t line = 0;
};

enum class DealStage { kProspecting, kEngaging, kWon, kLost };

struct Deal {
  std::string id;
  std::string agent;
  std::string product;  // as written (may be an alias)
  std::string account;  // "" when blank
  DealStage stage = DealStage::kProspecting;
  std::optional<domain::Date> engage_date;
  std::optional<domain::Date> close_date;
  std::optional<int64_t> close_value;  // whole USD
  size_t line = 0;
};

struct DictionaryEntry {
  std::string table;
  std::string field;
  std::string description;
};

struct Dataset {
  std::vector<Account> accounts;
  std::vector<Product> products;
  std::vector<TeamMember> teams;
  std::vector<Deal> deals;
  std::vector<DictionaryEntry> dictionary;  // empty when the file is absent
};

inline constexpr char kAccountsFile[] = "accounts.csv";
inline constexpr char kProductsFile[] = "products.csv";
inline constexpr char kTeamsFile[] = "sales_teams.csv";
inline constexpr char kPipelineFile[] = "sales_pipeline.csv";
inline constexpr char kDictionaryFile[] = "data_dictionary.csv";

// Errors: NotFound (a required file is missing), InvalidArgument (a rule
// above is broken; the message names file, line, column and rule).
Result<Dataset> ReadMavenDataset(const std::string& dir);

// Lower-case letters and digits only: how product names are matched when
// the exact name is not listed ("GTXPro" matches "GTX Pro").
std::string ProductKey(std::string_view name);

std::string_view StageName(DealStage stage);

}  // namespace dealstream::replay::maven
