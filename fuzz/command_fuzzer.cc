// Fuzz target: command decoding and validation.
//
// Input: up to kMaxCommands chunks separated by 0x1E (ASCII record
// separator). In each chunk the first byte picks the command type (its
// index in the sorted list of every registered command, modulo the count)
// and the rest is the JSON body. Every chunk goes
//   1. through codec::DecodeCommand of the owning aggregate: when it
//      decodes, EncodeCommand of the result must decode again to the same
//      command (the strict decoder accepts everything the encoder writes);
//   2. through a fresh LogCommandService over a MemoryEventLog (parse,
//      schema, target resolution, decide, append), the chunks in order, so
//      that later commands meet the records earlier ones created. Storage
//      never fails here, so an "unavailable" answer (a 503) is a defect.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codec/command_codec.h"
#include "commands/log_command_service.h"
#include "eventstore/memory_event_log.h"
#include "fuzz/aggregate_of.h"
#include "fuzz/defect.h"

namespace dealstream::fuzz {
namespace {

constexpr size_t kMaxCommands = 8;
constexpr char kSeparator = '\x1e';

// Every registered command type, sorted by name (seed_gen.cc numbers them
// the same way).
const std::vector<std::string>& CommandTypes() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> names;
    for (const codec::CommandType& type : codec::DomainRegistry().commands()) {
      names.emplace_back(type.name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }();
  return types;
}

template <typename A>
void CheckRoundTrip(std::string_view type, std::string_view body) {
  using Command = typename A::Command;
  auto decoded = codec::DecodeCommand<Command>(type, body);
  if (!decoded.ok()) return;
  const std::string encoded = codec::EncodeCommand(decoded->command);
  auto again = codec::DecodeCommand<Command>(type, encoded);
  if (!again.ok()) {
    Defect("an encoded command does not decode",
           std::string(type) + " " + encoded + "\n-> " + again.error().message);
  }
  if (codec::EncodeCommand(again->command) != encoded) {
    Defect("a command changes on a second round trip", std::string(type) + " " + encoded);
  }
}

void RunChunk(commands::LogCommandService& service, std::string_view chunk) {
  if (chunk.empty()) return;
  const std::vector<std::string>& types = CommandTypes();
  const std::string& type = types[static_cast<uint8_t>(chunk[0]) % types.size()];
  const std::string_view body = chunk.substr(1);
  WithCommandOwner(type, [&]<typename A>() { CheckRoundTrip<A>(type, body); });
  commands::CommandOutcome outcome =
      service.Execute({.type = type, .body = std::string(body), .actor = "fuzz"});
  if (!outcome.ok() && outcome.error().kind == commands::CommandError::Kind::kUnavailable) {
    Defect("a command answered unavailable (503) over an in-memory log",
           type + " " + std::string(body) + "\n-> " + outcome.error().message);
  }
}

}  // namespace
}  // namespace dealstream::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dealstream;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  eventstore::MemoryEventLog log;
  commands::LogCommandService service(log, {.state_cache_capacity = 64});
  for (size_t n = 0; n < fuzz::kMaxCommands && !input.empty(); ++n) {
    const size_t end = std::min(input.find(fuzz::kSeparator), input.size());
    fuzz::RunChunk(service, input.substr(0, end));
    input.remove_prefix(std::min(end + 1, input.size()));
  }
  return 0;
}
