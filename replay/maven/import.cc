#include "replay/maven/import.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <thread>

#include "commands/log_command_service.h"
#include "commands/log_directory.h"
#include "commands/process_managers.h"
#include "replay/maven/quirks.h"

namespace dealstream::replay::maven {
namespace {

constexpr std::chrono::seconds kFollowUpTimeout{600};

Result<PlanSettings> SettingsFrom(const domain::SalesProcessFacts& process) {
  PlanSettings settings;
  std::vector<std::string> open;
  for (const domain::StageFacts& s : process.stages) {
    if (!s.closed) open.push_back(s.name);
  }
  if (open.size() < 2) {
    return Status::FailedPrecondition(
        "the sales process in force has fewer than two open stages; Engaging deals need a stage "
        "after the first");
  }
  settings.engaged_stage = open[1];
  const auto& reasons = process.loss_reasons;
  if (reasons.empty()) return Status::FailedPrecondition("no loss reason is configured");
  settings.loss_reason = reasons.front();
  for (const char* preferred : {"no_decision", "other"}) {
    if (std::find(reasons.begin(), reasons.end(), preferred) != reasons.end()) {
      settings.loss_reason = preferred;
    }
  }
  return settings;
}

}  // namespace

Result<ImportReport> ImportMavenThrough(commands::CommandService& service,
                                        const domain::SalesProcessFacts& process,
                                        const std::string& source_dir, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto data = ReadMavenDataset(source_dir);
  if (!data.ok()) return data.error();
  auto settings = SettingsFrom(process);
  if (!settings.ok()) return settings.error();
  ImportReport report;
  report.settings = *settings;
  report.plan = BuildPlan(*data, report.settings);
  if (Status s = RunPlan(service, report.plan, options, &report.stats); !s.ok()) return s;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<ImportReport> ImportMaven(DataDir& dir, const std::string& source_dir,
                                 const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  commands::LogCommandService service(dir.log());
  // The directory's indexes read the existing log first.
  if (const auto* directory = dynamic_cast<const commands::LogDirectory*>(&service.directory())) {
    while (!directory->caught_up()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  auto imported =
      ImportMavenThrough(service, service.directory().SalesProcess(), source_dir, options);
  if (!imported.ok()) return imported.error();
  ImportReport report = std::move(*imported);
  // The follow-ups the domain asks for (customer lifecycle), derived from
  // the imported events in position order, which follows business time.
  // Their idempotency keys make a server running the same managers later
  // find them done.
  {
    commands::ProcessManagers managers(dir.log(), service, service.directory(), {});
    uint64_t head = 0;
    while (head != dir.log().Head().position.value) {
      head = dir.log().Head().position.value;
      if (!managers.WaitFor(head, kFollowUpTimeout)) {
        return Status::Unavailable("the process managers did not handle the imported events "
                                   "within " + std::to_string(kFollowUpTimeout.count()) + " s");
      }
    }
    const commands::ProcessManagerStats stats = managers.stats();
    report.follow_ups = stats.commands_issued;
    if (stats.commands_refused > 0) {
      return Status::FailedPrecondition("a lifecycle follow-up was refused: " + stats.last_refusal);
    }
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::string FormatReport(const ImportReport& r) {
  const PlanTotals& t = r.plan.totals;
  std::ostringstream out;
  out << "Imported the Maven CRM dataset (" << t.first_day << " .. " << t.last_day << ")\n"
      << "  departments    " << t.departments << " (headquarters, regional offices, one team per "
      << "manager)\n"
      << "  employees      " << t.managers + t.agents << " (" << t.managers << " managers, "
      << t.agents << " agents)\n"
      << "  products       " << t.products << "\n"
      << "  customers      " << t.customers + t.placeholders << " (" << t.customers
      << " accounts, " << t.placeholders << " 'Unknown account' placeholders)\n"
      << "  opportunities  "
      << Thousands(t.deals[0] + t.deals[1] + t.deals[2] + t.deals[3]) << " (Prospecting "
      << Thousands(t.deals[0]) << ", Engaging " << Thousands(t.deals[1]) << ", Won "
      << Thousands(t.deals[2]) << ", Lost " << Thousands(t.deals[3]) << ")\n"
      << "  Engaging deals are in stage '" << r.settings.engaged_stage
      << "'; lost deals give loss reason '" << r.settings.loss_reason << "'\n\n"
      << "Data-quality quirks handled:\n";
  for (const Quirk& q : r.plan.quirks) {
    out << "  " << q.code << ": " << Thousands(q.count) << "\n"
        << "      found:    " << q.found << "\n"
        << "      handling: " << q.handling << "\n";
    if (!q.examples.empty()) {
      out << "      e.g.      ";
      for (size_t i = 0; i < q.examples.size(); ++i) out << (i ? "; " : "") << q.examples[i];
      out << "\n";
    }
  }
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s, %.0f commands/s", r.seconds,
                r.seconds > 0 ? static_cast<double>(r.stats.commands) / r.seconds : 0.0);
  out << "\nCommands: " << Thousands(static_cast<int64_t>(r.stats.commands)) << " accepted ("
      << Thousands(static_cast<int64_t>(r.stats.replayed)) << " already imported), "
      << Thousands(static_cast<int64_t>(r.stats.events)) << " events written, log head at "
      << Thousands(static_cast<int64_t>(r.stats.last_position)) << "; " << rate << "\n"
      << "Customer lifecycle follow-ups issued by the process managers: "
      << Thousands(static_cast<int64_t>(r.follow_ups)) << "\n";
  return out.str();
}

}  // namespace dealstream::replay::maven
