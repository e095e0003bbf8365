#include "projections/opportunity_book.h"

#include <algorithm>

#include "projections/calendar.h"
#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

uint8_t Percent(int32_t p) { return static_cast<uint8_t>(std::clamp(p, 0, 100)); }

// Finds `code` in a small table, appending it when absent.
template <typename Index>
Index LocalIndex(std::vector<uint32_t>& table, uint32_t code) {
  auto it = std::find(table.begin(), table.end(), code);
  if (it != table.end()) return static_cast<Index>(it - table.begin());
  table.push_back(code);
  return static_cast<Index>(table.size() - 1);
}

}  // namespace

std::string_view DealStatusName(DealStatus s) {
  switch (s) {
    case DealStatus::kOpen: return "open";
    case DealStatus::kWon: return "won";
    case DealStatus::kLost: return "lost";
    case DealStatus::kAbandoned: return "abandoned";
  }
  return "open";
}

void DealState::Apply(const DealEntry& e) {
  using namespace deal_field;
  const bool opening = (e.mask & kOpened) != 0;
  if (opening) {
    exists = true;
    opened_time = e.time;
  }
  if (e.mask & kStage) {
    if (opening || e.stage != stage) stage_time = e.time;
    stage = e.stage;
    probability = e.probability;
    category = e.category;
  }
  if (e.mask & kAmount) {
    amount = e.amount;
    currency = e.currency;
  }
  if (e.mask & kCloseDate) close_day = e.close_day;
  if (e.mask & kOwner) {
    owner = e.owner;
    department = e.department;
  }
  if (e.mask & kStatus) {
    const auto next = static_cast<DealStatus>(e.status);
    if (opening || next != status) status_time = e.time;
    status = next;
  }
}

int32_t DealState::PeriodMonth() const {
  return status == DealStatus::kOpen ? MonthOfDay(close_day) : MonthOfTime(status_time);
}

size_t CellKeyHash::operator()(const CellKey& k) const {
  uint64_t a = (static_cast<uint64_t>(k.owner) << 32) | k.department;
  uint64_t b = (static_cast<uint64_t>(static_cast<uint32_t>(k.month)) << 32) |
               (static_cast<uint64_t>(k.stage) << 16) | k.currency;
  b ^= (static_cast<uint64_t>(k.status) << 56) ^ (static_cast<uint64_t>(k.category) << 48);
  a *= 0x9e3779b97f4a7c15ULL;
  return static_cast<size_t>(a ^ (b + 0x7f4a7c159e3779b9ULL + (a << 6) + (a >> 2)));
}

CellKey Coarsen(CellKey key, const CellDetail& detail) {
  if (!detail.owner) key.owner = 0;
  if (!detail.department) key.department = 0;
  if (!detail.month) key.month = 0;
  return key;
}

namespace {

CellKey KeyOf(const DealState& s) {
  return CellKey{.owner = s.owner,
                 .department = s.department,
                 .month = s.PeriodMonth(),
                 .stage = s.stage,
                 .currency = s.currency,
                 .status = static_cast<uint8_t>(s.status),
                 .category = s.category};
}

void AddTo(CellValue& v, const DealState& s, int sign) {
  v.count += sign;
  v.amount += sign * s.amount;
  v.weighted += static_cast<__int128>(sign) * s.amount * s.probability;
}

}  // namespace

CellValue& AddToCells(CellTable& cells, const DealState& s, int sign, const CellDetail& detail) {
  const CellKey full = KeyOf(s);
  CellValue& v = cells[detail.all() ? full : Coarsen(full, detail)];
  AddTo(v, s, sign);
  // Emptied cells stay: deals move between a bounded set of cells, and
  // erasing and re-inserting them on every stage change would cost an
  // allocation per event. Readers skip cells whose count is 0.
  return v;
}

