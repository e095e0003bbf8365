// crm.opportunity.opened.v1, schema version 1 -> 2.
//
// Version 1 (the stored legacy shape, e.g. from the first importer) wrote
// the expected amount as a bare JSON number in major units with the
// currency beside it:
//   {"opportunity_id": "op-1", "customer_id": "c-1", "title": "ERP rollout",
//    "amount": 125000.5, "currency": "USD", "expected_close_date": "2017-06-30",
//    ..., the other fields as in version 2}
// A bare number cannot carry an exact decimal and drifts through floating
// point, so version 2 (domain::OpportunityOpened as it is now) writes Money:
//   {"amount": {"amount": "125000.50", "currency": "USD"}, ...}
//
// The conversion is exact or refused: the shortest decimal form of the
// number must have no more decimals than the currency allows, and the
// number must stay below 2^53 (beyond that a double no longer holds every
// integer).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "codec/field_error.h"

namespace dealstream::codec::upcasters {

Result<std::string, FieldError> OpportunityOpenedV1ToV2(std::string_view payload);

}  // namespace dealstream::codec::upcasters
