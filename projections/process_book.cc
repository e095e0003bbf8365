#include "projections/process_book.h"

#include "domain/common/reflect.h"

namespace dealstream::projections {
namespace {

std::vector<ProcessStage> ToStages(const std::vector<domain::SalesStage>& stages) {
  std::vector<ProcessStage> out;
  for (const domain::SalesStage& s : stages) {
    out.push_back(ProcessStage{.name = s.name,
                               .probability = s.probability,
                               .forecast_category = std::string(domain::NameOf(s.forecast_category)),
                               .closed = s.closed,
                               .won = s.closed && s.probability == 100});
  }
  return out;
}

}  // namespace

ProcessBook::ProcessBook() : defaults_(ToStages(domain::DefaultSalesStages())) {}

void ProcessBook::Apply(const EventMeta& meta, const domain::SalesProcessConfigured& event) {
  versions_.push_back(Version{meta.time, meta.position, ToStages(event.stages)});
}

const std::vector<ProcessStage>& ProcessBook::StagesAsOf(const Visibility& vis) const {
  for (auto it = versions_.rbegin(); it != versions_.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) return it->stages;
  }
  return defaults_;
}

void ProcessBook::Save(BinaryWriter& w) const {
  w.U64(versions_.size());
  for (const Version& v : versions_) {
    w.I64(v.time);
    w.U64(v.position);
    w.U64(v.stages.size());
    for (const ProcessStage& s : v.stages) {
      w.Str(s.name);
      w.I64(s.probability);
      w.Str(s.forecast_category);
      w.Bool(s.closed);
      w.Bool(s.won);
    }
  }
}

Status ProcessBook::Load(BinaryReader& r) {
  versions_.resize(r.Count());
  for (Version& v : versions_) {
    v.time = r.I64();
    v.position = r.U64();
    v.stages.resize(r.Count());
    for (ProcessStage& s : v.stages) {
      s.name = r.Str();
      s.probability = static_cast<int32_t>(r.I64());
      s.forecast_category = r.Str();
      s.closed = r.Bool();
      s.won = r.Bool();
    }
  }
  if (!r.ok()) return Status::Corruption("sales process book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
