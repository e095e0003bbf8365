// The demo company as the generator plans it: who works where, what is
// sold, who buys — the facts later phases draw on — and the builders that
// turn each part of it into scripts. Internal to the demo module.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/random.h"
#include "demo/script.h"

namespace dealstream::demo {

struct Team {
  std::string department_id;
  std::string manager_id;
  std::vector<std::string> reps;  // sales employees
};

struct Region {
  std::string name;
  std::string department_id;
  std::string director_id;
  std::string presales_id;
  std::string service_id;
  std::vector<Team> teams;
};

struct Product {
  std::string id;
  std::string name;
  int64_t price_cents = 0;
};

struct Competitor {
  std::string id;
  std::vector<std::string> product_names;
};

struct Customer {
  std::string id;
  std::string owner_id;
  size_t region = 0;
  size_t team = 0;
  Timestamp registered;
  std::vector<std::string> contacts;  // contacts[0] heads the buying committee
};

struct World {
  World(uint64_t seed, Timestamp now);

  Rng rng;
  Timestamp now;
  Timestamp start;  // 18 months before now
  std::string ceo_id;
  std::string finance_id;
  std::string marketing_id;
  std::vector<Region> regions;
  std::vector<Product> products;
  std::vector<Competitor> competitors;
  std::vector<Customer> customers;
  // Opportunity-level buying-committee steps, by customer index: they change
  // contact records, so each customer's run in one script, in time order.
  std::map<size_t, Script> deal_roles;
  uint64_t employees = 0;
  uint64_t contacts = 0;
  uint64_t opportunities = 0;
  uint64_t contracts = 0;
  uint64_t overdue_instalments = 0;

  // A working-hours time on the day `t` falls on, at least `t`'s day start.
  Timestamp WorkTime(Timestamp t);
  const std::string& ManagerOf(const Customer& c) const {
    return regions[c.region].teams[c.team].manager_id;
  }
};

// A won deal, as its contract needs it.
struct WonDeal {
  std::string opportunity_id;
  const Customer* customer = nullptr;
  std::string owner_id;
  Timestamp won_at;
  int64_t amount_cents = 0;
  std::vector<std::pair<std::string, int64_t>> items;  // product id, quantity
};

// Appends the contract of a won deal to `script`: drafted, approved, signed,
// instalments and deliveries planned, then shipped, invoiced and paid as far
// as `now` reaches — leaving some instalments overdue.
void AddContract(World& world, Script& script, const WonDeal& deal);

// Phases, each a set of scripts that may run concurrently; a phase runs
// only after the previous one finished.
std::vector<Script> ConfigureAndOrganise(World& world);  // config, departments, leaders
std::vector<Script> HireStaff(World& world);             // everybody else, targets, budgets
std::vector<Script> BuildCatalogue(World& world);        // products, competitors
std::vector<Script> RegisterCustomers(World& world);     // customers, contacts, trees
std::vector<Script> RunDeals(World& world);              // opportunities, contracts, expenses
std::vector<Script> DealRoles(World& world);             // deal_roles, one script per customer
std::vector<Script> StartCampaign(World& world);
std::vector<Script> ServiceAndMarketing(World& world);  // service requests, leads
std::vector<Script> EndCampaign(World& world);

}  // namespace dealstream::demo
