// The organisation: configuration, the department tree with its leaders,
// the staff with quarterly sales targets, and department budgets.
#include <string>

#include "demo/names.h"
#include "demo/world.h"

namespace dealstream::demo {

namespace {

const char* const kRegionNames[] = {"North", "South", "East", "West"};

Step Hire(World& w, const std::string& id, const std::string& department, const std::string& role,
          const std::string& manager, Timestamp at) {
  nlohmann::json body = {
      {"id", id}, {"name", PersonName(w.rng)}, {"department_id", department}, {"role", role}};
  if (!manager.empty()) body["manager_id"] = manager;
  ++w.employees;
  return {"HireEmployee", body, "demo-admin", at};
}

Step AssignManager(const std::string& department, const std::string& manager, Timestamp at) {
  return {"AssignDepartmentManager",
          {{"department_id", department}, {"manager_id", manager}},
          "demo-admin",
          at};
}

// Calendar quarters overlapping [from, to]: ("2024-Q3", first day).
std::vector<std::pair<std::string, Timestamp>> Quarters(Timestamp from, Timestamp to) {
  std::vector<std::pair<std::string, Timestamp>> quarters;
  const std::string first = FormatDate(from);
  int year = std::stoi(first.substr(0, 4));
  int quarter = (std::stoi(first.substr(5, 2)) - 1) / 3;
  while (true) {
    const Timestamp begins = Timestamp::FromMicros(DaysFromCivil(year, quarter * 3 + 1, 1) * kDay);
    if (begins > to) break;
    quarters.emplace_back(std::to_string(year) + "-Q" + std::to_string(quarter + 1), begins);
    if (++quarter == 4) quarter = 0, ++year;
  }
  return quarters;
}

// Targets for each quarter, set a week before it starts (or on hiring).
void AddTargets(World& w, Script& script, const std::string& subject_field,
                const std::string& subject, int64_t base_cents, Timestamp hired) {
  for (const auto& [period, begins] : Quarters(w.start, w.now)) {
    Timestamp at = Plus(begins, -7 * kDay);
    if (at <= hired) at = Plus(hired, kHour);
    const int64_t amount = base_cents / 100 * (90 + w.rng.Between(0, 30));
    script.push_back({"SetSalesTarget",
                      {{"id", "target-" + subject + "-" + period},
                       {subject_field, subject},
                       {"period", period},
                       {"amount", Usd(amount)}},
                      "demo-admin",
                      at});
  }
}

}  // namespace

std::vector<Script> ConfigureAndOrganise(World& w) {
  Script s;
  Timestamp t = Plus(w.start, 9 * kHour);
  auto tick = [&t] { return t = Plus(t, 5 * kMinute); };
  s.push_back({"DefineLossReasons",
               {{"reasons",
                 {"price", "product_fit", "competitor", "relationship", "budget", "timing",
                  "no_decision", "incumbent_renewed"}}},
               "demo-admin",
               tick()});
  s.push_back(
      {"CreateDepartment", {{"id", "dept-hq"}, {"name", "Headquarters"}}, "demo-admin", tick()});
  w.ceo_id = "emp-ceo";
  s.push_back(Hire(w, w.ceo_id, "dept-hq", "director", "", tick()));
  s.push_back(AssignManager("dept-hq", w.ceo_id, tick()));
  const int region_count = static_cast<int>(w.rng.Between(3, 4));
  for (int r = 0; r < region_count; ++r) {
    Region region;
    region.name = kRegionNames[r];
    std::string lower = region.name;
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    region.department_id = "dept-" + lower;
    s.push_back({"CreateDepartment",
                 {{"id", region.department_id},
                  {"name", region.name + " Region"},
                  {"parent_id", "dept-hq"}},
                 "demo-admin",
                 tick()});
    region.director_id = "emp-" + lower + "-director";
    s.push_back(Hire(w, region.director_id, region.department_id, "director", w.ceo_id, tick()));
    s.push_back(AssignManager(region.department_id, region.director_id, tick()));
    const int team_count = static_cast<int>(w.rng.Between(1, 2));
    for (int k = 1; k <= team_count; ++k) {
      Team team;
      team.department_id = region.department_id + "-team" + std::to_string(k);
      s.push_back({"CreateDepartment",
                   {{"id", team.department_id},
                    {"name", region.name + " Sales Team " + std::to_string(k)},
                    {"parent_id", region.department_id}},
                   "demo-admin",
                   tick()});
      team.manager_id = "emp-" + lower + "-t" + std::to_string(k) + "-manager";
      s.push_back(
          Hire(w, team.manager_id, team.department_id, "manager", region.director_id, tick()));
      s.push_back(AssignManager(team.department_id, team.manager_id, tick()));
      region.teams.push_back(std::move(team));
    }
    w.regions.push_back(std::move(region));
  }
  return {std::move(s)};
}

std::vector<Script> HireStaff(World& w) {
  std::vector<Script> scripts;
  auto hire_at = [&w] { return w.WorkTime(Plus(w.start, w.rng.Between(1, 10) * kDay)); };
  auto staff = [&](const std::string& id, const std::string& department, const std::string& role,
                   const std::string& manager) {
    const Timestamp at = hire_at();
    scripts.push_back({Hire(w, id, department, role, manager, at)});
    return at;
  };
  w.finance_id = "emp-hq-finance";
  staff(w.finance_id, "dept-hq", "finance", w.ceo_id);
  staff("emp-hq-finance2", "dept-hq", "finance", w.ceo_id);
  w.marketing_id = "emp-hq-marketing";
  staff(w.marketing_id, "dept-hq", "sales", w.ceo_id);
  for (Region& region : w.regions) {
    const std::string prefix = region.department_id.substr(5);  // after "dept-"
    region.presales_id = "emp-" + prefix + "-presales";
    staff(region.presales_id, region.department_id, "presales", region.director_id);
    region.service_id = "emp-" + prefix + "-service";
    staff(region.service_id, region.department_id, "service", region.director_id);
    Script region_targets;
    AddTargets(w, region_targets, "department_id", region.department_id, 150000000,
               Plus(w.start, kDay));
    scripts.push_back(std::move(region_targets));
    for (size_t k = 0; k < region.teams.size(); ++k) {
      Team& team = region.teams[k];
      const int reps = static_cast<int>(w.rng.Between(3, 5));
      for (int i = 1; i <= reps; ++i) {
        const std::string id =
            "emp-" + prefix + "-t" + std::to_string(k + 1) + "-rep" + std::to_string(i);
        const Timestamp hired = staff(id, team.department_id, "sales", team.manager_id);
        AddTargets(w, scripts.back(), "employee_id", id, 30000000, hired);
        team.reps.push_back(id);
      }
    }
    // Budgets: one record per department and quarter.
    for (const auto& [period, begins] : Quarters(w.start, w.now)) {
      Timestamp at = Plus(begins, -3 * kDay);
      if (at < Plus(w.start, kDay)) at = Plus(w.start, kDay);
      scripts.push_back({{"SetBudget",
                          {{"id", "budget-" + prefix + "-" + period},
                           {"scope", "department"},
                           {"scope_id", region.department_id},
                           {"period", period},
                           {"amount", Usd(w.rng.Between(40, 80) * 100000)},
                           {"note", "travel, demos and customer events"}},
                          region.director_id,
                          at}});
    }
  }
  return scripts;
}

}  // namespace dealstream::demo
