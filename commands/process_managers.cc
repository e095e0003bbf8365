#include "commands/process_managers.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "codec/json_codec.h"
#include "commands/customer_business.h"
#include "commands/event_mapping.h"
#include "domain/contact/contact.h"
#include "domain/contract/contract.h"
#include "domain/customer/customer.h"
#include "domain/marketing/lead.h"
#include "domain/opportunity/opportunity.h"
#include "eventstore/subscription.h"

namespace dealstream::commands {
namespace {

using eventstore::RecordedEvent;

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

// Saving after every event would cost a file write each; the idempotency
// keys make the events since the last save safe to handle again.
constexpr uint64_t kCheckpointEvery = 500;

uint64_t LoadCheckpoint(const std::string& path) {
  if (path.empty()) return 0;
  std::ifstream in(path);
  uint64_t position = 0;
  return (in >> position) ? position : 0;
}

void SaveCheckpoint(const std::string& path, uint64_t position) {
  if (path.empty()) return;
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << position << "\n";
    if (!out) return;  // the previous checkpoint stays; keys cover the gap
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
}

// A command as JSON with the business time of its cause.
template <typename C>
std::string BodyOf(const C& command, Timestamp occurred_at) {
  std::string body = codec::EncodeJson(command);
  const std::string time = "\"occurred_at\":\"" + FormatTimestamp(occurred_at) + "\"";
  body.insert(1, body.size() > 2 ? time + "," : time);
  return body;
}

bool AlreadyDone(const CommandError& e) {
  using K = CommandError::Kind;
  return e.kind == K::kIdempotencyKeyReused || e.kind == K::kAlreadyExists;
}

}  // namespace

struct ProcessManagers::Impl {
  Impl(const eventstore::EventLog& log, CommandService& service,
       const domain::Directory& directory, ProcessManagerOptions options)
      : service(service), directory(directory), options(std::move(options)),
        issued_up_to(LoadCheckpoint(this->options.checkpoint_path)) {
    stats.checkpoint = issued_up_to;
    subscription = std::make_unique<eventstore::CatchUpSubscription>(
        log, eventstore::GlobalPosition{1},
        eventstore::ReadFilter{.categories = {"opportunity", "contract", "contact", "customer", "lead"},
                               .types = {}},
        [this](const RecordedEvent& e) {
          Handle(e);
          return true;
        });
  }

  void Handle(const RecordedEvent& e) {
    issue_ = e.position.value > issued_up_to;
    const std::string_view category = e.stream.category();
    if (category == domain::OpportunityAggregate::kCategory) OnOpportunity(e);
    if (category == domain::ContractAggregate::kCategory) OnContract(e);
    if (category == domain::ContactAggregate::kCategory) OnContact(e);
    if (category == domain::CustomerAggregate::kCategory) OnCustomer(e);
    if (category == domain::LeadAggregate::kCategory) OnLead(e);
    if (issue_ && (e.position.value % kCheckpointEvery == 0 || issued_now_)) {
      SaveCheckpoint(options.checkpoint_path, e.position.value);
      std::lock_guard lock(mu);
      stats.checkpoint = e.position.value;
    }
    issued_now_ = false;
  }

  void OnOpportunity(const RecordedEvent& e) {
    auto event = opportunities.Decode(e);
    if (!event.ok()) return Refused(event.error().message());
    std::visit(Overloaded{
                   [&](const domain::OpportunityOpened& o) {
                     book.OpportunityOpened(o.customer_id.value, o.opportunity_id.value);
                     Lifecycle(o.customer_id.value, domain::LifecycleTrigger::kOpportunityOpened, e);
                   },
                   [&](const domain::OpportunityWon& o) {
                     book.OpportunityWon(o.customer_id.value, o.opportunity_id.value);
                     Lifecycle(o.customer_id.value, domain::LifecycleTrigger::kOpportunityWon, e);
                   },
                   [&](const domain::OpportunityLost& o) {
                     book.OpportunityClosedWithoutWin(o.customer_id.value, o.opportunity_id.value);
                     Lifecycle(o.customer_id.value, domain::LifecycleTrigger::kOpportunityLost, e);
                   },
                   [&](const domain::OpportunityAbandoned& o) {
                     book.OpportunityClosedWithoutWin(o.customer_id.value, o.opportunity_id.value);
                     Lifecycle(o.customer_id.value, domain::LifecycleTrigger::kOpportunityLost, e);
                   },
                   [&](const domain::OpportunityReopened& o) {
                     if (auto facts = directory.FindOpportunity(o.opportunity_id)) {
                       book.OpportunityReopened(facts->customer_id.value, o.opportunity_id.value);
                     }
                   },
                   [&](const domain::OpportunityActivityCompleted& o) {
                     if (auto facts = directory.FindOpportunity(o.opportunity_id)) {
                       book.Activity(facts->customer_id.value, e.time);
                       Lifecycle(facts->customer_id.value, domain::LifecycleTrigger::kEngaged, e);
                     }
                   },
                   [](const auto&) {},
               },
               *event);
  }

  void OnContract(const RecordedEvent& e) {
    auto event = contracts.Decode(e);
    if (!event.ok()) return Refused(event.error().message());
    auto ended = [&](const domain::Id& contract) {
      if (auto facts = directory.FindContract(contract)) {
        book.ContractEnded(facts->customer_id.value, contract.value);
        Lifecycle(facts->customer_id.value, domain::LifecycleTrigger::kContractEnded, e);
      }
    };
    std::visit(Overloaded{
                   [&](const domain::ContractSigned& c) {
                     book.ContractSigned(c.customer_id.value, c.contract_id.value);
                     Lifecycle(c.customer_id.value, domain::LifecycleTrigger::kContractSigned, e);
                   },
                   [&](const domain::ContractCompleted& c) { ended(c.contract_id); },
                   [&](const domain::ContractTerminated& c) { ended(c.contract_id); },
                   [](const auto&) {},
               },
               *event);
  }

