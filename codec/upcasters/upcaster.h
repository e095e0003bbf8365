// Schema evolution of stored events (DESIGN §4): stored events are never
// rewritten. When the payload of an event type changes shape, the type's
// schema version goes up by one and an Upcaster converts payloads of the
// previous version on read, so decoders only ever see the current shape.
//
// A change of meaning is a new event type (".v2" in the name) with its own
// struct; an Upcaster is for the same fact written in an older shape.
//
// Adding one: write the conversion in this folder (one file per event
// type, with the old shape documented and a test decoding both shapes) and
// list it in upcasters.cc. The event codec then writes the new version and
// reads both.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "codec/field_error.h"

namespace dealstream::codec {

struct Upcaster {
  std::string_view type;  // the stored event type, e.g. "crm.opportunity.opened.v1"
  uint32_t from_version;  // converts payloads of this schema version to from_version + 1
  // The payload in the from_version shape -> the same fact in the next
  // shape. Errors name the field of the old payload and the rule.
  Result<std::string, FieldError> (*upcast)(std::string_view payload);
};

// Every upcaster, listed in upcasters.cc.
std::span<const Upcaster> AllUpcasters();

// The schema version the codec writes for `type`: 1 plus the number of
// upcasters of the type.
uint32_t CurrentSchemaVersion(std::string_view type);

// Converts `payload` of `type` from `schema_version` to the current one.
// Errors: a version of 0 or above the current one (written by a newer
// build), a missing step, or the failure of a step.
Result<std::string, FieldError> UpcastToCurrent(std::string_view type, uint32_t schema_version,
                                                std::string_view payload);

}  // namespace dealstream::codec
