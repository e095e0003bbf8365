// Random business events for the property test: competitors and quotes on
// the deals of a History, contracts with instalments, invoices, payments
// and terminations, budgets and expense claims, service requests and care
// activities. Business times are random within the first 120 days of 2017
// and often out of order, so the books' time travel is exercised; the
// events are shaped like the domain's but not validated by it (the read
// side must fold whatever the log holds).
#pragma once

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "codec/event_codec.h"
#include "domain/catalog/competitor.h"
#include "domain/contract/contract.h"
#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "domain/opportunity/opportunity.h"
#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"
#include "eventstore/event_log.h"

namespace dealstream::projections::testing {

class BusinessHistory {
 public:
  explicit BusinessHistory(uint32_t seed) : rng_(seed) {}

  // Appends one random business event; `deals` is how many deals d0, d1, …
  // the opportunity history has opened so far (competitor facts go to them).
  void AppendOne(eventstore::EventLog& log, size_t deals) {
    using domain::Id;
    using domain::Money;
    const int64_t t = Day(static_cast<int>(rng_() % 120)) + static_cast<int64_t>(rng_() % 86400) * 1000000;
    const std::string employee = kEmployees[rng_() % 3];
    switch (rng_() % 12) {
      case 0:
      case 1: {  // a competitor engaged on a deal, or removed from it
        if (deals == 0) return;
        const std::string deal = "d" + std::to_string(rng_() % deals);
        const std::string competitor = "k" + std::to_string(rng_() % 3);
        if (rng_() % 4 == 0) {
          Emit(log, "opportunity", deal, t,
               domain::OpportunityCompetitorRemoved{.opportunity_id = Id{deal},
                                                    .competitor_id = Id{competitor}});
          return;
        }
        domain::OpportunityCompetitorRecorded e{.opportunity_id = Id{deal},
                                                .competitor_id = Id{competitor}};
        if (rng_() % 3 != 0) e.quoted_price = Money{Amount(), "USD"};
        if (rng_() % 2 == 0) e.product = "their-" + std::to_string(rng_() % 2);
        Emit(log, "opportunity", deal, t, e);
        return;
      }
      case 2: {  // a quote drafted on a deal
        if (deals == 0) return;
        const std::string deal = "d" + std::to_string(rng_() % deals);
        const Money unit{Amount(), "USD"};
        domain::OpportunityQuoteDrafted e{.opportunity_id = Id{deal}, .version = ++quotes_,
                                          .total = unit, .valid_until = domain::Date{17500}};
        e.lines.push_back(domain::QuoteLine{.product_id = Id{"p" + std::to_string(rng_() % 2)},
                                            .quantity = 1,
                                            .unit_price = unit,
                                            .discount_percent = static_cast<int32_t>(rng_() % 30),
                                            .line_total = unit});
        Emit(log, "opportunity", deal, t, e);
        return;
      }
      case 3: {  // a contract drafted and signed
        const std::string id = "ct" + std::to_string(contracts_++);
        const Money total{Amount(), "USD"};
        Emit(log, "contract", id, t,
             domain::ContractDrafted{.contract_id = Id{id}, .customer_id = Id{"c"},
                                     .owner_id = Id{employee}, .department_id = Id{"dep"},
                                     .total = total, .drafted_by = Id{employee}});
        if (rng_() % 4 != 0) {
          Emit(log, "contract", id, t + 3600LL * 1000000,
               domain::ContractSigned{.contract_id = Id{id}, .customer_id = Id{"c"},
                                      .owner_id = Id{employee}, .department_id = Id{"dep"},
                                      .total = total, .signed_on = DateOf(t),
                                      .recorded_by = Id{employee}});
        }
        return;
      }
      case 4: {  // an instalment plan (a revision when one exists)
        if (contracts_ == 0) return;
        const std::string id = "ct" + std::to_string(rng_() % contracts_);
        domain::ContractInstalmentsScheduled e{.contract_id = Id{id}};
        for (int i = 0; i < 1 + static_cast<int>(rng_() % 3); ++i) {
          e.instalments.push_back({.instalment_id = Id{"i" + std::to_string(i)},
                                   .due_date = DateOf(Day(static_cast<int>(rng_() % 150))),
                                   .amount = Money{Amount(), "USD"}});
        }
        Emit(log, "contract", id, t, e);
        return;
      }
      case 5: {  // an invoice or a payment, against an instalment or not
        if (contracts_ == 0) return;
        const std::string id = "ct" + std::to_string(rng_() % contracts_);
        std::optional<Id> instalment;
        if (rng_() % 2 == 0) instalment = Id{"i" + std::to_string(rng_() % 4)};
        const Money amount{Amount() / 2, "USD"};
        if (rng_() % 3 == 0) {
          Emit(log, "contract", id, t,
               domain::ContractInvoiceIssued{.contract_id = Id{id}, .invoice_id = Id{"inv"},
                                             .amount = amount, .instalment_id = instalment,
                                             .issued_on = DateOf(t), .total_invoiced = amount,
                                             .recorded_by = Id{employee}});
        } else {
          Emit(log, "contract", id, t,
               domain::ContractPaymentReceived{.contract_id = Id{id}, .payment_id = Id{"pay"},
                                               .amount = amount, .instalment_id = instalment,
                                               .received_on = DateOf(t), .total_received = amount,
                                               .outstanding = amount, .recorded_by = Id{employee}});
        }
        return;
      }
      case 6: {  // a contract terminated
        if (contracts_ == 0) return;
        const std::string id = "ct" + std::to_string(rng_() % contracts_);
        Emit(log, "contract", id, t,
             domain::ContractTerminated{.contract_id = Id{id}, .reason = "r",
                                        .total = Money{0, "USD"}, .received = Money{0, "USD"},
                                        .outstanding = Money{0, "USD"}});
        return;
      }
      case 7: {  // a budget set or revised
        const std::string id = "b" + std::to_string(rng_() % 4);
        const bool department = rng_() % 2 == 0;
        const domain::BudgetScope scope =
            department ? domain::BudgetScope::kDepartment : domain::BudgetScope::kEmployee;
        const Id scope_id{department ? "dep" : employee};
        if (budgets_.insert(id).second) {
          Emit(log, "budget", id, t,
               domain::BudgetSet{.budget_id = Id{id}, .scope = scope, .scope_id = scope_id,
                                 .period = "2017", .period_start = domain::Date{17167},
                                 .period_end = domain::Date{17531}, .amount = Money{Amount(), "USD"},
                                 .set_by = Id{employee}});
        } else {
          Emit(log, "budget", id, t,
               domain::BudgetRevised{.budget_id = Id{id}, .scope = scope, .scope_id = scope_id,
                                     .period = "2017", .amount = Money{Amount(), "USD"},
                                     .previous_amount = Money{0, "USD"}, .reason = "r",
                                     .revised_by = Id{employee}});
        }
        return;
      }
      case 8: {  // an expense claimed, then maybe approved, rejected or paid
        const std::string id = "x" + std::to_string(expenses_++);
        const Money amount{Amount() / 10, "USD"};
        Emit(log, "expense", id, t,
             domain::ExpenseClaimed{.expense_id = Id{id}, .employee_id = Id{employee},
                                    .department_id = Id{"dep"},
                                    .category = static_cast<domain::ExpenseCategory>(rng_() % 3),
                                    .amount = amount, .incurred_on = DateOf(t),
                                    .description = "d", .claimed_by = Id{employee}});
        const int64_t later = t + static_cast<int64_t>(rng_() % 10) * 86400LL * 1000000;
        switch (rng_() % 4) {
          case 0:
            Emit(log, "expense", id, later,
                 domain::ExpenseApproved{.expense_id = Id{id}, .employee_id = Id{employee},
                                         .department_id = Id{"dep"}, .amount = amount,
                                         .approved_by = Id{"boss"}});
            break;
          case 1:
            Emit(log, "expense", id, later,
                 domain::ExpenseRejected{.expense_id = Id{id}, .employee_id = Id{employee},
                                         .department_id = Id{"dep"}, .amount = amount,
                                         .rejected_by = Id{"boss"}, .reason = "r"});
            break;
          default: break;
        }
        return;
      }
      case 9: {  // a service request opened and maybe assigned
        const std::string id = "s" + std::to_string(requests_++);
        Emit(log, "service_request", id, t,
             domain::ServiceRequestOpened{
                 .service_request_id = Id{id}, .customer_id = Id{"c"},
                 .type = static_cast<domain::ServiceRequestType>(rng_() % 5),
                 .priority = static_cast<domain::ServicePriority>(rng_() % 4),
                 .queue = "q" + std::to_string(rng_() % 2), .subject = "s",
                 .due_date = DateOf(t + static_cast<int64_t>(rng_() % 20) * 86400LL * 1000000),
                 .concerns_employee_id = Id{employee}, .opened_by = Id{employee}});
        if (rng_() % 3 != 0) {
          Emit(log, "service_request", id, t + 3600LL * 1000000,
               domain::ServiceRequestAssigned{.service_request_id = Id{id}, .assignee_id = Id{employee},
                                              .queue = "q0"});
        }
        return;
      }
      case 10: {  // a request resolved, closed with a score, or escalated
        if (requests_ == 0) return;
        const std::string id = "s" + std::to_string(rng_() % requests_);
        switch (rng_() % 3) {
          case 0:
            Emit(log, "service_request", id, t,
                 domain::ServiceRequestResolved{.service_request_id = Id{id}, .customer_id = Id{"c"},
                                                .resolution = "r", .resolved_by = Id{employee}});
            break;
          case 1:
            Emit(log, "service_request", id, t,
                 domain::ServiceRequestClosed{.service_request_id = Id{id}, .customer_id = Id{"c"},
                                              .satisfaction = 1 + static_cast<int32_t>(rng_() % 5),
                                              .closed_by = Id{employee}});
            break;
          default:
            Emit(log, "service_request", id, t,
                 domain::ServiceRequestEscalated{.service_request_id = Id{id},
                                                 .priority = domain::ServicePriority::kUrgent,
                                                 .reason = "r"});
            break;
        }
        return;
      }
      default: {  // a care activity scheduled (once), or completed
        const bool complete = care_ > 0 && rng_() % 3 == 0;
        const int index = complete ? static_cast<int>(rng_() % static_cast<uint32_t>(care_)) : care_++;
        const std::string plan = "cp" + std::to_string(index % 2);
        const std::string activity = "a" + std::to_string(index);
        if (complete) {
          Emit(log, "care_plan", plan, t,
               domain::CareActivityCompleted{.care_plan_id = Id{plan}, .activity_id = Id{activity},
                                             .due_date = DateOf(t), .completed_on = DateOf(t),
                                             .completed_by = Id{employee}});
        } else {
          Emit(log, "care_plan", plan, t,
               domain::CareActivityScheduled{
                   .care_plan_id = Id{plan}, .activity_id = Id{activity},
                   .due_date = DateOf(Day(static_cast<int>(rng_() % 150))),
                   .assignee_id = Id{employee}, .customer_id = Id{"c"}});
        }
        return;
      }
    }
  }

