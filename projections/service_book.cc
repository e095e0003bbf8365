#include "projections/service_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

template <typename E>
uint8_t Code(E e) {
  return static_cast<uint8_t>(e);
}

}  // namespace

ServiceRequestRecord& ServiceBook::Request(std::string_view id) {
  const uint32_t code = symbols_.ids.Intern(id);
  auto [it, inserted] = request_index_.emplace(code, static_cast<uint32_t>(requests_.size()));
  if (inserted) {
    requests_.emplace_back();
    requests_.back().id = code;
  }
  return requests_[it->second];
}

CareActivityRecord& ServiceBook::Care(std::string_view plan, std::string_view activity) {
  const uint32_t p = symbols_.ids.Intern(plan);
  const uint32_t a = symbols_.ids.Intern(activity);
  const uint64_t key = (static_cast<uint64_t>(p) << 32) | a;
  auto [it, inserted] = care_index_.emplace(key, static_cast<uint32_t>(care_.size()));
  if (inserted) {
    care_.emplace_back();
    care_.back().plan = p;
    care_.back().id = a;
  }
  return care_[it->second];
}

void ServiceBook::Apply(const EventMeta& m, const domain::ServiceRequestAggregate::Event& event) {
  using domain::ServiceRequestStatus;
  std::visit(
      Overloaded{
          [&](const domain::ServiceRequestOpened& e) {
            ServiceRequestRecord& r = Request(e.service_request_id.value);
            r.customer = symbols_.ids.Intern(e.customer_id.value);
            r.concerns = e.concerns_employee_id ? symbols_.ids.Intern(e.concerns_employee_id->value) : 0;
            r.type = Code(e.type);
            r.due_day = e.due_date ? static_cast<int32_t>(e.due_date->epoch_day) : kNoDay;
            r.opened_time = m.time;
            r.opened_position = m.position;
            r.status.Set(m, Code(ServiceRequestStatus::kOpen));
            r.priority.Set(m, Code(e.priority));
            r.queue.Set(m, symbols_.names.Intern(e.queue));
            r.assignee.Set(m, 0);
          },
          [&](const domain::ServiceRequestAssigned& e) {
            ServiceRequestRecord& r = Request(e.service_request_id.value);
            r.assignee.Set(m, symbols_.ids.Intern(e.assignee_id.value));
            r.queue.Set(m, symbols_.names.Intern(e.queue));
          },
          [&](const domain::ServiceRequestEscalated& e) {
            Request(e.service_request_id.value).priority.Set(m, Code(e.priority));
          },
          [&](const domain::ServiceRequestResolved& e) {
            ServiceRequestRecord& r = Request(e.service_request_id.value);
            r.status.Set(m, Code(ServiceRequestStatus::kResolved));
            r.resolutions.push_back({m.time, m.position});
          },
          [&](const domain::ServiceRequestClosed& e) {
            ServiceRequestRecord& r = Request(e.service_request_id.value);
            r.status.Set(m, Code(ServiceRequestStatus::kClosed));
            r.satisfaction.Set(m, e.satisfaction ? *e.satisfaction : kNoSatisfaction);
          },
          [&](const domain::ServiceRequestReopened& e) {
            ServiceRequestRecord& r = Request(e.service_request_id.value);
            r.status.Set(m, Code(ServiceRequestStatus::kOpen));
            r.satisfaction.Set(m, kNoSatisfaction);
          },
      },
      event);
}

void ServiceBook::Apply(const EventMeta& m, const domain::CarePlanAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::CareActivityScheduled& e) {
                   CareActivityRecord& c = Care(e.care_plan_id.value, e.activity_id.value);
                   c.kind = Code(e.kind);
                   c.due_day = static_cast<int32_t>(e.due_date.epoch_day);
                   c.assignee = symbols_.ids.Intern(e.assignee_id.value);
                   c.customer = symbols_.ids.Intern(e.customer_id.value);
                   c.state.Set(m, Code(CareState::kScheduled));
                 },
                 [&](const domain::CareActivityCompleted& e) {
                   Care(e.care_plan_id.value, e.activity_id.value).state.Set(m, Code(CareState::kCompleted));
                 },
                 [&](const domain::CareActivityCancelled& e) {
                   Care(e.care_plan_id.value, e.activity_id.value).state.Set(m, Code(CareState::kCancelled));
                 },
                 [](const auto&) {},
             },
             event);
}

void ServiceBook::Save(BinaryWriter& w) const {
  w.U64(requests_.size());
  for (const ServiceRequestRecord& r : requests_) {
    w.U64(r.id);
    w.U64(r.customer);
    w.U64(r.concerns);
    w.U64(r.type);
    w.I64(r.due_day);
    w.I64(r.opened_time);
    w.U64(r.opened_position);
    r.status.Save(w);
    r.priority.Save(w);
    r.queue.Save(w);
    r.assignee.Save(w);
    r.satisfaction.Save(w);
    w.Pods(r.resolutions);
  }
  w.U64(care_.size());
  for (const CareActivityRecord& c : care_) {
    w.U64(c.plan);
    w.U64(c.id);
    w.U64(c.kind);
    w.I64(c.due_day);
    w.U64(c.assignee);
    w.U64(c.customer);
    c.state.Save(w);
  }
}

Status ServiceBook::Load(BinaryReader& r) {
  auto u32 = [&] { return static_cast<uint32_t>(r.U64()); };
  requests_.resize(r.Count());
  request_index_.clear();
  for (uint32_t i = 0; i < requests_.size() && r.ok(); ++i) {
    ServiceRequestRecord& x = requests_[i];
    x.id = u32();
    x.customer = u32();
    x.concerns = u32();
    x.type = static_cast<uint8_t>(r.U64());
    x.due_day = static_cast<int32_t>(r.I64());
    x.opened_time = r.I64();
    x.opened_position = r.U64();
    x.status.Load(r);
    x.priority.Load(r);
    x.queue.Load(r);
    x.assignee.Load(r);
    x.satisfaction.Load(r);
    r.Pods(&x.resolutions);
    request_index_.emplace(x.id, i);
  }
  care_.resize(r.Count());
  care_index_.clear();
  for (uint32_t i = 0; i < care_.size() && r.ok(); ++i) {
    CareActivityRecord& c = care_[i];
    c.plan = u32();
    c.id = u32();
    c.kind = static_cast<uint8_t>(r.U64());
    c.due_day = static_cast<int32_t>(r.I64());
    c.assignee = u32();
    c.customer = u32();
    c.state.Load(r);
    care_index_.emplace((static_cast<uint64_t>(c.plan) << 32) | c.id, i);
  }
  if (!r.ok()) return Status::Corruption("service book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