bool SameCells(const CellTable& a, const CellTable& b) {
  auto covered = [](const CellTable& x, const CellTable& y) {
    for (const auto& [key, value] : x) {
      if (value.count == 0 && value.amount == 0 && value.weighted == 0) continue;
      auto it = y.find(key);
      if (it == y.end() || !(it->second == value)) return false;
    }
    return true;
  };
  return covered(a, b) && covered(b, a);
}

uint16_t OpportunityBook::Stage(std::string_view name) {
  return LocalIndex<uint16_t>(stages_, symbols_.names.Intern(name));
}
uint8_t OpportunityBook::Category(std::string_view name) {
  return LocalIndex<uint8_t>(categories_, symbols_.names.Intern(name));
}
uint16_t OpportunityBook::Currency(std::string_view code) {
  return LocalIndex<uint16_t>(currencies_, symbols_.names.Intern(code));
}

std::string_view OpportunityBook::StageName(uint16_t stage) const {
  return stage < stages_.size() ? symbols_.names.Get(stages_[stage]) : std::string_view();
}
std::string_view OpportunityBook::CategoryName(uint8_t category) const {
  return category < categories_.size() ? symbols_.names.Get(categories_[category])
                                       : std::string_view();
}
std::string_view OpportunityBook::CurrencyName(uint16_t currency) const {
  return currency < currencies_.size() ? symbols_.names.Get(currencies_[currency])
                                       : std::string_view();
}
std::optional<uint16_t> OpportunityBook::FindStage(std::string_view name) const {
  for (size_t i = 0; i < stages_.size(); ++i) {
    if (symbols_.names.Get(stages_[i]) == name) return static_cast<uint16_t>(i);
  }
  return std::nullopt;
}
std::optional<uint16_t> OpportunityBook::FindCurrency(std::string_view code) const {
  for (size_t i = 0; i < currencies_.size(); ++i) {
    if (symbols_.names.Get(currencies_[i]) == code) return static_cast<uint16_t>(i);
  }
  return std::nullopt;
}

