// The list of upcasters, one line each (see upcaster.h).
#include <string>

#include "codec/upcasters/opportunity_opened_v1.h"
#include "codec/upcasters/upcaster.h"

namespace dealstream::codec {

std::span<const Upcaster> AllUpcasters() {
  static constexpr Upcaster kUpcasters[] = {
      {"crm.opportunity.opened.v1", 1, &upcasters::OpportunityOpenedV1ToV2},
  };
  return kUpcasters;
}

uint32_t CurrentSchemaVersion(std::string_view type) {
  uint32_t version = 1;
  for (const Upcaster& u : AllUpcasters()) {
    if (u.type == type) version = std::max(version, u.from_version + 1);
  }
  return version;
}

Result<std::string, FieldError> UpcastToCurrent(std::string_view type, uint32_t schema_version,
                                                std::string_view payload) {
  const uint32_t current = CurrentSchemaVersion(type);
  if (schema_version == 0 || schema_version > current) {
    return Unexpected(FieldError{
        "", "schema version " + std::to_string(schema_version) + " of '" + std::string(type) +
                "' is not one this build reads (1 to " + std::to_string(current) + ")"});
  }
  std::string data(payload);
  for (uint32_t v = schema_version; v < current; ++v) {
    const Upcaster* step = nullptr;
    for (const Upcaster& u : AllUpcasters()) {
      if (u.type == type && u.from_version == v) step = &u;
    }
    if (step == nullptr) {
      return Unexpected(FieldError{"", "no upcaster from schema version " + std::to_string(v) +
                                           " of '" + std::string(type) + "'"});
    }
    auto next = step->upcast(data);
    if (!next.ok()) {
      FieldError e = std::move(next).error();
      e.message = std::string(type) + " v" + std::to_string(v) + " payload: " + e.message;
      return Unexpected(std::move(e));
    }
    data = std::move(*next);
  }
  return data;
}

}  // namespace dealstream::codec
