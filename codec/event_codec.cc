#include "codec/event_codec.h"

#include "codec/json_codec.h"
#include "codec/upcasters/upcaster.h"

namespace dealstream::codec {

EncodedEvent EncodeEventPayload(const StructInfo& info, const void* event) {
  return EncodedEvent{std::string(info.type_name), CurrentSchemaVersion(info.type_name),
                      EncodeJson(info, event)};
}

std::optional<FieldError> DecodeEventPayload(const std::vector<Alternative>& table,
                                             std::string_view type, uint32_t schema_version,
                                             std::string_view data, void* variant) {
  const Alternative* alternative = FindAlternative(table, type);
  if (alternative == nullptr) {
    return FieldError{"", "event type '" + std::string(type) + "' is not one this decoder knows"};
  }
  const DecodeOptions options{.allow_negative_money = true};
  void* out = alternative->emplace(variant);
  std::optional<FieldError> error;
  if (schema_version == CurrentSchemaVersion(type)) {
    error = DecodeJsonFast(data, *alternative->info, out, options);
  } else {
    auto current = UpcastToCurrent(type, schema_version, data);
    if (!current.ok()) return std::move(current).error();
    error = DecodeJson(*current, *alternative->info, out, options);
  }
  if (error) error->message = std::string(type) + ": " + error->message;
  return error;
}

}  // namespace dealstream::codec
