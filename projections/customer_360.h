// Customer 360 (DESIGN §3.9): one customer as of any instant — its
// profile, contacts (non-personal fields), opportunities, contracts,
// service requests and most recent activities, all under one Visibility so
// the sections agree with each other and with every other read model.
// Definitions: docs/projections.md#customer-360.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

// How many activities the view lists (most recent first).
inline constexpr size_t kCustomer360Activities = 20;

struct Customer360Contact {
  std::string contact_id;
  std::string title;       // "" = none
  std::string department;  // "" = none
  std::string status;      // active | left_company
  std::string added_date;  // YYYY-MM-DD
};

struct Customer360Opportunity {
  std::string opportunity_id;
  std::string status;  // open | won | lost | abandoned
  std::string stage;
  domain::Money amount;
  std::string expected_close_date;
  std::optional<std::string> closed_date;  // while won, lost or abandoned
  std::string owner_id;
  std::vector<std::string> product_ids;
};

struct Customer360Contract {
  std::string contract_id;
  std::string status;
  domain::Money total;
  std::optional<std::string> signed_date;
  domain::Money received;  // Σ payments received
  std::string owner_id;
};

struct Customer360ServiceRequest {
  std::string request_id;
  std::string type;
  std::string status;
  std::string priority;
  std::string opened_date;
};

struct Customer360Activity {
  std::string activity_id;
  std::string opportunity_id;
  std::string type;
  std::string subject;
  std::string state;  // planned | completed | cancelled
  std::string date;   // completed date when completed, else planned date
  std::string assignee_id;
};

struct Customer360View {
  std::string customer_id;
  std::string name;
  std::string status;     // active | archived | merged
  std::string lifecycle;
  std::string owner_id;
  std::string department_id;
  std::string region;
  std::string industry;
  std::vector<Customer360Contact> contacts;            // in the order added
  std::vector<Customer360Opportunity> opportunities;   // in the order opened
  std::vector<Customer360Contract> contracts;          // in the order drafted
  std::vector<Customer360ServiceRequest> service_requests;  // in the order opened
  int64_t activities_total = 0;
  std::vector<Customer360Activity> activities;  // most recent first, at most kCustomer360Activities
  uint64_t position = 0;
};

// The view of customer `customer_id` under `vis`; nullopt when the books
// never saw it or it was not registered yet at that instant.
std::optional<Customer360View> BuildCustomer360(const CrmBooks& books, const Visibility& vis,
                                                std::string_view customer_id);

}  // namespace dealstream::projections
