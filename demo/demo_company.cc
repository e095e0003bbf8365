#include "demo/demo_company.h"

#include <chrono>
#include <functional>

#include "demo/script_runner.h"
#include "demo/world.h"

namespace dealstream::demo {

Result<DemoSummary> GenerateDemoCompany(commands::CommandService& service,
                                        const DemoOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  World world(options.seed, options.now);
  ScriptRunner runner(service, options.max_in_flight);
  // Each phase needs the records of the ones before it; the scripts of one
  // phase touch different records (or the same ones in order) and run
  // concurrently.
  using Phase = std::function<std::vector<Script>(World&)>;
  const std::vector<std::vector<Phase>> phases = {
      {ConfigureAndOrganise},          {HireStaff},
      {BuildCatalogue, StartCampaign}, {RegisterCustomers},
      {RunDeals, ServiceAndMarketing}, {DealRoles, EndCampaign},
  };
  for (const std::vector<Phase>& phase : phases) {
    std::vector<Script> scripts;
    for (const Phase& build : phase) {
      for (Script& script : build(world)) {
        Finalize(script, world.now);
        scripts.push_back(std::move(script));
      }
    }
    if (Status s = runner.Run(scripts); !s.ok()) return s;
  }
  DemoSummary summary;
  summary.commands = runner.accepted();
  summary.by_type = runner.accepted_by_type();
  summary.employees = world.employees;
  summary.customers = world.customers.size();
  summary.contacts = world.contacts;
  summary.opportunities = world.opportunities;
  summary.contracts = world.contracts;
  summary.overdue_instalments = world.overdue_instalments;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace dealstream::demo
