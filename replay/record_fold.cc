#include "replay/record_fold.h"

#include <string>

#include "codec/event_codec.h"
#include "codec/json_codec.h"
#include "codec/json_dom.h"
#include "commands/aggregates.h"

namespace dealstream::replay {
namespace {

using nlohmann::ordered_json;

Status Undecodable(const eventstore::RecordedEvent& e, const std::string& why) {
  return Status::Corruption("position " + std::to_string(e.position.value) + " (" + e.type +
                            "): " + why);
}

template <typename A>
class AggregateFolder final : public RecordFolder {
 public:
  std::string_view mode() const override { return "aggregate"; }
  Status Apply(const eventstore::RecordedEvent& e) override {
    auto event = codec::DecodeEvent<typename A::Event>(e);
    if (!event.ok()) return Undecodable(e, event.error().message);
    A::Evolve(state_, *event, e.time);
    return Status::Ok();
  }
  ordered_json State() const override {
    auto dom = codec::ParseOrderedJsonDom(codec::EncodeJson(state_));
    return dom.ok() ? std::move(*dom) : ordered_json::object();
  }

 private:
  typename A::State state_{};
};

bool IsChange(const ordered_json& v) {
  if (!v.is_object()) return false;
  for (const auto& [key, value] : v.items()) {
    if (key != "value" && key != "previous") return false;
  }
  return true;
}

void Merge(ordered_json& doc, const ordered_json& payload) {
  for (const auto& [key, value] : payload.items()) {
    if (IsChange(value)) {
      if (value.contains("value")) {
        doc[key] = value["value"];
      } else {
        doc.erase(key);
      }
    } else if (value.is_object() && doc.contains(key) && doc[key].is_object()) {
      Merge(doc[key], value);
    } else {
      doc[key] = value;
    }
  }
}

class EventFieldsFolder final : public RecordFolder {
 public:
  std::string_view mode() const override { return "events"; }
  Status Apply(const eventstore::RecordedEvent& e) override {
    auto payload = codec::ParseOrderedJsonDom(e.data);
    if (!payload.ok()) return Undecodable(e, payload.error().message);
    if (!payload->is_object()) return Undecodable(e, "the payload is not a JSON object");
    Merge(state_, *payload);
    return Status::Ok();
  }
  ordered_json State() const override { return state_; }

 private:
  ordered_json state_ = ordered_json::object();
};

template <typename A>
bool Owns(const eventstore::StreamName& stream) {
  if (stream.category() != A::kCategory) return false;
  if constexpr (requires { A::kFixedId; }) return stream.id() == A::kFixedId;
  return true;
}

template <typename... A>
std::unique_ptr<RecordFolder> Pick(const eventstore::StreamName& stream,
                                   commands::AggregateList<A...>) {
  std::unique_ptr<RecordFolder> folder;
  auto try_one = [&]<typename X>() {
    if (folder || !Owns<X>(stream)) return;
    if constexpr (domain::Reflected<typename X::State>) {
      folder = std::make_unique<AggregateFolder<X>>();
    }
  };
  (try_one.template operator()<A>(), ...);
  return folder;
}

}  // namespace

std::unique_ptr<RecordFolder> FolderFor(const eventstore::StreamName& stream) {
  if (auto folder = Pick(stream, commands::AllAggregates{})) return folder;
  return std::make_unique<EventFieldsFolder>();
}

}  // namespace dealstream::replay
