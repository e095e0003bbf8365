#include "codec/command_codec.h"

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "codec/json_dom.h"
#include "codec/json_schema.h"
#include "codec/schema_validator.h"
#include "codec/value_rules.h"

namespace dealstream::codec {
namespace {

constexpr std::string_view kOccurredAt = "occurred_at";

// Compiled validators by command struct, built on first use of each type.
class ValidatorCache {
 public:
  const SchemaValidator* Get(const StructInfo& info) {
    {
      std::shared_lock lock(mutex_);
      if (auto it = validators_.find(&info); it != validators_.end()) return it->second.get();
    }
    // Compiling outside the lock keeps readers going; a racing compile of
    // the same type is harmless (the first insert wins).
    auto compiled = SchemaValidator::Compile(CommandSchema(info));
    std::unique_lock lock(mutex_);
    auto& slot = validators_[&info];
    if (!slot && compiled.ok()) slot = std::move(*compiled);
    return slot.get();
  }

 private:
  std::shared_mutex mutex_;
  std::unordered_map<const StructInfo*, std::unique_ptr<SchemaValidator>> validators_;
};

ValidatorCache& Validators() {
  static ValidatorCache* cache = new ValidatorCache();  // never destroyed: used until exit
  return *cache;
}

}  // namespace

std::string CommandSchema(const StructInfo& info) {
  return JsonSchemaFor(info, SchemaOptions{.kind = SchemaKind::kCommand});
}

std::optional<FieldError> DecodeCommandBody(const std::vector<Alternative>& table,
                                            std::string_view type, std::string_view body,
                                            void* variant, std::optional<Timestamp>* occurred_at) {
  const Alternative* alternative = FindAlternative(table, type);
  if (alternative == nullptr) {
    return FieldError{"", "'" + std::string(type) + "' is not a command of this aggregate"};
  }
  auto dom = ParseJsonDom(body);
  if (!dom.ok()) return std::move(dom).error();
  if (!dom->is_object()) return FieldError{"", "the command body must be a JSON object"};

  const SchemaValidator* validator = Validators().Get(*alternative->info);
  if (validator == nullptr) {
    return FieldError{"", "the schema of '" + std::string(type) + "' could not be compiled"};
  }
  if (auto error = validator->Validate(*dom)) return error;

  bool struct_has_occurred_at = false;
  for (const FieldInfo& f : alternative->info->fields) struct_has_occurred_at |= f.name == kOccurredAt;
  if (!struct_has_occurred_at) {
    if (auto it = dom->find(kOccurredAt); it != dom->end()) {
      auto t = it->is_string() ? ParseDateTime(it->get_ref<const std::string&>())
                               : Result<Timestamp, Rule>(Unexpected(Rule("expected a string")));
      if (!t.ok()) return ErrorAt(std::string(kOccurredAt), t.error());
      *occurred_at = *t;
      dom->erase(it);
    }
  }
  return DecodeDom(*dom, *alternative->info, alternative->emplace(variant), DecodeOptions{});
}

}  // namespace dealstream::codec
