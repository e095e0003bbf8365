#include "projections/ownership.h"

#include <array>

namespace dealstream::projections {
namespace {

// Stream categories of reference data: visible to every role.
constexpr std::array<std::string_view, 9> kSharedCategories = {
    "department", "employee", "product",  "competitor",       "competing_product",
    "config",     "partner",  "campaign", "knowledge_article"};

std::optional<std::string> IdOrNone(const Symbols& s, uint32_t code) {
  if (code == 0) return std::nullopt;
  return std::string(s.ids.Get(code));
}

}  // namespace

std::optional<OwnershipFacts> OwnershipOf(const CrmBooks& books, std::string_view category,
                                          std::string_view id) {
  for (std::string_view shared : kSharedCategories) {
    if (category == shared) return OwnershipFacts{.shared = true};
  }
  const Symbols& sym = books.symbols;
  if (category == "opportunity") {
    const std::optional<uint32_t> index = books.opportunities.Find(id);
    if (!index) return std::nullopt;
    const Deal& d = books.opportunities.deals()[*index];
    OwnershipFacts facts{.owner_id = IdOrNone(sym, d.now.owner),
                         .department_id = IdOrNone(sym, d.now.department)};
    for (uint32_t member : d.team) facts.team_member_ids.emplace_back(sym.ids.Get(member));
    return facts;
  }
  if (category == "contract") {
    // A contract is owned as drafted (its own owner and department).
    const std::optional<uint32_t> code = sym.ids.Find(id);
    const ContractRecord* k = code ? books.contracts.Find(*code) : nullptr;
    if (k == nullptr || k->drafted_position == 0) return std::nullopt;
    return OwnershipFacts{.owner_id = IdOrNone(sym, k->owner),
                          .department_id = IdOrNone(sym, k->department)};
  }
  std::optional<uint32_t> customer_code;
  if (category == "contact") {
    const std::optional<uint32_t> contact = sym.ids.Find(id);
    if (contact) customer_code = books.contacts.CustomerOf(*contact);
    if (!customer_code) return std::nullopt;
  }
  if (category == "customer" || customer_code) {
    const std::optional<uint32_t> code = customer_code ? customer_code : sym.ids.Find(id);
    const CustomerRecord* c = code ? books.customers.Find(*code) : nullptr;
    if (c == nullptr || c->registered_position == 0) return std::nullopt;
    return OwnershipFacts{.owner_id = IdOrNone(sym, c->owner.Now() ? *c->owner.Now() : 0),
                          .department_id =
                              IdOrNone(sym, c->department.Now() ? *c->department.Now() : 0)};
  }
  return std::nullopt;
}

std::optional<std::string> DepartmentOfEmployee(const CrmBooks& books,
                                                std::string_view employee_id) {
  const std::optional<uint32_t> code = books.symbols.ids.Find(employee_id);
  if (!code || books.org.FindEmployee(*code) == nullptr) return std::nullopt;
  const uint32_t department = books.org.DepartmentOf(*code, Visibility::Now());
  return IdOrNone(books.symbols, department);
}

bool IsWithinDepartment(const CrmBooks& books, std::string_view department,
                        std::string_view ancestor) {
  const std::optional<uint32_t> d = books.symbols.ids.Find(department);
  const std::optional<uint32_t> a = books.symbols.ids.Find(ancestor);
  if (!d || !a || *d == 0 || *a == 0) return false;
  return books.org.IsWithin(*d, *a, Visibility::Now());
}

}  // namespace dealstream::projections
