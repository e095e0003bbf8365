#include "replay/maven/quirks.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace dealstream::replay::maven {
namespace {

// Known misspellings in accounts.csv and their corrections.
constexpr std::array<std::pair<std::string_view, std::string_view>, 1> kSectorFixes = {{
    {"technolgy", "technology"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 1> kCountryFixes = {{
    {"Philipines", "Philippines"},
}};

template <size_t N>
std::string Fix(const std::array<std::pair<std::string_view, std::string_view>, N>& fixes,
                std::string_view value) {
  for (const auto& [wrong, right] : fixes) {
    if (value == wrong) return std::string(right);
  }
  return std::string(value);
}

bool StartsLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

void AddExample(Quirk& q, std::string example) {
  constexpr size_t kMaxExamples = 5;
  if (q.examples.size() < kMaxExamples &&
      std::find(q.examples.begin(), q.examples.end(), example) == q.examples.end()) {
    q.examples.push_back(std::move(example));
  }
}

}  // namespace

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Cleaned::SectorOf(std::string_view sector) const { return Fix(kSectorFixes, sector); }
std::string Cleaned::CountryOf(std::string_view country) const {
  return Fix(kCountryFixes, country);
}
std::string Cleaned::AccountName(std::string_view name) const {
  std::string out(name);
  if (StartsLower(out)) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<Quirk> FindQuirks(const Dataset& data, const Cleaned& cleaned,
                              const PlanSettings& settings, const std::string& last_day) {
  std::set<std::string> exact_products;
  std::map<std::string, std::string> product_by_key;
  for (const Product& p : data.products) {
    exact_products.insert(p.name);
    product_by_key[ProductKey(p.name)] = p.name;
  }
  Quirk alias{"product_alias", "deals name a product with other spacing or case than products.csv",
              "matched to the product whose name is equal ignoring spaces and case", 0, {}};
  Quirk blank_account{"blank_account", "deals with a blank account",
                      "attached to a placeholder customer 'Unknown account (<agent>)' per agent, "
                      "owned by that agent", 0, {}};
  Quirk blank_engage{"blank_engage_date", "Prospecting deals without an engage_date",
                     "opened at the dataset's last day (" + last_day + "), no stage change", 0, {}};
  Quirk open_deals{"blank_close", "deals with a blank close_date and close_value",
                   "left open; expected close date set to the dataset's last day (" + last_day +
                       ")", 0, {}};
  Quirk lost_zero{"lost_zero_value", "Lost deals with close_value 0",
                  "closed with LoseOpportunity (reason '" + settings.loss_reason +
                      "'); the 0 is not taken as an amount, the expected amount stays", 0, {}};
  std::map<std::string, int64_t> deals_per_agent;
  std::map<std::string, int64_t> blank_by_stage;
  for (const Deal& d : data.deals) {
    ++deals_per_agent[d.agent];
    if (!exact_products.contains(d.product)) {
      ++alias.count;
      AddExample(alias, "'" + d.product + "' -> '" + product_by_key[ProductKey(d.product)] + "'");
    }
    if (d.account.empty()) {
      ++blank_account.count;
      ++blank_by_stage[std::string(StageName(d.stage))];
    }
    if (!d.engage_date) {
      ++blank_engage.count;
      AddExample(blank_engage, d.id);
    }
    if (!d.close_date && !d.close_value) {
      ++open_deals.count;
      AddExample(open_deals, d.id);
    }
    if (d.stage == DealStage::kLost && d.close_value && *d.close_value == 0) {
      ++lost_zero.count;
      AddExample(lost_zero, d.id);
    }
  }
  for (const auto& [stage, n] : blank_by_stage) AddExample(blank_account, stage + ": " + Thousands(n));
  Quirk unused{"agents_without_deals", "agents in sales_teams.csv with no pipeline rows",
               "hired like every agent; they own no deals", 0, {}};
  for (const TeamMember& m : data.teams) {
    if (!deals_per_agent.contains(m.agent)) {
      ++unused.count;
      unused.examples.push_back(m.agent);
    }
  }
  Quirk sector{"sector_misspelled", "sector 'technolgy'", "imported as industry 'technology'", 0, {}};
  Quirk country{"country_misspelled", "office_location 'Philipines'",
                "imported as region 'Philippines'", 0, {}};
  Quirk lower{"account_name_lowercase", "account names starting with a lower-case letter",
              "first letter capitalised", 0, {}};
  for (const Account& a : data.accounts) {
    if (cleaned.SectorOf(a.sector) != a.sector) {
      ++sector.count;
      AddExample(sector, a.name);
    }
    if (cleaned.CountryOf(a.office_location) != a.office_location) {
      ++country.count;
      AddExample(country, a.name);
    }
    if (StartsLower(a.name)) {
      ++lower.count;
      AddExample(lower, "'" + a.name + "' -> '" + cleaned.AccountName(a.name) + "'");
    }
  }
  Quirk dictionary{"dictionary_whitespace",
                   "data_dictionary.csv descriptions with leading or trailing spaces",
                   "documentation only, not imported; noted", 0, {}};
  for (const DictionaryEntry& e : data.dictionary) {
    const std::string& s = e.description;
    if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) {
      ++dictionary.count;
      AddExample(dictionary, e.table + "." + e.field + ": '" + s + "'");
    }
  }
  return {alias, blank_account, blank_engage, open_deals, lost_zero, unused,
          sector, country, lower, dictionary};
}

}  // namespace dealstream::replay::maven
