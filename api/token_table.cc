#include "api/token_table.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>

namespace dealstream::api {

TokenTable::TokenTable(const eventstore::EventLog& log) {
  eventstore::ReadFilter filter{.categories = {std::string(TokenStream().category())},
                                .types = {kTokenGrantedType, kTokenRevokedType}};
  subscription_ = std::make_unique<eventstore::CatchUpSubscription>(
      log, eventstore::GlobalPosition{1}, std::move(filter),
      [this](const eventstore::RecordedEvent& event) {
        OnEvent(event);
        return true;
      },
      [](const Status& status) {
        spdlog::warn("token table: reading token events failed, retrying: {}", status.ToString());
      });
}

TokenTable::~TokenTable() { subscription_.reset(); }

void TokenTable::OnEvent(const eventstore::RecordedEvent& event) {
  if (event.stream != TokenStream()) return;
  auto decoded = DecodeTokenEvent(event);
  if (!decoded.ok()) {
    // A bad grant grants nothing; the log itself is immutable, so say so and go on.
    spdlog::error("token table: ignoring {}", decoded.error().ToString());
    return;
  }
  if (auto* grant = std::get_if<TokenGranted>(&*decoded)) {
    ApplyGrant(*grant, event.recorded_time);
  } else {
    ApplyRevoke(std::get<TokenRevoked>(*decoded));
  }
}

void TokenTable::ApplyGrant(const TokenGranted& grant, Timestamp recorded_time) {
  std::unique_lock lock(mu_);
  Entry& entry = entries_[grant.token_hash];
  if (entry.grant) return;
  entry.grant = TokenInfo{.token_id = grant.token_hash,
                          .employee_id = grant.employee_id,
                          .role = grant.role,
                          .granted_by = grant.granted_by,
                          .granted_at = recorded_time};
}

void TokenTable::ApplyRevoke(const TokenRevoked& revoke) {
  std::unique_lock lock(mu_);
  Entry& entry = entries_[revoke.token_hash];
  if (entry.revoked) return;
  entry.revoked = true;
  entry.revoked_by = revoke.revoked_by;
}

void TokenTable::AddProcessToken(std::string_view token, Principal principal) {
  std::unique_lock lock(mu_);
  principal.token_id = HashToken(token);
  std::string id = principal.token_id;
  process_tokens_[std::move(id)] = std::move(principal);
}

std::optional<Principal> TokenTable::Authenticate(std::string_view token) const {
  const std::string id = HashToken(token);
  std::shared_lock lock(mu_);
  if (auto it = process_tokens_.find(id); it != process_tokens_.end()) return it->second;
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.grant || it->second.revoked) return std::nullopt;
  const TokenInfo& info = *it->second.grant;
  return Principal{.employee_id = info.employee_id, .role = info.role, .token_id = id};
}

std::optional<TokenInfo> TokenTable::Find(std::string_view token_id) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(std::string(token_id));
  if (it == entries_.end() || !it->second.grant) return std::nullopt;
  TokenInfo info = *it->second.grant;
  info.revoked = it->second.revoked;
  info.revoked_by = it->second.revoked_by;
  return info;
}

std::vector<TokenInfo> TokenTable::List() const {
  std::vector<TokenInfo> out;
  {
    std::shared_lock lock(mu_);
    for (const auto& [id, entry] : entries_) {
      if (!entry.grant) continue;
      TokenInfo info = *entry.grant;
      info.revoked = entry.revoked;
      info.revoked_by = entry.revoked_by;
      out.push_back(std::move(info));
    }
  }
  std::sort(out.begin(), out.end(), [](const TokenInfo& a, const TokenInfo& b) {
    return std::tie(a.granted_at, a.token_id) < std::tie(b.granted_at, b.token_id);
  });
  return out;
}

bool TokenTable::HasActiveRole(Role role) const {
  std::shared_lock lock(mu_);
  return std::any_of(entries_.begin(), entries_.end(), [&](const auto& kv) {
    return kv.second.grant && !kv.second.revoked && kv.second.grant->role == role;
  });
}

bool TokenTable::caught_up() const { return subscription_->caught_up(); }

bool TokenTable::WaitCaughtUp(std::chrono::milliseconds timeout) const {
  return subscription_->WaitCaughtUp(timeout);
}

}  // namespace dealstream::api
