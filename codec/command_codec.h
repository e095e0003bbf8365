// The command codec: a command body as received over HTTP or from the CLI
// -> the typed command of an aggregate.
//
//   auto decoded = DecodeCommand<OpportunityAggregate::Command>("OpenOpportunity", body);
//
// Steps, each refusing with a FieldError naming the field and the rule:
// strict JSON parsing (UTF-8, duplicate keys, depth), validation against
// the command's JSON Schema with valijson (the schema generated from the
// same reflection as schemas/commands/<type>.json, compiled once at first
// use), then strict typed decoding. `occurred_at` (RFC 3339), which any
// command may carry (DESIGN §10), is returned beside the command.
//
// Thread-safety: all functions may be called concurrently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "codec/field_error.h"
#include "codec/json_codec.h"
#include "codec/registry.h"

namespace dealstream::codec {

template <typename Command>
struct DecodedCommand {
  Command command;
  std::optional<Timestamp> occurred_at;  // the business time, when the body gave one
};

// Type-erased core of DecodeCommand.
std::optional<FieldError> DecodeCommandBody(const std::vector<Alternative>& table,
                                            std::string_view type, std::string_view body,
                                            void* variant, std::optional<Timestamp>* occurred_at);

// The JSON Schema text of a command type, as committed under
// schemas/commands/ (see json_schema.h).
std::string CommandSchema(const StructInfo& info);

// Errors: a type that is not an alternative of Command (check
// DomainRegistry().FindCommand first to answer "unknown command"), or a
// body that breaks the command's schema.
template <typename Command>
Result<DecodedCommand<Command>, FieldError> DecodeCommand(std::string_view type,
                                                          std::string_view body) {
  DecodedCommand<Command> out;
  if (auto error =
          DecodeCommandBody(AlternativesOf<Command>(), type, body, &out.command, &out.occurred_at)) {
    return Unexpected(std::move(*error));
  }
  return out;
}

// Compact JSON of a command (for idempotency fingerprints, logs, tests).
template <typename Command>
std::string EncodeCommand(const Command& command) {
  return std::visit(
      [](const auto& c) { return EncodeJson(StructInfoOf<std::decay_t<decltype(c)>>(), &c); },
      command);
}

}  // namespace dealstream::codec
