#include "codec/schema_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

#include "codec/command_codec.h"
#include "codec/json_schema.h"
#include "codec/upcasters/upcaster.h"

namespace dealstream::codec {

std::vector<SchemaFile> GenerateSchemaFiles(const Registry& registry) {
  std::vector<SchemaFile> files;
  for (const CommandType& c : registry.commands()) {
    files.push_back({"commands/" + std::string(c.name) + ".json", CommandSchema(*c.info)});
  }
  for (const EventType& e : registry.events()) {
    const std::string description = "payload of " + std::string(e.name) + ", schema version " +
                                    std::to_string(CurrentSchemaVersion(e.name));
    files.push_back({"events/" + std::string(e.name) + ".json",
                     JsonSchemaFor(*e.info, SchemaOptions{.kind = SchemaKind::kEvent,
                                                          .description = description})});
  }
  std::sort(files.begin(), files.end(),
            [](const SchemaFile& a, const SchemaFile& b) { return a.path < b.path; });
  return files;
}

Status WriteSchemaFiles(const std::vector<SchemaFile>& files, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::set<fs::path> wanted;
  for (const SchemaFile& f : files) {
    const fs::path path = fs::path(dir) / f.path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return Status::Unavailable("cannot create " + path.parent_path().string() + ": " + ec.message());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << f.text;
    out.close();
    if (!out) return Status::Unavailable("cannot write " + path.string());
    wanted.insert(path);
  }
  for (const char* sub : {"commands", "events"}) {
    const fs::path folder = fs::path(dir) / sub;
    if (!fs::is_directory(folder, ec)) continue;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".json" && !wanted.contains(entry.path())) {
        fs::remove(entry.path(), ec);
        if (ec) return Status::Unavailable("cannot remove " + entry.path().string());
      }
    }
  }
  return Status::Ok();
}

}  // namespace dealstream::codec
