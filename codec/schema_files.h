// The committed schema files (schemas/commands/<CommandType>.json and
// schemas/events/<event type>.json), generated from a Registry. Used by
// the ds_schema_gen tool (`make schemas`) and by the drift test, so the
// files in the repository are always what the code derives.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "codec/registry.h"

namespace dealstream::codec {

struct SchemaFile {
  std::string path;  // relative to the schemas directory, e.g. "commands/OpenOpportunity.json"
  std::string text;
};

// One file per command and event type, sorted by path.
std::vector<SchemaFile> GenerateSchemaFiles(const Registry& registry);

// Writes the files under `dir` (creating commands/ and events/) and
// removes other *.json files there, so a removed type leaves no stale
// schema. Unavailable naming the file on I/O failure.
Status WriteSchemaFiles(const std::vector<SchemaFile>& files, const std::string& dir);

}  // namespace dealstream::codec
