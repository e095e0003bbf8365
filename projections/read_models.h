// ReadModels: the read side as the HTTP API and the CLI use it. It runs
// the CRM projection worker (catch-up, then live; snapshots in the side
// store) and answers every read model's query for any instant:
//
//   auto models = ReadModels::Start(log, store);
//   Result<FunnelView> f = (*models)->Funnel({.as_of = t}, {.department = "east"});
//   std::string body = ToJson(*f);                     // views_json.h
//
// Every query takes an AsOf (as_of business time, known_at recorded time,
// position; none = now) and Filters (scope.h). Errors: InvalidArgument for
// a malformed filter (the message names it), Unavailable when resolving
// known_at needed a log read that failed.
//
// scope_resolver() implements api::ScopeResolver (ownership for data
// scopes) over the same books.
//
// Thread-safety: all methods may be called concurrently from any thread.
// Queries share a lock; the worker applies each event exclusively.
#pragma once

#include <chrono>
#include <memory>

#include "api/scope_resolver.h"
#include "base/result.h"
#include "eventstore/event_log.h"
#include "projections/calendar_view.h"
#include "projections/competition.h"
#include "projections/crm_projection.h"
#include "projections/customer_360.h"
#include "projections/customer_value.h"
#include "projections/employees.h"
#include "projections/expenses.h"
#include "projections/forecast.h"
#include "projections/funnel.h"
#include "projections/lifecycle.h"
#include "projections/pipeline_analysis.h"
#include "projections/product_performance.h"
#include "projections/receivables.h"
#include "projections/scope.h"
#include "projections/service_view.h"
#include "projections/snapshot_store.h"
#include "projections/time_travel.h"
#include "projections/worker.h"

namespace dealstream::projections {

class ReadModels {
 public:
  // `log` and `store` must outlive the ReadModels.
  static Result<std::unique_ptr<ReadModels>> Start(const eventstore::EventLog& log,
                                                   SnapshotStore& store,
                                                   WorkerOptions options = {});
  ~ReadModels();
  ReadModels(const ReadModels&) = delete;
  ReadModels& operator=(const ReadModels&) = delete;

  Result<FunnelView> Funnel(const AsOf& at, const Filters& filters) const;
  Result<ForecastView> Forecast(const AsOf& at, const Filters& filters,
                                Granularity granularity = Granularity::kQuarter) const;
  Result<PipelineAnalysisView> PipelineAnalysis(const AsOf& at, const Filters& filters) const;
  Result<EmployeesView> Employees(const AsOf& at, const Filters& filters) const;
  Result<LifecycleView> Lifecycle(const AsOf& at, const Filters& filters) const;
  // `today`: the day that counts as today for overdue flags (the caller's clock).
  Result<CalendarView> Calendar(const AsOf& at, const Filters& filters, domain::Date today) const;
  Result<CompetitionView> Competition(const AsOf& at, const Filters& filters) const;
  Result<ExpensesView> Expenses(const AsOf& at, const Filters& filters) const;
  // Receivables and service count days past due to the as_of day, else the
  // known_at day, else `today` (the caller's clock).
  Result<ReceivablesView> Receivables(const AsOf& at, const Filters& filters,
                                      domain::Date today) const;
  Result<ServiceView> Service(const AsOf& at, const Filters& filters, domain::Date today) const;
  // Customer value counts overdue instalments to the as_of day, else the
  // known_at day, else `today`; without a period filter its period is the
  // 12 months ending with that day's month.
  Result<CustomerValueView> CustomerValue(const AsOf& at, const Filters& filters,
                                          domain::Date today) const;
  Result<ProductPerformanceView> ProductPerformance(const AsOf& at, const Filters& filters) const;
  // One customer's 360 view; nullopt when it does not exist at the instant.
  Result<std::optional<Customer360View>> Customer360(const AsOf& at,
                                                     std::string_view customer_id) const;

  // Ownership facts for the API's data scopes.
  const api::ScopeResolver& scope_resolver() const;

  // Operations: lag and progress for /metrics, rebuild beside the live
  // instance, snapshot on demand, read-your-writes waits.
  WorkerStats stats() const { return worker_->stats(); }
  CrmProjectionStats projection_stats() const;
  Status Rebuild(const ProgressCallback& progress = {}) { return worker_->Rebuild(progress); }
  Status SnapshotNow() { return worker_->SnapshotNow(); }
  bool WaitForPosition(eventstore::GlobalPosition p, std::chrono::milliseconds timeout) const {
    return worker_->WaitForPosition(p, timeout);
  }
  void Stop() { worker_->Stop(); }

  // Runs fn(const CrmBooks&, const Scope&) under the shared lock for the
  // resolved instant and filters; the building block of every query.
  template <typename Fn>
  auto Query(const AsOf& at, const Filters& filters, Fn&& fn) const
      -> Result<decltype(fn(std::declval<const CrmBooks&>(), std::declval<const Scope&>()))> {
    auto vis = ResolveAsOf(log_, at);
    if (!vis.ok()) return vis.error();
    return worker_->Read<CrmProjection>(
        [&](const CrmProjection& p)
            -> Result<decltype(fn(std::declval<const CrmBooks&>(), std::declval<const Scope&>()))> {
          auto scope = ResolveScope(p.books(), *vis, filters);
          if (!scope.ok()) return scope.error();
          return fn(p.books(), *scope);
        });
  }

 private:
  class Resolver;
  ReadModels(const eventstore::EventLog& log, std::unique_ptr<ProjectionWorker> worker);

  const eventstore::EventLog& log_;
  std::unique_ptr<ProjectionWorker> worker_;
  std::unique_ptr<api::ScopeResolver> resolver_;
};

}  // namespace dealstream::projections
