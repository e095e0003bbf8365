// The shared pipeline scenario of the read-model tests (USD throughout):
//
//   departments  hq ─┬─ east   (alice)
//                    └─ west   (bob)
//   d1  alice/east  opened 01-05  100,000  Prospecting          close 03-31
//   d2  alice/east  opened 01-10   50,000  Prospecting          close 04-30
//                   02-01 → Needs Analysis
//   d3  bob/west    opened 01-15  200,000  Prospecting          close 03-31
//                   02-10 → Negotiation/Review; 03-15 won at 180,000
//   d4  bob/west    opened 01-20   80,000  Prospecting          close 02-28
//                   02-20 lost (price, to competitor k1)
//   d5  bob/west    opened 02-01   30,000  Prospecting          close 03-15
//                   02-05 → Proposal/Price Quote; 02-15 reassigned to alice/east
//   activities   alice: visit 02-02 (decision maker met), visit 02-03, call 04-01
//                bob:   demo 02-12
//   targets      alice 2017-Q1 100,000; bob 2017-Q1 150,000
// All dates are in 2017.
#pragma once

#include "crm_story.h"

namespace dealstream::projections::testing {

inline void TellPipelineScenario(Story& s) {
  s.Department("2017-01-01", "hq", "Headquarters");
  s.Department("2017-01-01", "east", "East", "hq");
  s.Department("2017-01-01", "west", "West", "hq");
  s.Hire("2017-01-01", "alice", "Alice", "east");
  s.Hire("2017-01-01", "bob", "Bob", "west");
  s.Target("2017-01-01", "t-alice", "alice", "2017-Q1", "2017-01-01", "2017-03-31", Usd(100000));
  s.Target("2017-01-01", "t-bob", "bob", "2017-Q1", "2017-01-01", "2017-03-31", Usd(150000));

  s.Open("2017-01-05", "d1", "alice", "east", Usd(100000), "2017-03-31");
  s.Open("2017-01-10", "d2", "alice", "east", Usd(50000), "2017-04-30");
  s.Open("2017-01-15", "d3", "bob", "west", Usd(200000), "2017-03-31");
  s.Open("2017-01-20", "d4", "bob", "west", Usd(80000), "2017-02-28");
  s.Advance("2017-02-01", "d2", "Needs Analysis", Usd(50000));
  s.Open("2017-02-01", "d5", "bob", "west", Usd(30000), "2017-03-15");
  s.Activity("2017-02-02", "d1", "a1", "visit", "alice", /*decision_maker_met=*/true);
  s.Activity("2017-02-03", "d2", "a2", "visit", "alice");
  s.Advance("2017-02-05", "d5", "Proposal/Price Quote", Usd(30000));
  s.Advance("2017-02-10", "d3", "Negotiation/Review", Usd(200000));
  s.Activity("2017-02-12", "d3", "a3", "demo", "bob");
  s.Reassign("2017-02-15", "d5", "alice", "east");
  s.Lose("2017-02-20", "d4", Usd(80000), "price", "k1");
  s.Win("2017-03-15", "d3", Usd(180000));
  s.Activity("2017-04-01", "d1", "a4", "call", "alice");
}

}  // namespace dealstream::projections::testing
