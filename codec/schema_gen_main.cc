// ds_schema_gen DIR: writes the JSON Schema of every command and event type
// under DIR/commands and DIR/events (`make schemas` passes schemas/).
#include <iostream>

#include "codec/registry.h"
#include "codec/schema_files.h"

int main(int argc, char** argv) {
  using namespace dealstream::codec;  // NOLINT
  if (argc != 2) {
    std::cerr << "usage: ds_schema_gen DIR\n";
    return 2;
  }
  const Registry& registry = DomainRegistry();
  if (!registry.status().ok()) {
    std::cerr << "ds_schema_gen: " << registry.status().ToString() << "\n";
    return 1;
  }
  const auto files = GenerateSchemaFiles(registry);
  const dealstream::Status written = WriteSchemaFiles(files, argv[1]);
  if (!written.ok()) {
    std::cerr << "ds_schema_gen: " << written.ToString() << "\n";
    return 1;
  }
  std::cout << "wrote " << files.size() << " schemas under " << argv[1] << "\n";
  return 0;
}
