#include "replay/maven/dataset.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <set>

#include "codec/value_rules.h"
#include "replay/csv.h"

namespace dealstream::replay::maven {
namespace {

// One table with its columns resolved, for reading rows by column name.
class Table {
 public:
  static Result<Table> Read(const std::string& dir, std::string_view file,
                            std::vector<std::string_view> columns) {
    const std::string path = (std::filesystem::path(dir) / file).string();
    auto csv = ReadCsvFile(path);
    if (!csv.ok()) return csv.error();
    Table table(std::string(file), std::move(*csv));
    for (std::string_view c : columns) {
      auto index = ColumnIndex(table.csv_, c, file);
      if (!index.ok()) return index.error();
      table.columns_[std::string(c)] = *index;
    }
    return table;
  }

  size_t size() const { return csv_.rows.size(); }
  size_t line(size_t row) const { return csv_.lines[row]; }
  const std::string& Get(size_t row, std::string_view column) const {
    return csv_.rows[row][columns_.at(std::string(column))];
  }
  // InvalidArgument naming file, line, column and the broken rule.
  Status Bad(size_t row, std::string_view column, const std::string& rule) const {
    return Status::InvalidArgument(file_ + " line " + std::to_string(line(row)) + ", column " +
                                   std::string(column) + ": " + rule);
  }
  Result<std::string> Required(size_t row, std::string_view column) const {
    const std::string& v = Get(row, column);
    if (v.empty()) return Bad(row, column, "must not be blank");
    return v;
  }
  Result<int64_t> Integer(size_t row, std::string_view column) const {
    const std::string& v = Get(row, column);
    int64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size()) {
      return Bad(row, column, "'" + v + "' is not a whole number");
    }
    return out;
  }
  Result<std::optional<domain::Date>> OptionalDate(size_t row, std::string_view column) const {
    const std::string& v = Get(row, column);
    if (v.empty()) return std::optional<domain::Date>();
    auto date = codec::ParseDate(v);
    if (!date.ok()) return Bad(row, column, "'" + v + "' " + date.error());
    return std::optional<domain::Date>(*date);
  }