  void OnContact(const RecordedEvent& e) {
    auto event = contacts.Decode(e);
    if (!event.ok()) return Refused(event.error().message());
    if (const auto* added = std::get_if<domain::ContactAdded>(&*event)) {
      Lifecycle(added->customer_id.value, domain::LifecycleTrigger::kEngaged, e);
    }
  }

  void OnCustomer(const RecordedEvent& e) {
    auto event = customers.Decode(e);
    if (!event.ok()) return Refused(event.error().message());
    if (const auto* merged = std::get_if<domain::CustomerDuplicateMerged>(&*event)) {
      Issue(domain::FollowUpOf(*merged), "merge-" + e.id, e, "system");
    }
  }

  void OnLead(const RecordedEvent& e) {
    auto event = leads.Decode(e);
    if (!event.ok()) return Refused(event.error().message());
    const auto* c = std::get_if<domain::LeadConverted>(&*event);
    if (!c) return;
    const std::string& actor = e.metadata.actor;
    if (c->new_customer) {
      domain::RegisterCustomer customer{};
      customer.id = c->customer_id;
      customer.name = c->company;
      customer.owner_id = c->owner_id;
      customer.source = c->source;
      if (!Issue(customer, "lead-customer-" + e.id, e, actor)) return;
    }
    domain::AddContact contact{};
    contact.id = c->contact_id;
    contact.customer_id = c->customer_id;
    contact.name = c->contact_name;
    contact.email = c->email;
    contact.phone = c->phone;
    if (!Issue(contact, "lead-contact-" + e.id, e, actor)) return;
    domain::OpenOpportunity opportunity{};
    opportunity.id = c->opportunity_id;
    opportunity.customer_id = c->customer_id;
    opportunity.title = c->opportunity_title;
    opportunity.source = c->source;
    opportunity.amount = c->amount;
    opportunity.expected_close_date = c->expected_close_date;
    opportunity.owner_id = c->owner_id;
    Issue(opportunity, "lead-opportunity-" + e.id, e, actor);
  }

  void Lifecycle(const std::string& customer, domain::LifecycleTrigger trigger,
                 const RecordedEvent& e) {
    if (!issue_) return;
    auto facts = directory.FindCustomer(domain::Id{customer});
    domain::Lifecycle current = domain::Lifecycle::kTarget;
    if (!facts || !domain::EnumFromName(facts->lifecycle, &current)) return;
    auto command = domain::DeriveLifecycle(domain::Id{customer}, current, trigger,
                                           book.Of(customer, e.time), options.lifecycle);
    if (command) Issue(*command, "lifecycle-" + e.id, e, "system");
  }

  // Issues a follow-up; true if it is done (now or before).
  template <typename C>
  bool Issue(const C& command, const std::string& key, const RecordedEvent& cause,
             const std::string& actor) {
    if (!issue_) return true;
    CommandRequest request{.type = std::string(C::kType),
                           .body = BodyOf(command, cause.time),
                           .actor = actor,
                           .expected_version = std::nullopt,
                           .idempotency_key = key,
                           .correlation_id = cause.metadata.correlation_id,
                           .causation_id = cause.id,
                           .authorize = {}};
    auto outcome = service.Execute(request);
    issued_now_ = true;
    if (outcome.ok() || AlreadyDone(outcome.error())) {
      std::lock_guard lock(mu);
      if (outcome.ok() && !outcome->event_ids.empty() && !outcome->replayed) ++stats.commands_issued;
      return true;
    }
    Refused(std::string(C::kType) + " after event " + cause.id + ": " + outcome.error().message);
    return false;
  }

  void Refused(std::string why) {
    std::lock_guard lock(mu);
    ++stats.commands_refused;
    stats.last_refusal = std::move(why);
  }

  CommandService& service;
  const domain::Directory& directory;
  const ProcessManagerOptions options;
  const uint64_t issued_up_to;  // follow-ups up to here were issued before this start
  EventDecoder<domain::OpportunityAggregate::Event> opportunities;
  EventDecoder<domain::ContractAggregate::Event> contracts;
  EventDecoder<domain::ContactAggregate::Event> contacts;
  EventDecoder<domain::CustomerAggregate::Event> customers;
  EventDecoder<domain::LeadAggregate::Event> leads;
  CustomerBusinessBook book;  // subscription thread only
  bool issue_ = false;        // subscription thread only
  bool issued_now_ = false;   // subscription thread only
  mutable std::mutex mu;
  ProcessManagerStats stats;
  std::unique_ptr<eventstore::CatchUpSubscription> subscription;  // last: starts the thread
};

ProcessManagers::ProcessManagers(const eventstore::EventLog& log, CommandService& service,
                                 const domain::Directory& directory, ProcessManagerOptions options)
    : impl_(std::make_unique<Impl>(log, service, directory, std::move(options))) {}

ProcessManagers::~ProcessManagers() { impl_->subscription->Stop(); }

ProcessManagerStats ProcessManagers::stats() const {
  std::lock_guard lock(impl_->mu);
  return impl_->stats;
}

bool ProcessManagers::WaitFor(uint64_t position, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (impl_->subscription->next().value <= position) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace dealstream::commands
