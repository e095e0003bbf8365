#include "projections/crm_projection.h"

#include <functional>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "codec/json_codec.h"
#include "projections/binary_io.h"
#include "projections/routing.h"

namespace dealstream::projections {

CrmProjection::CrmProjection() : books_(std::make_unique<CrmBooks>()) {}
CrmProjection::~CrmProjection() = default;

void CrmProjection::Apply(const eventstore::RecordedEvent& e) {
  books_->position = e.position.value;
  const EventRoute* route = FindRoute(e.type);
  if (route == nullptr) {
    ++stats_.ignored_types;
    return;
  }
  const EventMeta meta{.position = e.position.value,
                       .time = e.time.micros(),
                       .recorded = e.recorded_time.micros(),
                       .subject = e.subject,
                       .actor = e.metadata.actor};
  if (std::optional<std::string> problem =
          route->apply(*books_, meta, e.type, e.schema_version, e.data)) {
    ++stats_.undecodable;
    stats_.last_problem = "position " + std::to_string(e.position.value) + ": " + *problem;
    return;
  }
  ++stats_.applied;
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