 private:
  Table(std::string file, CsvTable csv) : file_(std::move(file)), csv_(std::move(csv)) {}
  std::string file_;
  CsvTable csv_;
  std::map<std::string, size_t> columns_;
};

bool IsDecimal(std::string_view v) {
  const size_t dot = v.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (dot == std::string_view::npos) return digits(v);
  return digits(v.substr(0, dot)) && digits(v.substr(dot + 1));
}

Result<std::vector<Account>> ReadAccounts(const std::string& dir) {
  auto t = Table::Read(dir, kAccountsFile,
                       {"account", "sector", "year_established", "revenue", "employees",
                        "office_location", "subsidiary_of"});
  if (!t.ok()) return t.error();
  std::vector<Account> out;
  std::set<std::string> names;
  for (size_t r = 0; r < t->size(); ++r) {
    Account a;
    a.line = t->line(r);
    for (auto [column, field] : {std::pair{"account", &a.name}, std::pair{"sector", &a.sector},
                                 std::pair{"office_location", &a.office_location}}) {
      auto v = t->Required(r, column);
      if (!v.ok()) return v.error();
      *field = *v;
    }
    auto year = t->Integer(r, "year_established");
    if (!year.ok()) return year.error();
    if (*year < 1000 || *year > 9999) return t->Bad(r, "year_established", "must be a year");
    a.year_established = static_cast<int32_t>(*year);
    a.revenue = t->Get(r, "revenue");
    if (!IsDecimal(a.revenue)) {
      return t->Bad(r, "revenue", "'" + a.revenue + "' is not a decimal number");
    }
    auto employees = t->Integer(r, "employees");
    if (!employees.ok()) return employees.error();
    if (*employees < 0) return t->Bad(r, "employees", "must not be negative");
    a.employees = *employees;
    a.subsidiary_of = t->Get(r, "subsidiary_of");
    if (!names.insert(a.name).second) return t->Bad(r, "account", "'" + a.name + "' is listed twice");
    out.push_back(std::move(a));
  }
  for (const Account& a : out) {
    if (!a.subsidiary_of.empty() && !names.contains(a.subsidiary_of)) {
      return Status::InvalidArgument(std::string(kAccountsFile) + " line " +
                                     std::to_string(a.line) + ", column subsidiary_of: '" +
                                     a.subsidiary_of + "' is not an account");
    }
  }
  return out;
}

Result<std::vector<Product>> ReadProducts(const std::string& dir) {
  auto t = Table::Read(dir, kProductsFile, {"product", "series", "sales_price"});
  if (!t.ok()) return t.error();
  std::vector<Product> out;
  std::set<std::string> keys;
  for (size_t r = 0; r < t->size(); ++r) {
    Product p;
    p.line = t->line(r);
    auto name = t->Required(r, "product");
    if (!name.ok()) return name.error();
    p.name = *name;
    p.series = t->Get(r, "series");
    auto price = t->Integer(r, "sales_price");
    if (!price.ok()) return price.error();
    if (*price < 0) return t->Bad(r, "sales_price", "must not be negative");
    p.sales_price = *price;
    if (!keys.insert(ProductKey(p.name)).second) {
      return t->Bad(r, "product", "'" + p.name + "' collides with another product's name");
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<TeamMember>> ReadTeams(const std::string& dir) {
  auto t = Table::Read(dir, kTeamsFile, {"sales_agent", "manager", "regional_office"});
  if (!t.ok()) return t.error();
  std::vector<TeamMember> out;
  std::set<std::string> agents;
  for (size_t r = 0; r < t->size(); ++r) {
    TeamMember m;
    m.line = t->line(r);
    for (auto [column, field] : {std::pair{"sales_agent", &m.agent}, std::pair{"manager", &m.manager},
                                 std::pair{"regional_office", &m.office}}) {
      auto v = t->Required(r, column);
      if (!v.ok()) return v.error();
      *field = *v;
    }
    if (!agents.insert(m.agent).second) {
      return t->Bad(r, "sales_agent", "'" + m.agent + "' is listed twice");
    }
    out.push_back(std::move(m));
  }
  return out;
}

Result<DealStage> ParseStage(const Table& t, size_t r) {
  const std::string& v = t.Get(r, "deal_stage");
  for (DealStage s : {DealStage::kProspecting, DealStage::kEngaging, DealStage::kWon,
                      DealStage::kLost}) {
    if (v == StageName(s)) return s;
  }
  return t.Bad(r, "deal_stage", "'" + v + "' is not Prospecting, Engaging, Won or Lost");
}

Status CheckDeal(const Table& t, size_t r, const Deal& d) {
  const bool closed = d.stage == DealStage::kWon || d.stage == DealStage::kLost;
  if (d.stage != DealStage::kProspecting && !d.engage_date) {
    return t.Bad(r, "engage_date", "a " + std::string(StageName(d.stage)) + " deal needs one");
  }
  if (closed && !d.close_date) return t.Bad(r, "close_date", "a closed deal needs one");
  if (closed && !d.close_value) return t.Bad(r, "close_value", "a closed deal needs one");
  if (!closed && (d.close_date || d.close_value)) {
    return t.Bad(r, d.close_date ? "close_date" : "close_value",
                 "an open deal cannot have a close date or value");
  }
  if (d.close_value && *d.close_value < 0) return t.Bad(r, "close_value", "must not be negative");
  if (d.close_date && d.engage_date && *d.close_date < *d.engage_date) {
    return t.Bad(r, "close_date", "is before the engage_date");
  }
  return Status::Ok();
}

Result<std::vector<Deal>> ReadDeals(const std::string& dir) {
  auto t = Table::Read(dir, kPipelineFile,
                       {"opportunity_id", "sales_agent", "product", "account", "deal_stage",
                        "engage_date", "close_date", "close_value"});
  if (!t.ok()) return t.error();
  std::vector<Deal> out;
  out.reserve(t->size());
  std::set<std::string> ids;
  for (size_t r = 0; r < t->size(); ++r) {
    Deal d;
    d.line = t->line(r);
    for (auto [column, field] : {std::pair{"opportunity_id", &d.id},
                                 std::pair{"sales_agent", &d.agent},
                                 std::pair{"product", &d.product}}) {
      auto v = t->Required(r, column);
      if (!v.ok()) return v.error();
      *field = *v;
    }
    if (!codec::IsValidId(d.id)) {
      return t->Bad(r, "opportunity_id", "'" + d.id + "' is not 1-64 characters of [A-Za-z0-9_.-]");
    }
    if (!ids.insert(d.id).second) return t->Bad(r, "opportunity_id", "'" + d.id + "' is a duplicate");
    d.account = t->Get(r, "account");
    auto stage = ParseStage(*t, r);
    if (!stage.ok()) return stage.error();
    d.stage = *stage;
    auto engage = t->OptionalDate(r, "engage_date");
    if (!engage.ok()) return engage.error();
    d.engage_date = *engage;
    auto close = t->OptionalDate(r, "close_date");
    if (!close.ok()) return close.error();
    d.close_date = *close;
    if (!t->Get(r, "close_value").empty()) {
      auto value = t->Integer(r, "close_value");
      if (!value.ok()) return value.error();
      d.close_value = *value;
    }
    if (Status s = CheckDeal(*t, r, d); !s.ok()) return s;
    out.push_back(std::move(d));
  }
  return out;
}

Status CheckReferences(const Dataset& data) {
  std::set<std::string> agents, accounts, products;
  for (const TeamMember& m : data.teams) agents.insert(m.agent);
  for (const Account& a : data.accounts) accounts.insert(a.name);
  for (const Product& p : data.products) products.insert(ProductKey(p.name));
  for (const Deal& d : data.deals) {
    auto bad = [&](std::string_view column, const std::string& rule) {
      return Status::InvalidArgument(std::string(kPipelineFile) + " line " +
                                     std::to_string(d.line) + ", column " + std::string(column) +
                                     ": " + rule);
    };
    if (!agents.contains(d.agent)) {
      return bad("sales_agent", "'" + d.agent + "' is not in " + kTeamsFile);
    }
    if (!d.account.empty() && !accounts.contains(d.account)) {
      return bad("account", "'" + d.account + "' is not in " + kAccountsFile);
    }
    if (!products.contains(ProductKey(d.product))) {
      return bad("product", "'" + d.product + "' is not in " + kProductsFile);
    }
  }
  return Status::Ok();
}

Result<std::vector<DictionaryEntry>> ReadDictionary(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(dir) / kDictionaryFile, ec)) {
    return std::vector<DictionaryEntry>();
  }
  auto t = Table::Read(dir, kDictionaryFile, {"Table", "Field", "Description"});
  if (!t.ok()) return t.error();
  std::vector<DictionaryEntry> out;
  for (size_t r = 0; r < t->size(); ++r) {
    out.push_back({t->Get(r, "Table"), t->Get(r, "Field"), t->Get(r, "Description")});
  }
  return out;
}

}  // namespace

std::string ProductKey(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(c);
  }
  return key;
}

std::string_view StageName(DealStage stage) {
  switch (stage) {
    case DealStage::kProspecting: return "Prospecting";
    case DealStage::kEngaging: return "Engaging";
    case DealStage::kWon: return "Won";
    case DealStage::kLost: return "Lost";
  }
  return "";
}

Result<Dataset> ReadMavenDataset(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound("SOURCE_DIR " + dir + " is not a directory");
  }
  Dataset data;
  auto accounts = ReadAccounts(dir);
  if (!accounts.ok()) return accounts.error();
  data.accounts = std::move(*accounts);
  auto products = ReadProducts(dir);
  if (!products.ok()) return products.error();
  data.products = std::move(*products);
  auto teams = ReadTeams(dir);
  if (!teams.ok()) return teams.error();
  data.teams = std::move(*teams);
  auto deals = ReadDeals(dir);
  if (!deals.ok()) return deals.error();
  data.deals = std::move(*deals);
  auto dictionary = ReadDictionary(dir);
  if (!dictionary.ok()) return dictionary.error();
  data.dictionary = std::move(*dictionary);
  if (Status s = CheckReferences(data); !s.ok()) return s;
  return data;
}

}  // namespace dealstream::replay::maven
