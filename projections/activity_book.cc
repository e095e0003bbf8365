#include "projections/activity_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {

std::string_view ActivityStateName(ActivityState s) {
  switch (s) {
    case ActivityState::kPlanned: return "planned";
    case ActivityState::kCompleted: return "completed";
    case ActivityState::kCancelled: return "cancelled";
  }
  return "planned";
}

ActivityRecord* ActivityBook::Activity(const domain::Id& opportunity, const domain::Id& activity,
                                       bool create) {
  const uint32_t opp = symbols_.ids.Intern(opportunity.value);
  const uint32_t act = symbols_.ids.Intern(activity.value);
  const uint64_t key = (static_cast<uint64_t>(opp) << 32) | act;
  auto it = index_.find(key);
  if (it != index_.end()) return &activities_[it->second];
  if (!create) return nullptr;
  index_.emplace(key, static_cast<uint32_t>(activities_.size()));
  activities_.emplace_back();
  activities_.back().id = act;
  activities_.back().opportunity = opp;
  return &activities_.back();
}

void ActivityBook::Apply(const EventMeta& m, const domain::OpportunityEvent& event) {
  std::visit(
      Overloaded{
          [&](const domain::OpportunityActivityPlanned& e) {
            ActivityRecord* a = Activity(e.opportunity_id, e.activity_id, true);
            a->type = symbols_.names.Intern(e.type);
            a->assignee = symbols_.ids.Intern(e.assignee_id.value);
            a->planned_day = static_cast<int32_t>(e.planned_date.epoch_day);
            a->subject = e.subject;
            a->state.Set(m, static_cast<uint8_t>(ActivityState::kPlanned));
          },
          [&](const domain::OpportunityActivityCompleted& e) {
            // A completed activity need not have been planned first.
            ActivityRecord* a = Activity(e.opportunity_id, e.activity_id, true);
            a->type = symbols_.names.Intern(e.type);
            a->assignee = symbols_.ids.Intern(e.assignee_id.value);
            a->planned_day = static_cast<int32_t>(e.planned_date.epoch_day);
            a->completed_day = static_cast<int32_t>(e.completed_date.epoch_day);
            a->decision_maker_met = e.decision_maker_met ? 1 : 0;
            if (e.cost) {
              a->cost = e.cost->minor;
              a->cost_currency = symbols_.names.Intern(e.cost->currency);
            }
            a->state.Set(m, static_cast<uint8_t>(ActivityState::kCompleted));
          },
          [&](const domain::OpportunityActivityCancelled& e) {
            ActivityRecord* a = Activity(e.opportunity_id, e.activity_id, true);
            a->type = symbols_.names.Intern(e.type);
            a->assignee = symbols_.ids.Intern(e.assignee_id.value);
            a->state.Set(m, static_cast<uint8_t>(ActivityState::kCancelled));
          },
          [](const auto&) {},
      },
      event);
}

void ActivityBook::Save(BinaryWriter& w) const {
  w.U64(activities_.size());
  for (const ActivityRecord& a : activities_) {
    w.U64(a.id);
    w.U64(a.opportunity);
    w.U64(a.type);
    w.U64(a.assignee);
    w.I64(a.planned_day);
    w.I64(a.completed_day);
    w.U64(a.decision_maker_met);
    w.U64(a.cost_currency);
    w.I64(a.cost);
    w.Str(a.subject);
    a.state.Save(w);
  }
}

Status ActivityBook::Load(BinaryReader& r) {
  activities_.resize(r.Count());
  index_.clear();
  for (uint32_t i = 0; i < activities_.size() && r.ok(); ++i) {
    ActivityRecord& a = activities_[i];
    a.id = static_cast<uint32_t>(r.U64());
    a.opportunity = static_cast<uint32_t>(r.U64());
    a.type = static_cast<uint32_t>(r.U64());
    a.assignee = static_cast<uint32_t>(r.U64());
    a.planned_day = static_cast<int32_t>(r.I64());
    a.completed_day = static_cast<int32_t>(r.I64());
    a.decision_maker_met = static_cast<uint8_t>(r.U64());
    a.cost_currency = static_cast<uint32_t>(r.U64());
    a.cost = r.I64();
    a.subject = r.Str();
    a.state.Load(r);
    index_.emplace((static_cast<uint64_t>(a.opportunity) << 32) | a.id, i);
  }
  if (!r.ok()) return Status::Corruption("activity book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
