#include "projections/routing.h"

#include <unordered_map>
#include <utility>
#include <variant>

#include "codec/event_codec.h"

namespace dealstream::projections {
namespace {

using Table = std::unordered_map<std::string_view, EventRoute>;

// Sinks: one per aggregate's Event variant.
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::OpportunityEvent& e) {
  const std::optional<uint32_t> deal = b.opportunities.Apply(m, e);
  b.activities.Apply(m, e);
  if (deal) b.competition.Apply(m, e, *deal);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::CompetitorAggregate::Event& e) {
  b.competition.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::ProductAggregate::Event& e) {
  b.competition.Apply(m, e);
  b.catalog.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::ContactAggregate::Event& e) {
  b.contacts.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::CompetingProductAggregate::Event& e) {
  b.competition.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::ContractAggregate::Event& e) {
  b.contracts.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::BudgetAggregate::Event& e) {
  b.expenses.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::ExpenseAggregate::Event& e) {
  b.expenses.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::ServiceRequestAggregate::Event& e) {
  b.service.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::CarePlanAggregate::Event& e) {
  b.service.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::DepartmentAggregate::Event& e) {
  b.org.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::EmployeeAggregate::Event& e) {
  b.org.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::SalesTargetAggregate::Event& e) {
  b.org.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::CustomerAggregate::Event& e) {
  b.customers.Apply(m, e);
}
void ToBooks(CrmBooks& b, const EventMeta& m, const domain::SalesProcessAggregate::Event& e) {
  b.process.Apply(m, std::get<domain::SalesProcessConfigured>(e));
}

template <typename Variant>
std::optional<std::string> Decode(std::string_view type, uint32_t schema_version,
                                  std::string_view data, DecodedEvent* out) {
  auto decoded = codec::DecodeEvent<Variant>(type, schema_version, data);
  if (!decoded.ok()) return std::string(type) + ": " + decoded.error().message;
  out->emplace<Variant>(std::move(*decoded));
  return std::nullopt;
}

template <typename Variant>
void Apply(CrmBooks& books, const EventMeta& meta, const DecodedEvent& event) {
  ToBooks(books, meta, std::get<Variant>(event));
}

template <typename Variant, typename E>
void Register(Table& table) {
  table.emplace(E::kType, EventRoute{.decode = &Decode<Variant>, .apply = &Apply<Variant>});
}

template <typename Variant, size_t... I>
void RegisterEach(Table& table, std::index_sequence<I...>) {
  (Register<Variant, std::variant_alternative_t<I, Variant>>(table), ...);
}

template <typename Variant>
void RegisterAll(Table& table) {
  RegisterEach<Variant>(table, std::make_index_sequence<std::variant_size_v<Variant>>{});
}

Table BuildTable() {
  Table table;
  RegisterAll<domain::OpportunityEvent>(table);
  RegisterAll<domain::DepartmentAggregate::Event>(table);
  RegisterAll<domain::EmployeeAggregate::Event>(table);
  RegisterAll<domain::SalesTargetAggregate::Event>(table);
  RegisterAll<domain::CustomerAggregate::Event>(table);
  RegisterAll<domain::ContactAggregate::Event>(table);
  RegisterAll<domain::SalesProcessAggregate::Event>(table);
  RegisterAll<domain::CompetitorAggregate::Event>(table);
  RegisterAll<domain::ProductAggregate::Event>(table);
  RegisterAll<domain::CompetingProductAggregate::Event>(table);
  RegisterAll<domain::ContractAggregate::Event>(table);
  RegisterAll<domain::BudgetAggregate::Event>(table);
  RegisterAll<domain::ExpenseAggregate::Event>(table);
  RegisterAll<domain::ServiceRequestAggregate::Event>(table);
  RegisterAll<domain::CarePlanAggregate::Event>(table);
  return table;
}

}  // namespace

const EventRoute* FindRoute(std::string_view type) {
  static const Table table = BuildTable();
  auto it = table.find(type);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace dealstream::projections
