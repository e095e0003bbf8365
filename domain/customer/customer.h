// The customer (account) aggregate (stream category "customer").
//
// Rules (each a DomainError code):
//   id_required / customer_exists / customer_not_found
//   name_blank / nothing_to_update
//   owner_not_found / owner_inactive          owner_id
//   department_not_found / department_closed  department_id
//   customer_archived     changing an archived customer (restore it first);
//                         derived lifecycle changes still apply
//   customer_merged       changing a customer merged into another
//   custom_fields_required / too_many_custom_fields     values
//   custom_field_not_found / custom_field_value_invalid  values.<key>
//   assignment_required / assignment_unchanged
//   customer_not_archived restoring a customer that is not archived
//   merge_into_self       survivor_id is the duplicate itself
//   duplicate_not_merged_here  the duplicate was not merged into this survivor
//   duplicate_already_recorded
//   reason_required / lifecycle_unchanged     manual lifecycle changes
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/customer/customer_commands.h"
#include "domain/customer/customer_events.h"

namespace dealstream::domain {


struct CustomerState {
  bool exists = false;
  Id id;
  std::string name;
  Id owner_id;
  Id department_id;
  std::optional<std::string> industry;
  std::optional<std::string> region;
  std::optional<CustomerSize> size;
  std::optional<std::string> source;
  std::optional<std::string> address;
  std::optional<std::string> phone;
  std::optional<std::string> website;
  std::map<std::string, std::string> custom_fields;
  Lifecycle lifecycle = Lifecycle::kTarget;
  bool archived = false;
  std::optional<Id> merged_into;
  std::vector<Id> absorbed_duplicates;
};
// What record views show (the codec renders it).
constexpr auto Fields(const CustomerState*) {
  using T = CustomerState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("industry", &T::industry),
                    F("region", &T::region),
                    F("size", &T::size),
                    F("source", &T::source),
                    F("address", &T::address),
                    F("phone", &T::phone),
                    F("website", &T::website),
                    F("custom_fields", &T::custom_fields),
                    F("lifecycle", &T::lifecycle),
                    F("archived", &T::archived),
                    F("merged_into", &T::merged_into),
                    F("absorbed_duplicates", &T::absorbed_duplicates)};
}

struct CustomerAggregate {
  static constexpr std::string_view kCategory = "customer";
  using State = CustomerState;
  using Command =
      std::variant<RegisterCustomer, UpdateCustomerProfile, SetCustomerCustomFields, AssignCustomer,
                   ArchiveCustomer, RestoreCustomer, MergeCustomer, RecordMergedDuplicate,
                   ChangeCustomerLifecycle, DeriveCustomerLifecycle>;
  using Event =
      std::variant<CustomerRegistered, CustomerProfileUpdated, CustomerCustomFieldsSet,
                   CustomerAssigned, CustomerArchived, CustomerRestored, CustomerDuplicateMerged,
                   CustomerDuplicateAbsorbed, CustomerLifecycleChanged>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a customer; nullopt before registration.
std::optional<CustomerFacts> FactsOf(const CustomerState& state);

// The command that completes a merge on the survivor's stream; the command
// service issues it with the merge event as its cause.
RecordMergedDuplicate FollowUpOf(const CustomerDuplicateMerged& merged);

}  // namespace dealstream::domain
