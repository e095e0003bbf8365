// After-sales service requests, and a marketing campaign with its leads.
#include <string>

#include "demo/names.h"
#include "demo/world.h"

namespace dealstream::demo {

namespace {

constexpr int kServiceRequests = 200;
constexpr int kLeads = 40;

struct RequestKind {
  const char* type;
  const char* queue;
  const char* subject;
};
const std::vector<RequestKind> kKinds = {
    {"complaint", "customer care", "Delivery arrived late"},
    {"repair", "field service", "Gateway does not boot"},
    {"repair", "field service", "Sensor readings drift"},
    {"inquiry", "support", "How to export reports"},
    {"inquiry", "support", "Licence renewal question"},
    {"suggestion", "product", "Add a dark mode"},
    {"praise", "customer care", "Great onboarding team"},
};

const std::string kCampaign = "camp-ops-webinar";

// The campaign runs for 90 days, ending about two months before `now`.
Timestamp CampaignLaunch(const World& w) {
  return Timestamp::FromMicros((w.now.EpochDay() - 150) * kDay + 9 * kHour);
}
Timestamp CampaignEnd(const World& w) { return Plus(CampaignLaunch(w), 90 * kDay); }

Script ServiceRequest(World& w, int n) {
  const Customer& customer = w.customers[w.rng.Next() % w.customers.size()];
  const Region& region = w.regions[customer.region];
  const RequestKind& kind = w.rng.Pick(kKinds);
  const std::string id = "sr-" + std::to_string(1000 + n);
  const int64_t first_day = customer.registered.EpochDay() + 7;
  Timestamp t =
      w.WorkTime(Timestamp::FromMicros(w.rng.Between(first_day, w.now.EpochDay() - 1) * kDay));
  const std::string type = kind.type;
  nlohmann::json open = {{"id", id},
                         {"customer_id", customer.id},
                         {"contact_id", w.rng.Pick(customer.contacts)},
                         {"type", type},
                         {"priority", type == "repair" ? "high" : "normal"},
                         {"queue", kind.queue},
                         {"subject", kind.subject},
                         {"due_date", FormatDate(Plus(t, 5 * kDay))}};
  if (type == "complaint" || type == "praise") open["concerns_employee_id"] = customer.owner_id;
  Script s;
  s.push_back({"OpenServiceRequest", open, region.service_id, t});
  t = Plus(t, w.rng.Between(1, 6) * kHour);
  s.push_back({"AssignServiceRequest",
               {{"service_request_id", id}, {"assignee_id", region.service_id}},
               region.director_id,
               t});
  if (type == "complaint" && w.rng.Percent(40)) {
    t = w.WorkTime(Plus(t, kDay));
    s.push_back({"EscalateServiceRequest",
                 {{"service_request_id", id},
                  {"reason", "customer threatens to withhold payment"},
                  {"priority", "urgent"},
                  {"escalated_to_id", region.director_id}},
                 region.service_id,
                 t});
  }
  t = w.WorkTime(Plus(t, w.rng.Between(1, 9) * kDay));
  s.push_back(
      {"ResolveServiceRequest",
       {{"service_request_id", id}, {"resolution", "handled and confirmed with the customer"}},
       region.service_id,
       t});
  t = w.WorkTime(Plus(t, w.rng.Between(1, 3) * kDay));
  const int satisfaction = type == "praise"      ? 5
                           : type == "complaint" ? static_cast<int>(w.rng.Between(1, 4))
                                                 : static_cast<int>(w.rng.Between(3, 5));
  s.push_back({"CloseServiceRequest",
               {{"service_request_id", id}, {"satisfaction", satisfaction}},
               region.service_id,
               t});
  return s;
}

}  // namespace

std::vector<Script> ServiceAndMarketing(World& w) {
  std::vector<Script> scripts;
  for (int n = 1; n <= kServiceRequests; ++n) scripts.push_back(ServiceRequest(w, n));

  const std::string& campaign = kCampaign;
  const Timestamp launched = CampaignLaunch(w);
  for (int n = 1; n <= kLeads; ++n) {
    const std::string id = "lead-" + std::to_string(100 + n);
    const Region& region = w.rng.Pick(w.regions);
    const std::string owner = w.rng.Pick(region.teams.front().reps);
    Timestamp t = w.WorkTime(Plus(launched, (1 + n * 2) * kDay));
    Script s;
    s.push_back(
        {"CaptureLead",
         {{"id", id},
          {"campaign_id", campaign},
          {"company",
           "Prospect " + std::to_string(n) + " " + PersonName(w.rng).substr(0, 3) + " Ltd."},
          {"contact_name", PersonName(w.rng)},
          {"email", "contact" + std::to_string(n) + "@prospect" + std::to_string(n) + ".example"},
          {"interest", "predictive maintenance"},
          {"source", "webinar"},
          {"owner_id", owner}},
         w.marketing_id,
         t});
    const int fate = static_cast<int>(w.rng.Between(0, 99));
    t = w.WorkTime(Plus(t, w.rng.Between(2, 10) * kDay));
    if (fate < 20) {
      s.push_back(
          {"DisqualifyLead", {{"lead_id", id}, {"reason", "no budget this year"}}, owner, t});
    } else if (fate < 70) {
      s.push_back(
          {"QualifyLead", {{"lead_id", id}, {"note", "budget and need confirmed"}}, owner, t});
      if (fate < 45) {
        t = w.WorkTime(Plus(t, w.rng.Between(3, 12) * kDay));
        s.push_back({"ConvertLead",
                     {{"lead_id", id},
                      {"owner_id", owner},
                      {"amount", Usd(w.rng.Between(20, 150) * 100000)},
                      {"expected_close_date", FormatDate(Plus(t, 90 * kDay))},
                      {"customer_id", "cust-" + id},
                      {"contact_id", "cust-" + id + "-ct1"},
                      {"opportunity_id", "opp-" + id}},
                     owner,
                     t});
      }
    }
    scripts.push_back(std::move(s));
  }
  return scripts;
}

std::vector<Script> StartCampaign(World& w) {
  const Timestamp launched = CampaignLaunch(w);
  return {{{"LaunchCampaign",
            {{"id", kCampaign},
             {"name", "Smart operations webinar series"},
             {"channel", "webinar"},
             {"start_date", FormatDate(launched)},
             {"end_date", FormatDate(CampaignEnd(w))},
             {"budget", Usd(4000000)},
             {"owner_id", w.marketing_id},
             {"department_id", "dept-hq"}},
            w.marketing_id,
            launched}}};
}

std::vector<Script> EndCampaign(World& w) {
  return {{{"EndCampaign",
            {{"campaign_id", kCampaign}, {"outcome", "40 leads, strong enterprise interest"}},
            w.marketing_id,
            w.WorkTime(CampaignEnd(w))}}};
}

}  // namespace dealstream::demo
