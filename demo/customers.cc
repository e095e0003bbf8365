// Customers with their buying committees: contacts, each with a role,
// influence and stance, reporting to the head of the committee.
#include <string>

#include "demo/names.h"
#include "demo/world.h"

namespace dealstream::demo {

namespace {

constexpr int kCustomers = 320;

const std::vector<std::string> kSizes = {"small", "medium", "large", "enterprise"};
const std::vector<std::string> kSources = {"referral", "trade show", "website", "cold call",
                                           "partner"};
const std::vector<std::string> kTitles = {
    "IT Manager",          "Procurement Lead",    "CFO",
    "Operations Director", "Head of Engineering", "Project Manager"};
// Roles of the committee members below its head.
const std::vector<std::string> kRoles = {"influencer", "economic_buyer", "technical_evaluator",
                                         "user", "gatekeeper"};
const std::vector<std::string> kStances = {"champion", "supporter", "neutral", "opponent"};

std::string Slug(std::string text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z')
      out += c;
  }
  return out;
}

}  // namespace

std::vector<Script> RegisterCustomers(World& w) {
  std::vector<Script> scripts;
  const int64_t window_days = (w.now.micros() - w.start.micros()) / kDay - 100;
  for (int i = 1; i <= kCustomers; ++i) {
    Customer c;
    char id[16];
    std::snprintf(id, sizeof(id), "cust-%04d", i);
    c.id = id;
    c.region = static_cast<size_t>(w.rng.Between(0, static_cast<int64_t>(w.regions.size()) - 1));
    const Region& region = w.regions[c.region];
    c.team = static_cast<size_t>(w.rng.Between(0, static_cast<int64_t>(region.teams.size()) - 1));
    c.owner_id = w.rng.Pick(region.teams[c.team].reps);
    c.registered = w.WorkTime(Plus(w.start, (12 + w.rng.Between(0, window_days)) * kDay));
    const std::string name = CompanyName(w.rng, static_cast<size_t>(i - 1));
    const std::string domain = Slug(name.substr(0, name.rfind(' '))) + ".example";
    Script s;
    s.push_back({"RegisterCustomer",
                 {{"id", c.id},
                  {"name", name},
                  {"owner_id", c.owner_id},
                  {"industry", Industry(w.rng)},
                  {"region", region.name},
                  {"size", w.rng.Pick(kSizes)},
                  {"source", w.rng.Pick(kSources)},
                  {"phone", "+1-555-" + std::to_string(1000 + i)},
                  {"website", "https://www." + domain}},
                 c.owner_id,
                 c.registered});
    const int contacts = static_cast<int>(w.rng.Between(2, 4));
    Timestamp t = c.registered;
    for (int k = 1; k <= contacts; ++k) {
      const std::string contact_id = c.id + "-ct" + std::to_string(k);
      const std::string person = PersonName(w.rng);
      t = Plus(t, 10 * kMinute);
      s.push_back({"AddContact",
                   {{"id", contact_id},
                    {"customer_id", c.id},
                    {"name", person},
                    {"title", k == 1 ? "CEO" : w.rng.Pick(kTitles)},
                    {"email", Slug(person.substr(0, person.find(' '))) + "." +
                                  Slug(person.substr(person.find(' ') + 1)) + "@" + domain},
                    {"phone", "+1-555-" + std::to_string(2000 + i * 4 + k)}},
                   c.owner_id,
                   t});
      c.contacts.push_back(contact_id);
      ++w.contacts;
    }
    std::string head_stance;
    for (size_t k = 0; k < c.contacts.size(); ++k) {
      t = Plus(t, 5 * kMinute);
      nlohmann::json role = {{"contact_id", c.contacts[k]}};
      if (k == 0) {
        role["role"] = "decision_maker";
        role["influence"] = 5;
      } else {
        role["role"] = w.rng.Pick(kRoles);
        role["influence"] = w.rng.Between(1, 4);
        role["reports_to"] = c.contacts[0];
      }
      role["stance"] = w.rng.Pick(kStances);
      if (k == 0) head_stance = role["stance"];
      s.push_back({"SetContactRole", role, c.owner_id, t});
    }
    // Opinions change: a later stance change, kept in time order with the
    // deal-level roles on the same contacts.
    if (w.rng.Percent(30)) {
      w.deal_roles[static_cast<size_t>(i - 1)].push_back(
          {"ChangeContactStance",
           {{"contact_id", c.contacts[0]},
            {"stance", head_stance == "champion" ? "supporter" : "champion"},
            {"note", "convinced by the reference visit"}},
           c.owner_id,
           w.WorkTime(Plus(c.registered, w.rng.Between(20, 60) * kDay))});
    }
    w.customers.push_back(std::move(c));
    scripts.push_back(std::move(s));
  }
  return scripts;
}

}  // namespace dealstream::demo
