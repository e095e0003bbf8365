#include "projections/crm_projection.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_codec.h"
#include "eventstore/log_fold.h"
#include "projections/binary_io.h"
#include "projections/routing.h"

namespace dealstream::projections {

struct CrmProjection::Decoded {
  struct Event {
    const EventRoute* route = nullptr;  // nullptr: a type no read model needs
    std::optional<std::string> problem;
    DecodedEvent event;
  };
  std::array<std::vector<Event>, eventstore::kFoldSlots> slots;
  DecodedEvent scratch;
};

namespace {

std::optional<std::string> Decode(const EventRoute& route, const eventstore::RecordedEvent& e,
                                  DecodedEvent* out) {
  return route.decode(e.type, e.schema_version, e.data, out);
}

// The routing half of Apply, shared by both paths.
void Route(CrmBooks& books, CrmProjectionStats& stats, const eventstore::RecordedEvent& e,
           const EventRoute* route, const std::optional<std::string>& problem,
           const DecodedEvent& event) {
  books.position = e.position.value;
  if (route == nullptr) {
    ++stats.ignored_types;
    return;
  }
  if (problem) {
    ++stats.undecodable;
    stats.last_problem = "position " + std::to_string(e.position.value) + ": " + *problem;
    return;
  }
  const EventMeta meta{.position = e.position.value,
                       .time = e.time.micros(),
                       .recorded = e.recorded_time.micros(),
                       .subject = e.subject,
                       .actor = e.metadata.actor};
  route->apply(books, meta, event);
  ++stats.applied;
}

}  // namespace

CrmProjection::CrmProjection()
    : books_(std::make_unique<CrmBooks>()), decoded_(std::make_unique<Decoded>()) {}
CrmProjection::~CrmProjection() = default;

void CrmProjection::Apply(const eventstore::RecordedEvent& e) {
  const EventRoute* route = FindRoute(e.type);
  std::optional<std::string> problem;
  if (route != nullptr) problem = Decode(*route, e, &decoded_->scratch);
  Route(*books_, stats_, e, route, problem, decoded_->scratch);
}

void CrmProjection::StartChunk(std::span<const eventstore::RecordedEvent> events, size_t slot) {
  decoded_->slots.at(slot).resize(events.size());
}

void CrmProjection::PrepareEvent(const eventstore::RecordedEvent& e, size_t slot, size_t index) {
  Decoded::Event& out = decoded_->slots[slot][index];
  out.route = FindRoute(e.type);
  out.problem = out.route != nullptr ? Decode(*out.route, e, &out.event) : std::nullopt;
}

void CrmProjection::ApplyPrepared(std::span<const eventstore::RecordedEvent> events,
                                  size_t slot, const std::function<void(size_t)>& ready) {
  const std::vector<Decoded::Event>& decoded = decoded_->slots.at(slot);
  for (size_t i = 0; i < events.size(); ++i) {
    ready(i);
    Route(*books_, stats_, events[i], decoded[i].route, decoded[i].problem, decoded[i].event);
  }
}

void CrmProjection::Save(std::string* out) const {
  BinaryWriter w(out);
  w.U64(books_->position);
  w.U64(stats_.applied);
  w.U64(stats_.ignored_types);
  w.U64(stats_.undecodable);
  w.Str(stats_.last_problem);
  books_->symbols.Save(w);
  books_->process.Save(w);
  books_->org.Save(w);
  books_->customers.Save(w);
  books_->contacts.Save(w);
  books_->opportunities.Save(w);
  books_->activities.Save(w);
  books_->competition.Save(w);
  books_->contracts.Save(w);
  books_->expenses.Save(w);
  books_->service.Save(w);
  books_->catalog.Save(w);
}

Status CrmProjection::Load(std::string_view bytes) {
  BinaryReader r(bytes);
  auto fresh = std::make_unique<CrmBooks>();
  fresh->position = r.U64();
  stats_.applied = r.U64();
  stats_.ignored_types = r.U64();
  stats_.undecodable = r.U64();
  stats_.last_problem = r.Str();
  for (Status s : {fresh->symbols.Load(r), fresh->process.Load(r), fresh->org.Load(r),
                   fresh->customers.Load(r), fresh->contacts.Load(r), fresh->opportunities.Load(r),
                   fresh->activities.Load(r), fresh->competition.Load(r),
                   fresh->contracts.Load(r), fresh->expenses.Load(r), fresh->service.Load(r),
                   fresh->catalog.Load(r)}) {
    if (!s.ok()) return s;
  }
  if (!r.done()) return Status::Corruption("crm snapshot has trailing or missing bytes");
  books_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace dealstream::projections