std::optional<uint32_t> OpportunityBook::Find(std::string_view opportunity_id) const {
  const std::optional<uint32_t> code = symbols_.ids.Find(opportunity_id);
  if (!code) return std::nullopt;
  auto it = by_id_.find(*code);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

uint32_t OpportunityBook::DealIndex(std::string_view opportunity_id, bool create) {
  const uint32_t code = symbols_.ids.Intern(opportunity_id);
  auto it = by_id_.find(code);
  if (it != by_id_.end()) return it->second;
  if (!create) return UINT32_MAX;
  const auto index = static_cast<uint32_t>(deals_.size());
  deals_.push_back(Deal{.id = code});
  now_cell_.push_back(nullptr);
  by_id_.emplace(code, index);
  return index;
}

void OpportunityBook::Append(uint32_t deal, DealEntry entry) {
  Deal& d = deals_[deal];
  constexpr CellDetail kSummary{false, false, false};
  // The deal's cell in now_cells_ is kept (table nodes do not move), so
  // leaving it costs no lookup, and staying in it (an amount or date that
  // keeps the month) none either.
  CellValue* const cell = now_cell_[deal];
  const std::optional<CellKey> old_key = d.now.exists ? std::optional(KeyOf(d.now)) : std::nullopt;
  if (old_key) {
    AddTo(*cell, d.now, -1);
    AddToCells(now_summary_, d.now, -1, kSummary);
  }
  d.entries.push_back(entry);
  d.now.Apply(entry);
  if (!d.now.exists) {
    now_cell_[deal] = nullptr;
    return;
  }
  const CellKey key = KeyOf(d.now);
  CellValue& into = old_key == key ? *cell : now_cells_[key];
  AddTo(into, d.now, +1);
  now_cell_[deal] = &into;
  AddToCells(now_summary_, d.now, +1, kSummary);
}

std::optional<uint32_t> OpportunityBook::Apply(const EventMeta& meta,
                                               const domain::OpportunityEvent& event) {
  using namespace deal_field;
  const std::string_view id = std::visit([](const auto& e) -> std::string_view {
    return e.opportunity_id.value;
  }, event);
  const bool opens = std::holds_alternative<domain::OpportunityOpened>(event);
  const uint32_t deal = DealIndex(id, opens);
  if (deal == UINT32_MAX) return std::nullopt;

  DealEntry entry{.time = meta.time, .position = meta.position};
  auto stage = [&](const std::string& name, int32_t probability, const std::string& category) {
    entry.mask |= kStage;
    entry.stage = Stage(name);
    entry.probability = Percent(probability);
    entry.category = Category(category);
  };
  auto amount = [&](const domain::Money& m) {
    entry.mask |= kAmount;
    entry.amount = m.minor;
    entry.currency = Currency(m.currency);
  };
  auto status = [&](DealStatus s) {
    entry.mask |= kStatus;
    entry.status = static_cast<uint8_t>(s);
  };
  std::visit(
      Overloaded{
          [&](const domain::OpportunityOpened& e) {
            Deal& d = deals_[deal];
            d.customer = symbols_.ids.Intern(e.customer_id.value);
            d.products.clear();
            for (const domain::Id& p : e.product_ids) d.products.push_back(symbols_.ids.Intern(p.value));
            entry.mask |= kOpened | kCloseDate | kOwner;
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
            status(DealStatus::kOpen);
            entry.close_day = static_cast<int32_t>(e.expected_close_date.epoch_day);
            entry.owner = symbols_.ids.Intern(e.owner_id.value);
            entry.department = e.department_id ? symbols_.ids.Intern(e.department_id->value) : 0;
          },
          [&](const domain::OpportunityStageAdvanced& e) {
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
          },
          [&](const domain::OpportunityStageMovedBack& e) {
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
          },
          [&](const domain::OpportunityAmountRevised& e) { amount(e.amount); },
          [&](const domain::OpportunityCloseDateRevised& e) {
            entry.mask |= kCloseDate;
            entry.close_day = static_cast<int32_t>(e.expected_close_date.epoch_day);
          },
          [&](const domain::OpportunityReassigned& e) {
            entry.mask |= kOwner;
            entry.owner = symbols_.ids.Intern(e.new_owner_id.value);
            entry.department = e.department_id ? symbols_.ids.Intern(e.department_id->value) : 0;
          },
          [&](const domain::OpportunityWon& e) {
            status(DealStatus::kWon);
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
          },
          [&](const domain::OpportunityLost& e) {
            status(DealStatus::kLost);
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
          },
          [&](const domain::OpportunityAbandoned&) { status(DealStatus::kAbandoned); },
          [&](const domain::OpportunityTeamMemberAdded& e) {
            std::vector<uint32_t>& team = deals_[deal].team;
            const uint32_t member = symbols_.ids.Intern(e.member_id.value);
            if (std::find(team.begin(), team.end(), member) == team.end()) team.push_back(member);
          },
          [&](const domain::OpportunityTeamMemberRemoved& e) {
            std::vector<uint32_t>& team = deals_[deal].team;
            const std::optional<uint32_t> member = symbols_.ids.Find(e.member_id.value);
            if (member) team.erase(std::remove(team.begin(), team.end(), *member), team.end());
          },
          [&](const domain::OpportunityReopened& e) {
            status(DealStatus::kOpen);
            stage(e.stage, e.probability, e.forecast_category);
            amount(e.amount);
          },
          [](const auto&) {},
      },
      event);
  if (entry.mask != 0) Append(deal, entry);
  return deal;
}

DealState OpportunityBook::StateOf(uint32_t index, const Visibility& vis) const {
  return StateOf(deals_[index], vis);
}

DealState OpportunityBook::StateOf(const Deal& deal, const Visibility& vis) const {
  if (vis.is_now()) return deal.now;
  DealState s;
  for (const DealEntry& e : deal.entries) {
    if (e.position > vis.max_position) break;  // entries are in position order
    if (e.time <= vis.max_time.micros()) s.Apply(e);
  }
  return s;
}

CellTable OpportunityBook::BuildCells(const Visibility& vis,
                                      const std::function<bool(const Deal&)>& keep,
                                      const CellDetail& detail) const {
  CellTable cells;
  for (const Deal& d : deals_) {
    if (keep && !keep(d)) continue;
    const DealState s = StateOf(d, vis);
    if (s.exists) AddToCells(cells, s, +1, detail);
  }
  return cells;
}

void OpportunityBook::Save(BinaryWriter& w) const {
  w.Pods(stages_);
  w.Pods(categories_);
  w.Pods(currencies_);
  std::vector<uint32_t> ids, customers, product_counts, entry_counts, products, team_counts, teams;
  ids.reserve(deals_.size());
  for (const Deal& d : deals_) {
    ids.push_back(d.id);
    customers.push_back(d.customer);
    product_counts.push_back(static_cast<uint32_t>(d.products.size()));
    entry_counts.push_back(static_cast<uint32_t>(d.entries.size()));
    products.insert(products.end(), d.products.begin(), d.products.end());
    team_counts.push_back(static_cast<uint32_t>(d.team.size()));
    teams.insert(teams.end(), d.team.begin(), d.team.end());
  }
  w.Pods(ids);
  w.Pods(customers);
  w.Pods(product_counts);
  w.Pods(products);
  w.Pods(team_counts);
  w.Pods(teams);
  w.Pods(entry_counts);
  for (const Deal& d : deals_) w.Raw(d.entries.data(), d.entries.size() * sizeof(DealEntry));
}

Status OpportunityBook::Load(BinaryReader& r) {
  r.Pods(&stages_);
  r.Pods(&categories_);
  r.Pods(&currencies_);
  std::vector<uint32_t> ids, customers, product_counts, entry_counts, products, team_counts, teams;
  r.Pods(&ids);
  r.Pods(&customers);
  r.Pods(&product_counts);
  r.Pods(&products);
  r.Pods(&team_counts);
  r.Pods(&teams);
  r.Pods(&entry_counts);
  const size_t n = ids.size();
  if (!r.ok() || customers.size() != n || product_counts.size() != n || entry_counts.size() != n ||
      team_counts.size() != n) {
    return Status::Corruption("opportunity book is malformed");
  }
  deals_.assign(n, Deal{});
  size_t next_product = 0, next_member = 0;
  for (size_t i = 0; i < n; ++i) {
    Deal& d = deals_[i];
    d.id = ids[i];
    d.customer = customers[i];
    if (product_counts[i] > products.size() - next_product) {
      return Status::Corruption("opportunity book products are malformed");
    }
    d.products.assign(products.begin() + next_product,
                      products.begin() + next_product + product_counts[i]);
    next_product += product_counts[i];
    if (team_counts[i] > teams.size() - next_member) {
      return Status::Corruption("opportunity book teams are malformed");
    }
    d.team.assign(teams.begin() + next_member, teams.begin() + next_member + team_counts[i]);
    next_member += team_counts[i];
    if (entry_counts[i] > r.remaining() / sizeof(DealEntry)) {
      return Status::Corruption("opportunity book entries are truncated");
    }
    d.entries.resize(entry_counts[i]);
    if (!r.Raw(d.entries.data(), d.entries.size() * sizeof(DealEntry))) {
      return Status::Corruption("opportunity book entries are truncated");
    }
  }
  RebuildDerived();
  return Status::Ok();
}

void OpportunityBook::RebuildDerived() {
  by_id_.clear();
  by_id_.reserve(deals_.size());
  now_cells_.clear();
  now_summary_.clear();
  now_cell_.assign(deals_.size(), nullptr);
  for (uint32_t i = 0; i < deals_.size(); ++i) {
    Deal& d = deals_[i];
    by_id_.emplace(d.id, i);
    d.now = DealState{};
    for (const DealEntry& e : d.entries) d.now.Apply(e);
    if (d.now.exists) {
      now_cell_[i] = &AddToCells(now_cells_, d.now, +1);
      AddToCells(now_summary_, d.now, +1, CellDetail{false, false, false});
    }
  }
}

}  // namespace dealstream::projections