 private:
  static constexpr const char* kEmployees[] = {"o1", "o2", "o3"};
  static int64_t Day(int d) { return (17167LL + d) * 86400LL * 1000000LL; }  // from 2017-01-01
  static domain::Date DateOf(int64_t micros) { return domain::Date{micros / (86400LL * 1000000)}; }
  int64_t Amount() { return (1 + static_cast<int64_t>(rng_() % 50)) * 100 * 100; }

  template <typename E>
  static void Emit(eventstore::EventLog& log, const std::string& category, const std::string& id,
                   int64_t time, const E& e) {
    eventstore::AppendRequest r{.stream = *eventstore::StreamName::Make(category, id)};
    codec::EncodedEvent encoded = codec::EncodeEventPayload(codec::StructInfoOf<E>(), &e);
    r.events.push_back(eventstore::ProposedEvent{.type = std::move(encoded.type),
                                                 .subject = id,
                                                 .time = Timestamp::FromMicros(time),
                                                 .schema_version = encoded.schema_version,
                                                 .data = std::move(encoded.data)});
    ASSERT_TRUE(log.Append(std::move(r)).ok());
  }

  std::mt19937 rng_;
  int32_t quotes_ = 0;
  int contracts_ = 0, expenses_ = 0, requests_ = 0, care_ = 0;
  std::set<std::string> budgets_;
};

}  // namespace dealstream::projections::testing
