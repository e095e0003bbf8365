// Test helpers for the domain: a Directory backed by plain maps, and the
// given-events / when-command / then-events-or-error runner.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/aggregate.h"

namespace dealstream::domain::testing {

class FakeDirectory : public Directory {
 public:
  std::map<std::string, DepartmentFacts> departments;
  std::map<std::string, EmployeeFacts> employees;
  std::map<std::string, CustomerFacts> customers;
  std::map<std::string, ContactFacts> contacts;
  std::map<std::string, OpportunityFacts> opportunities;
  std::map<std::string, ContractFacts> contracts;
  std::map<std::string, ProductFacts> products;
  std::map<std::string, CompetitorFacts> competitors;
  std::map<std::string, OpenWork> open_work;
  SalesProcessFacts sales_process;
  std::map<std::string, CampaignFacts> campaigns;
  std::vector<BudgetFacts> budgets;
  std::map<std::string, DepartmentContents> department_contents;
  std::map<std::string, PartnerFacts> partners;
  std::map<std::string, CompetingProductFacts> competing_products;
  std::vector<CustomFieldFacts> custom_fields;
  // Keyed by contact id + "/" + opportunity id ("" for the customer's tree).
  std::map<std::string, Id> reports_to;
  std::vector<SalesTargetFacts> sales_targets;

  std::optional<DepartmentFacts> FindDepartment(const Id& id) const override { return Find(departments, id); }
  std::optional<EmployeeFacts> FindEmployee(const Id& id) const override { return Find(employees, id); }
  std::optional<CustomerFacts> FindCustomer(const Id& id) const override { return Find(customers, id); }
  std::optional<ContactFacts> FindContact(const Id& id) const override { return Find(contacts, id); }
  std::optional<OpportunityFacts> FindOpportunity(const Id& id) const override { return Find(opportunities, id); }
  std::optional<ContractFacts> FindContract(const Id& id) const override { return Find(contracts, id); }
  std::optional<ProductFacts> FindProduct(const Id& id) const override { return Find(products, id); }
  std::optional<CompetitorFacts> FindCompetitor(const Id& id) const override { return Find(competitors, id); }
  SalesProcessFacts SalesProcess() const override { return sales_process; }
  OpenWork OpenWorkOf(const Id& employee_id) const override {
    auto it = open_work.find(employee_id.value);
    return it == open_work.end() ? OpenWork{} : it->second;
  }
  bool IsWithinDepartment(const Id& department, const Id& ancestor) const override {
    std::optional<Id> current = department;
    for (int depth = 0; current && depth < 64; ++depth) {
      if (*current == ancestor) return true;
      auto d = FindDepartment(*current);
      current = d ? d->parent_id : std::nullopt;
    }
    return false;
  }
  DepartmentContents ContentsOf(const Id& department_id) const override {
    auto it = department_contents.find(department_id.value);
    return it == department_contents.end() ? DepartmentContents{} : it->second;
  }
  std::optional<PartnerFacts> FindPartner(const Id& id) const override { return Find(partners, id); }
  std::optional<CampaignFacts> FindCampaign(const Id& id) const override { return Find(campaigns, id); }
  std::optional<BudgetFacts> FindBudget(const std::string& scope, const Id& scope_id,
                                        const std::string& period) const override {
    for (const auto& budget : budgets) {
      if (budget.scope == scope && budget.scope_id == scope_id && budget.period == period) return budget;
    }
    return std::nullopt;
  }
  std::optional<CompetingProductFacts> FindCompetingProduct(const Id& id) const override {
    return Find(competing_products, id);
  }
  std::optional<ProductFacts> FindProductBySku(const std::string& sku) const override {
    for (const auto& [id, product] : products) {
      if (product.sku == sku) return product;
    }
    return std::nullopt;
  }
  std::optional<CustomFieldFacts> FindCustomField(const std::string& entity_type,
                                                  const std::string& key) const override {
    for (const auto& field : custom_fields) {
      if (field.entity_type == entity_type && field.key == key) return field;
    }
    return std::nullopt;
  }
  std::optional<Id> ContactReportsTo(const Id& contact_id,
                                     const std::optional<Id>& opportunity_id) const override {
    auto it = reports_to.find(contact_id.value + "/" + (opportunity_id ? opportunity_id->value : ""));
    if (it == reports_to.end()) return std::nullopt;
    return it->second;
  }
  std::optional<SalesTargetFacts> FindSalesTarget(const std::string& subject_kind, const Id& subject_id,
                                                  const std::string& period) const override {
    for (const auto& target : sales_targets) {
      if (target.subject_kind == subject_kind && target.subject_id == subject_id && target.period == period) {
        return target;
      }
    }
    return std::nullopt;
  }

 private:
  template <typename M>
  static std::optional<typename M::mapped_type> Find(const M& map, const Id& id) {
    auto it = map.find(id.value);
    if (it == map.end()) return std::nullopt;
    return it->second;
  }
};

// Given `history` (events with their business times), when `command`:
// returns what Decide answers. Folds the history with Evolve first.
template <typename A>
Decision<typename A::Event> GivenWhen(const std::vector<typename A::Event>& history,
                                      const typename A::Command& command,
                                      const DecideContext& context) {
  typename A::State state{};
  for (const auto& e : history) A::Evolve(state, e, context.now);
  return A::Decide(state, command, context);
}

// The state after `history`.
template <typename A>
typename A::State StateAfter(const std::vector<typename A::Event>& history,
                             Timestamp at = Timestamp::FromMicros(0)) {
  typename A::State state{};
  for (const auto& e : history) A::Evolve(state, e, at);
  return state;
}

}  // namespace dealstream::domain::testing
