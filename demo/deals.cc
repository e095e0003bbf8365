// Opportunities through the default sales process: stage plans, team,
// activities (with expenses), competitors, quotes with approval, and the
// close — won, lost with a configured reason, abandoned, a few reopened.
#include <algorithm>
#include <string>

#include "demo/world.h"

namespace dealstream::demo {

namespace {

constexpr int kOpportunities = 1050;

const std::vector<std::string> kStages = {"Prospecting",
                                          "Qualification",
                                          "Needs Analysis",
                                          "Value Proposition",
                                          "Identify Decision Makers",
                                          "Perception Analysis",
                                          "Proposal/Price Quote",
                                          "Negotiation/Review"};
constexpr int kQuoteStage = 6;
const std::vector<std::string> kLossReasons = {"price",        "product_fit",      "competitor",
                                               "relationship", "budget",           "timing",
                                               "no_decision",  "incumbent_renewed"};
const std::vector<std::string> kSources = {"inbound", "referral", "trade show", "outbound",
                                           "partner"};

// What one deal's script is being built from.
struct Deal {
  World& w;
  Script& s;
  const Customer& customer;
  std::string id;
  std::string owner;
  Timestamp t;
  int stage = 0;
  int activities = 0;
  int64_t amount = 0;
  int quotes = 0;
  std::string competitor;
  std::vector<std::pair<std::string, int64_t>> items;  // product id, quantity

