#include "replay/projection_query.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>

#include "base/time.h"
#include "codec/value_rules.h"
#include "domain/common/values.h"
#include "projections/views_json.h"
#include "replay/csv.h"

namespace dealstream::replay {
namespace {

using projections::ReadModels;

std::string Amount(const domain::Money& m) { return codec::FormatAmount(m.minor, m.currency); }

std::string Number(const std::optional<double>& v) {
  if (!v) return "";
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *v);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

class CsvWriter {
 public:
  explicit CsvWriter(std::string header) : out_(std::move(header) + "\n") {}
  CsvWriter& Cell(std::string_view v) {
    if (!first_) out_ += ',';
    out_ += CsvField(v);
    first_ = false;
    return *this;
  }
  CsvWriter& Cell(int64_t v) { return Cell(std::to_string(v)); }
  void EndRow() {
    out_ += '\n';
    first_ = true;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

std::string FunnelCsv(const projections::FunnelView& v) {
  CsvWriter w("stage,probability,forecast_category,closed,count,amount,weighted_amount,currency");
  for (const auto& s : v.stages) {
    w.Cell(s.stage).Cell(s.probability).Cell(s.forecast_category).Cell(s.closed ? "true" : "false");
    w.Cell(s.count).Cell(Amount(s.amount)).Cell(Amount(s.weighted_amount)).Cell(v.currency);
    w.EndRow();
  }
  return w.Take();
}

std::string ForecastCsv(const projections::ForecastView& v) {
  CsvWriter w("period,category,count,amount,weighted_amount,currency");
  for (const auto& r : v.rows) {
    w.Cell(r.period).Cell(r.category).Cell(r.count).Cell(Amount(r.amount));
    w.Cell(Amount(r.weighted_amount)).Cell(v.currency);
    w.EndRow();
  }
  return w.Take();
}

std::string WonLostCsv(const projections::ForecastView& v) {
  CsvWriter w("period,won_count,won_amount,lost_count,lost_amount,currency");
  for (const auto& r : v.won_lost) {
    w.Cell(r.period).Cell(r.won_count).Cell(Amount(r.won_amount)).Cell(r.lost_count);
    w.Cell(Amount(r.lost_amount)).Cell(v.currency);
    w.EndRow();
  }
  return w.Take();
}

std::string PipelineCsv(const projections::PipelineAnalysisView& v) {
  CsvWriter w("stage,reached,advanced,rate,stays,average_days");
  for (size_t i = 0; i < v.conversions.size(); ++i) {
    const auto& c = v.conversions[i];
    auto d = std::find_if(v.days_in_stage.begin(), v.days_in_stage.end(),
                          [&](const auto& x) { return x.stage == c.stage; });
    w.Cell(c.stage).Cell(c.reached).Cell(c.advanced).Cell(Number(c.rate));
    w.Cell(d == v.days_in_stage.end() ? int64_t{0} : d->stays);
    w.Cell(d == v.days_in_stage.end() ? std::string() : Number(d->average_days));
    w.EndRow();
  }
  return w.Take();
}

void FiguresCells(CsvWriter& w, const projections::PerformanceFigures& f,
                  const std::string& currency) {
  w.Cell(f.won_count).Cell(f.lost_count).Cell(Number(f.win_rate)).Cell(Amount(f.won_amount));
  w.Cell(f.open_count).Cell(Amount(f.open_amount)).Cell(Amount(f.weighted_pipeline));
  w.Cell(currency);
}

std::string LifecycleCsv(const projections::LifecycleView& v) {
  CsvWriter w("state,customers,reached,conversion");
  for (const auto& r : v.states) {
    w.Cell(r.state).Cell(r.customers).Cell(r.reached).Cell(Number(r.conversion));
    w.EndRow();
  }
  return w.Take();
}

std::string TransitionsCsv(const projections::LifecycleView& v) {
  CsvWriter w("from,to,count");
  for (const auto& t : v.transitions) {
    w.Cell(t.from).Cell(t.to).Cell(t.count);
    w.EndRow();
  }
  return w.Take();
}

constexpr char kFigureColumns[] =
    "won_count,lost_count,win_rate,won_amount,open_count,open_amount,weighted_pipeline,currency";

std::string EmployeesCsv(const projections::EmployeesView& v) {
  CsvWriter w(std::string("employee_id,name,department_id,active,rank,") + kFigureColumns);
  for (const auto& e : v.employees) {
    w.Cell(e.employee_id).Cell(e.name).Cell(e.department_id).Cell(e.active ? "true" : "false");
    w.Cell(e.rank);
    FiguresCells(w, e.figures, v.currency);
    w.EndRow();
  }
  return w.Take();
}

std::string DepartmentsCsv(const projections::EmployeesView& v) {
  CsvWriter w(std::string("department_id,name,parent_id,employees,rank,") + kFigureColumns);
  for (const auto& d : v.departments) {
    w.Cell(d.department_id).Cell(d.name).Cell(d.parent_id).Cell(d.employees).Cell(d.rank);
    FiguresCells(w, d.figures, v.currency);
    w.EndRow();
  }
  return w.Take();
}

// Renders a view result in the requested format.
template <typename View>
Result<std::string> Render(Result<View> view, QueryFormat format,
                           std::string (*csv)(const View&)) {
  if (!view.ok()) return view.error();
  if (format == QueryFormat::kCsv) return csv(*view);
  return projections::ToJson(*view);
}

// Read models with no CSV line-item form yet: JSON only.
template <typename View>
Result<std::string> JsonOnly(Result<View> view, const QueryRequest& r) {
  if (r.format == QueryFormat::kCsv) {
    return Status::InvalidArgument("--format: '" + r.projection +
                                   "' is answered as json only; use --format json");
  }
  if (!view.ok()) return view.error();
  return projections::ToJson(*view);
}

domain::Date Today() { return domain::Date::Of(Now()); }

Result<projections::Granularity> GranularityOf(const QueryRequest& r) {
  if (!r.granularity) return projections::Granularity::kQuarter;
  auto g = projections::ParseGranularity(*r.granularity);
  if (!g) {
    return Status::InvalidArgument("--granularity: '" + *r.granularity +
                                   "' is not one of month, quarter, year");
  }
  return *g;
}

using Runner = std::function<Result<std::string>(const ReadModels&, const QueryRequest&)>;

const std::map<std::string, Runner>& Runners() {
  static const std::map<std::string, Runner> runners = {
      {"funnel",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.Funnel(r.at, r.filters), r.format, &FunnelCsv);
       }},
      {"forecast",
       [](const ReadModels& m, const QueryRequest& r) -> Result<std::string> {
         auto g = GranularityOf(r);
         if (!g.ok()) return g.error();
         return Render(m.Forecast(r.at, r.filters, *g), r.format, &ForecastCsv);
       }},
      {"won-lost",
       [](const ReadModels& m, const QueryRequest& r) -> Result<std::string> {
         auto g = GranularityOf(r);
         if (!g.ok()) return g.error();
         return Render(m.Forecast(r.at, r.filters, *g), r.format, &WonLostCsv);
       }},
      {"lifecycle",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.Lifecycle(r.at, r.filters), r.format, &LifecycleCsv);
       }},
      {"lifecycle-transitions",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.Lifecycle(r.at, r.filters), r.format, &TransitionsCsv);
       }},
      {"pipeline",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.PipelineAnalysis(r.at, r.filters), r.format, &PipelineCsv);
       }},
      {"employees",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.Employees(r.at, r.filters), r.format, &EmployeesCsv);
       }},
      {"departments",
       [](const ReadModels& m, const QueryRequest& r) {
         return Render(m.Employees(r.at, r.filters), r.format, &DepartmentsCsv);
       }},
      {"competition",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.Competition(r.at, r.filters), r);
       }},
      {"expenses",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.Expenses(r.at, r.filters), r);
       }},
      {"receivables",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.Receivables(r.at, r.filters, Today()), r);
       }},
      {"service",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.Service(r.at, r.filters, Today()), r);
       }},
      {"customer-value",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.CustomerValue(r.at, r.filters, Today()), r);
       }},
      {"products",
       [](const ReadModels& m, const QueryRequest& r) {
         return JsonOnly(m.ProductPerformance(r.at, r.filters), r);
       }},
  };
  return runners;
}

}  // namespace

std::vector<std::string> QueryableProjections() {
  std::vector<std::string> names;
  for (const auto& [name, runner] : Runners()) names.push_back(name);
  return names;
}

Result<std::string> RunQuery(const ReadModels& models, const QueryRequest& request) {
  auto it = Runners().find(request.projection);
  if (it == Runners().end()) {
    std::string known;
    for (const std::string& name : QueryableProjections()) known += (known.empty() ? "" : ", ") + name;
    return Status::InvalidArgument("PROJECTION: '" + request.projection +
                                   "' is not a read model; available: " + known);
  }
  return it->second(models, request);
}

}  // namespace dealstream::replay
