// Value types and enums of the contract aggregate (DESIGN §2.5).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

// draft -> pending_approval -> approved | rejected; approved -> signed ->
// completed; terminated from any state before completed. A rejected
// contract is amended and submitted again.
enum class ContractStatus {
  kDraft,
  kPendingApproval,
  kApproved,
  kRejected,
  kSigned,
  kCompleted,
  kTerminated
};
constexpr auto EnumNames(ContractStatus) {
  using S = ContractStatus;
  return std::array{std::pair{S::kDraft, std::string_view("draft")},
                    std::pair{S::kPendingApproval, std::string_view("pending_approval")},
                    std::pair{S::kApproved, std::string_view("approved")},
                    std::pair{S::kRejected, std::string_view("rejected")},
                    std::pair{S::kSigned, std::string_view("signed")},
                    std::pair{S::kCompleted, std::string_view("completed")},
                    std::pair{S::kTerminated, std::string_view("terminated")}};
}

// One line of the contract: what is sold, how many, at what price.
struct ContractLine {
  std::optional<Id> product_id;
  std::string description;
  int64_t quantity = 0;
  Money unit_price;
  bool operator==(const ContractLine&) const = default;
};
constexpr auto Fields(const ContractLine*) {
  using T = ContractLine;
  return std::tuple{F("product_id", &T::product_id),
                    F("description", &T::description).MinLength(1).MaxLength(200),
                    F("quantity", &T::quantity).Range(1, 1000000000),
                    F("unit_price", &T::unit_price).Doc("in the contract's currency")};
}

// One payment the customer owes on a due date.
struct Instalment {
  Id instalment_id;
  Date due_date;
  Money amount;
  bool operator==(const Instalment&) const = default;
};
constexpr auto Fields(const Instalment*) {
  using T = Instalment;
  return std::tuple{F("instalment_id", &T::instalment_id), F("due_date", &T::due_date),
                    F("amount", &T::amount).Doc("positive, in the contract's currency")};
}

struct DeliveryItem {
  std::optional<Id> product_id;
  std::string description;
  int64_t quantity = 0;
  bool operator==(const DeliveryItem&) const = default;
};
constexpr auto Fields(const DeliveryItem*) {
  using T = DeliveryItem;
  return std::tuple{F("product_id", &T::product_id),
                    F("description", &T::description).MinLength(1).MaxLength(200),
                    F("quantity", &T::quantity).Range(1, 1000000000)};
}

// One shipment we owe the customer on a due date.
struct DeliveryBatch {
  Id batch_id;
  Date due_date;
  std::vector<DeliveryItem> items;
  bool operator==(const DeliveryBatch&) const = default;
};
constexpr auto Fields(const DeliveryBatch*) {
  using T = DeliveryBatch;
  return std::tuple{F("batch_id", &T::batch_id), F("due_date", &T::due_date),
                    F("items", &T::items).Doc("at least one")};
}

}  // namespace dealstream::domain