  void Add(const std::string& type, nlohmann::json body, const std::string& actor) {
    body["opportunity_id"] = id;
    s.push_back({type, std::move(body), actor, t});
  }
  void Later(int min_days, int max_days) {
    t = w.WorkTime(Plus(t, w.rng.Between(min_days, max_days) * kDay));
  }
  void Soon() { t = Plus(t, 20 * kMinute); }
};

const Region& RegionOf(const World& w, const Customer& c) { return w.regions[c.region]; }

// An activity planned now and completed a day or two later; visits cost
// money and are claimed as expenses.
void Activity(Deal& d) {
  static const std::vector<std::string> kEarly = {"call", "call", "visit"};
  static const std::vector<std::string> kMid = {"visit", "demo", "call"};
  static const std::vector<std::string> kLate = {"proposal", "negotiation", "visit"};
  const std::string type = d.w.rng.Pick(d.stage < 2 ? kEarly : d.stage < 5 ? kMid : kLate);
  const Region& region = RegionOf(d.w, d.customer);
  const std::string assignee = type == "demo" ? region.presales_id : d.owner;
  const std::string activity_id = "a" + std::to_string(++d.activities);
  const Timestamp planned = d.t;
  const Timestamp done = d.w.WorkTime(Plus(planned, d.w.rng.Between(1, 2) * kDay));
  d.Add("PlanOpportunityActivity",
        {{"activity_id", activity_id},
         {"type", type},
         {"assignee_id", assignee},
         {"planned_date", FormatDate(done)},
         {"subject", type + " with " + d.customer.id},
         {"contact_ids", {d.w.rng.Pick(d.customer.contacts)}}},
        d.owner);
  const bool costs = type == "visit" || type == "demo";
  const int64_t cost = costs ? d.w.rng.Between(150, 1800) * 100 : 0;
  nlohmann::json complete = {{"activity_id", activity_id},
                             {"completed_date", FormatDate(done)},
                             {"outcome", "held as planned; next steps agreed"},
                             {"decision_maker_met", d.stage >= 4 && d.w.rng.Percent(60)}};
  if (costs) complete["cost"] = Usd(cost);
  d.s.push_back({"CompleteOpportunityActivity", complete, assignee, done});
  d.s.back().body["opportunity_id"] = d.id;
  if (!costs || !d.w.rng.Percent(70)) return;
  const std::string expense = "exp-" + d.id.substr(4) + "-" + activity_id;
  d.s.push_back(
      {"ClaimExpense",
       {{"id", expense},
        {"employee_id", assignee},
        {"category", d.w.rng.Percent(70) ? "travel" : "entertainment"},
        {"amount", Usd(cost)},
        {"incurred_on", FormatDate(done)},
        {"description", type + " at " + d.customer.id},
        {"related",
         {{"opportunity_id", d.id}, {"activity_id", activity_id}, {"customer_id", d.customer.id}}}},
       assignee,
       Plus(done, kHour)});
  const std::string approver =
      assignee == region.presales_id ? region.director_id : d.w.ManagerOf(d.customer);
  const Timestamp decided = d.w.WorkTime(Plus(done, d.w.rng.Between(1, 4) * kDay));
  if (d.w.rng.Percent(85)) {
    d.s.push_back({"ApproveExpense", {{"expense_id", expense}}, approver, decided});
  } else {
    d.s.push_back({"RejectExpense",
                   {{"expense_id", expense}, {"reason", "not covered by the travel policy"}},
                   approver,
                   decided});
  }
}

// Drafts a quote, asks approval, and has the owner's manager decide; a
// rejected quote is redrafted with a deeper discount. Returns the approved
// total.
int64_t Quote(Deal& d) {
  const std::string& manager = d.w.ManagerOf(d.customer);
  int64_t total = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    nlohmann::json lines = nlohmann::json::array();
    total = 0;
    for (const auto& [product_id, quantity] : d.items) {
      const auto product = std::find_if(d.w.products.begin(), d.w.products.end(),
                                        [&](const Product& p) { return p.id == product_id; });
      const int discount = static_cast<int>(d.w.rng.Between(0, 10)) + attempt * 8;
      lines.push_back({{"product_id", product_id},
                       {"quantity", quantity},
                       {"unit_price", Usd(product->price_cents)},
                       {"discount_percent", discount}});
      total += (quantity * product->price_cents * (100 - discount) + 50) / 100;
    }
    const int version = ++d.quotes;
    d.Add("DraftOpportunityQuote",
          {{"lines", lines}, {"valid_until", FormatDate(Plus(d.t, 45 * kDay))}}, d.owner);
    d.Soon();
    d.Add("RequestOpportunityQuoteApproval", {{"version", version}}, d.owner);
    d.Later(1, 2);
    if (attempt == 1 || d.w.rng.Percent(80)) {
      d.Add("ApproveOpportunityQuote", {{"version", version}, {"comment", "discount approved"}},
            manager);
      return total;
    }
    d.Add("RejectOpportunityQuote",
          {{"version", version}, {"reason", "margin too low for this customer tier"}}, manager);
    d.Later(1, 3);
  }
  return total;
}

void Advance(Deal& d, int to) {
  d.Later(4, 16);
  d.stage = to;
  d.Add("AdvanceOpportunityStage", {{"stage", kStages[to]}}, d.owner);
  if (d.w.rng.Percent(55)) Activity(d);
  if (to == 2 && d.competitor.empty() && d.w.rng.Percent(70)) {
    const Competitor& competitor = d.w.rng.Pick(d.w.competitors);
    d.competitor = competitor.id;
    d.Soon();
    d.Add("RecordCompetitor",
          {{"competitor_id", competitor.id},
           {"quoted_price", Usd(d.amount / 100 * d.w.rng.Between(80, 110))},
           {"product", d.w.rng.Pick(competitor.product_names)},
           {"strengths", "lower entry price"},
           {"weaknesses", "no local service team"},
           {"threat_level", d.w.rng.Between(1, 5)}},
          d.owner);
  }
  if (to == 5 && !d.competitor.empty() && d.w.rng.Percent(40)) {
    d.Soon();
    d.Add("UpdateOpportunityCompetitor",
          {{"competitor_id", d.competitor},
           {"quoted_price", Usd(d.amount / 100 * d.w.rng.Between(70, 95))},
           {"threat_level", d.w.rng.Between(3, 5)}},
          d.owner);
  }
}

}  // namespace

