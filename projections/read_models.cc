#include "projections/read_models.h"

#include "projections/ownership.h"

namespace dealstream::projections {

class ReadModels::Resolver final : public api::ScopeResolver {
 public:
  explicit Resolver(const ProjectionWorker& worker) : worker_(worker) {}

  std::optional<api::Ownership> OwnershipOf(std::string_view category,
                                            std::string_view id) const override {
    return worker_.Read<CrmProjection>([&](const CrmProjection& p) -> std::optional<api::Ownership> {
      std::optional<OwnershipFacts> facts = projections::OwnershipOf(p.books(), category, id);
      if (!facts) return std::nullopt;
      return api::Ownership{.owner_id = std::move(facts->owner_id),
                            .department_id = std::move(facts->department_id),
                            .team_member_ids = std::move(facts->team_member_ids),
                            .shared = facts->shared};
    });
  }
  std::optional<std::string> DepartmentOf(std::string_view employee_id) const override {
    return worker_.Read<CrmProjection>([&](const CrmProjection& p) {
      return DepartmentOfEmployee(p.books(), employee_id);
    });
  }
  bool IsWithinDepartment(std::string_view department, std::string_view ancestor) const override {
    return worker_.Read<CrmProjection>([&](const CrmProjection& p) {
      return projections::IsWithinDepartment(p.books(), department, ancestor);
    });
  }

 private:
  const ProjectionWorker& worker_;
};

ReadModels::ReadModels(const eventstore::EventLog& log, std::unique_ptr<ProjectionWorker> worker)
    : log_(log), worker_(std::move(worker)), resolver_(std::make_unique<Resolver>(*worker_)) {}

ReadModels::~ReadModels() {
  if (worker_) worker_->Stop();
}

Result<std::unique_ptr<ReadModels>> ReadModels::Start(const eventstore::EventLog& log,
                                                      SnapshotStore& store,
                                                      WorkerOptions options) {
  auto worker = ProjectionWorker::Start(
      log, store, [] { return std::make_unique<CrmProjection>(); }, std::move(options));
  if (!worker.ok()) return worker.error();
  return std::unique_ptr<ReadModels>(new ReadModels(log, std::move(*worker)));
}

const api::ScopeResolver& ReadModels::scope_resolver() const { return *resolver_; }

CrmProjectionStats ReadModels::projection_stats() const {
  return worker_->Read<CrmProjection>([](const CrmProjection& p) { return p.stats(); });
}

Result<FunnelView> ReadModels::Funnel(const AsOf& at, const Filters& filters) const {
  return Query(at, filters, [](const CrmBooks& b, const Scope& s) { return BuildFunnel(b, s); });
}

Result<ForecastView> ReadModels::Forecast(const AsOf& at, const Filters& filters,
                                          Granularity granularity) const {
  return Query(at, filters, [granularity](const CrmBooks& b, const Scope& s) {
    return BuildForecast(b, s, granularity);
  });
}

Result<PipelineAnalysisView> ReadModels::PipelineAnalysis(const AsOf& at,
                                                          const Filters& filters) const {
  return Query(at, filters,
               [](const CrmBooks& b, const Scope& s) { return BuildPipelineAnalysis(b, s); });
}

Result<EmployeesView> ReadModels::Employees(const AsOf& at, const Filters& filters) const {
  return Query(at, filters, [](const CrmBooks& b, const Scope& s) { return BuildEmployees(b, s); });
}

}  // namespace dealstream::projections

namespace dealstream::projections {

Result<CalendarView> ReadModels::Calendar(const AsOf& at, const Filters& filters,
                                          domain::Date today) const {
  const auto day = static_cast<int32_t>(today.epoch_day);
  return Query(at, filters,
               [day](const CrmBooks& b, const Scope& s) { return BuildCalendar(b, s, day); });
}

Result<LifecycleView> ReadModels::Lifecycle(const AsOf& at, const Filters& filters) const {
  return Query(at, filters, [](const CrmBooks& b, const Scope& s) { return BuildLifecycle(b, s); });
}

}  // namespace dealstream::projections

namespace dealstream::projections {

Result<CompetitionView> ReadModels::Competition(const AsOf& at, const Filters& filters) const {
  return Query(at, filters,
               [](const CrmBooks& b, const Scope& s) { return BuildCompetition(b, s); });
}

Result<ExpensesView> ReadModels::Expenses(const AsOf& at, const Filters& filters) const {
  return Query(at, filters, [](const CrmBooks& b, const Scope& s) { return BuildExpenses(b, s); });
}

namespace {
// The day overdue and aging figures count to: the as_of day, else the
// known_at day, else today.
int32_t ReferenceDay(const AsOf& at, domain::Date today) {
  if (at.as_of) return DayOf(at.as_of->micros());
  if (at.known_at) return DayOf(at.known_at->micros());
  return static_cast<int32_t>(today.epoch_day);
}
}  // namespace

Result<ReceivablesView> ReadModels::Receivables(const AsOf& at, const Filters& filters,
                                                domain::Date today) const {
  const int32_t day = ReferenceDay(at, today);
  return Query(at, filters,
               [day](const CrmBooks& b, const Scope& s) { return BuildReceivables(b, s, day); });
}

Result<ServiceView> ReadModels::Service(const AsOf& at, const Filters& filters,
                                        domain::Date today) const {
  const int32_t day = ReferenceDay(at, today);
  return Query(at, filters,
               [day](const CrmBooks& b, const Scope& s) { return BuildService(b, s, day); });
}

}  // namespace dealstream::projections
