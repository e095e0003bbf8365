// DirectoryScopeResolver: the api's ScopeResolver answered from the write
// side's Directory (the facts decisions use), so that data scopes work in
// `serve` today. Ownership comes from customers and opportunities; contacts
// and contracts belong to their customer; organisation, catalog, partner,
// campaign and configuration records are shared reference data. Records of
// any other category are unknown here and therefore hidden from scoped
// roles (fail closed) until a read model answers for them.
//
// Thread-safe (the Directory is).
#pragma once

#include "api/scope_resolver.h"
#include "domain/common/directory.h"

namespace dealstream::app {

class DirectoryScopeResolver final : public api::ScopeResolver {
 public:
  // `directory` must outlive the resolver.
  explicit DirectoryScopeResolver(const domain::Directory& directory) : directory_(directory) {}

  std::optional<api::Ownership> OwnershipOf(std::string_view category,
                                            std::string_view id) const override;
  std::optional<std::string> DepartmentOf(std::string_view employee_id) const override;
  bool IsWithinDepartment(std::string_view department, std::string_view ancestor) const override;

 private:
  std::optional<api::Ownership> CustomerOwnership(const domain::Id& id) const;

  const domain::Directory& directory_;
};

}  // namespace dealstream::app