std::vector<Script> RunDeals(World& w) {
  std::vector<Script> scripts;
  const int64_t today = w.now.EpochDay();
  for (int n = 1; n <= kOpportunities; ++n) {
    const Customer& customer = w.customers[w.rng.Next() % w.customers.size()];
    const size_t index = static_cast<size_t>(&customer - w.customers.data());
    Script s;
    char id[16];
    std::snprintf(id, sizeof(id), "opp-%05d", n);
    const Team& team = w.regions[customer.region].teams[customer.team];
    Deal d{
        w,          s, customer, id, w.rng.Percent(80) ? customer.owner_id : w.rng.Pick(team.reps),
        Timestamp{}};
    const int64_t first_day = customer.registered.EpochDay() + 1;
    d.t = w.WorkTime(Timestamp::FromMicros(w.rng.Between(first_day, today - 1) * kDay));
    const Timestamp opened = d.t;
    const int lines = static_cast<int>(w.rng.Between(1, 3));
    nlohmann::json product_ids = nlohmann::json::array();
    for (int k = 0; k < lines; ++k) {
      const Product& product = w.products[(w.rng.Next() % 3) + 3 * static_cast<size_t>(k)];
      const int64_t quantity = w.rng.Between(1, product.price_cents > 2000000 ? 3 : 20);
      d.items.emplace_back(product.id, quantity);
      d.amount += quantity * product.price_cents;
      product_ids.push_back(product.id);
    }
    ++w.opportunities;
    d.Add("OpenOpportunity",
          {{"id", d.id},
           {"customer_id", customer.id},
           {"title", "Rollout for " + customer.id},
           {"source", w.rng.Pick(kSources)},
           {"amount", Usd(d.amount)},
           {"expected_close_date", FormatDate(Plus(opened, w.rng.Between(60, 150) * kDay))},
           {"owner_id", d.owner},
           {"product_ids", product_ids}},
          d.owner);
    s.front().body.erase("opportunity_id");
    if (w.rng.Percent(40)) {
      nlohmann::json plan = nlohmann::json::array();
      for (int k = 1; k < static_cast<int>(kStages.size()); ++k) {
        plan.push_back(
            {{"stage", kStages[k]}, {"planned_date", FormatDate(Plus(opened, k * 12 * kDay))}});
      }
      d.Soon();
      d.Add("PlanOpportunityStages", {{"plan", plan}}, d.owner);
    }
    if (w.rng.Percent(45)) {
      d.Soon();
      d.Add("AddOpportunityTeamMember",
            {{"member_id", w.regions[customer.region].presales_id}, {"role", "presales"}}, d.owner);
    }
    // The buying committee of this deal, set on the contacts in a later phase.
    Script& roles = w.deal_roles[index];
    roles.push_back({"SetContactRole",
                     {{"contact_id", customer.contacts[0]},
                      {"opportunity_id", d.id},
                      {"role", "decision_maker"},
                      {"influence", 5},
                      {"stance", w.rng.Percent(60) ? "supporter" : "neutral"}},
                     d.owner,
                     Plus(opened, kDay)});
    roles.push_back({"SetContactRole",
                     {{"contact_id", customer.contacts[1]},
                      {"opportunity_id", d.id},
                      {"role", "technical_evaluator"},
                      {"influence", w.rng.Between(2, 4)},
                      {"stance", "champion"},
                      {"reports_to", customer.contacts[0]}},
                     d.owner,
                     Plus(opened, kDay + kMinute)});
    // Fate: 0-37 won, 38-67 lost, 68-71 abandoned, otherwise still open.
    const int fate = static_cast<int>(w.rng.Between(0, 99));
    const int last_stage = fate < 38   ? 7
                           : fate < 68 ? static_cast<int>(w.rng.Between(1, 7))
                           : fate < 72 ? static_cast<int>(w.rng.Between(1, 3))
                                       : static_cast<int>(w.rng.Between(0, 7));
    int64_t final_amount = d.amount;
    for (int stage = 1; stage <= last_stage; ++stage) {
      Advance(d, stage);
      if (stage == kQuoteStage) final_amount = Quote(d);
    }
    if (fate >= 72) {
      scripts.push_back(std::move(s));
      continue;
    }
    d.Later(3, 14);
    bool won = fate < 38;
    if (fate >= 68) {
      d.Add("AbandonOpportunity", {{"reason", "customer froze the project"}}, d.owner);
    } else if (!won) {
      const std::string& reason = w.rng.Pick(kLossReasons);
      nlohmann::json lost = {{"reason", reason}, {"note", "debrief held with the customer"}};
      if (!d.competitor.empty() && w.rng.Percent(75)) {
        lost["competitor_id"] = d.competitor;
        lost["competitor_price"] = Usd(d.amount / 100 * w.rng.Between(75, 95));
      }
      d.Add("LoseOpportunity", lost, d.owner);
      if (w.rng.Percent(8)) {
        d.Later(20, 40);
        d.Add("ReopenOpportunity", {{"reason", "the customer reopened the tender"}}, d.owner);
        if (d.stage < 7) Advance(d, 7);
        d.Later(5, 15);
        won = true;
      }
    }
    if (won) {
      d.Add("WinOpportunity", {{"amount", Usd(final_amount)}, {"note", "signed off by the board"}},
            d.owner);
      AddContract(w, s, {d.id, &customer, d.owner, d.t, final_amount, d.items});
    }
    scripts.push_back(std::move(s));
  }
  return scripts;
}

std::vector<Script> DealRoles(World& w) {
  std::vector<Script> scripts;
  for (auto& [customer, script] : w.deal_roles) scripts.push_back(std::move(script));
  w.deal_roles.clear();
  return scripts;
}

}  // namespace dealstream::demo
