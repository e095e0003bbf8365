// CrmProjection: the one Projection that feeds every CRM read model. Each
// event is decoded once — by the codec's event decoder (upcasters for old
// schema versions, then simdjson), into the typed domain event its stored
// type names, found through a table from type to decoder (no chain of
// string comparisons) — and then routed by std::visit to the books that
// care. Its snapshot is the books' state; its checkpoint is the
// worker's.
//
// In a rebuild the decoding is shared with the fold's reading thread
// (PrepareEvent), and ApplyPrepared only routes.
//
// Events it cannot use are counted, never fatal: types no read model
// needs, schema versions it does not know, payloads that fail to decode.
//
// Thread-safety: as Projection; books() may be read concurrently under the
// worker's shared lock.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "projections/books.h"
#include "projections/projection.h"

namespace dealstream::projections {

struct CrmProjectionStats {
  uint64_t applied = 0;        // events routed to at least one book
  uint64_t ignored_types = 0;  // types no read model needs
  uint64_t undecodable = 0;    // payloads the codec refused, or unknown schema versions
  std::string last_problem;    // the newest undecodable event, for operators
};

class CrmProjection final : public Projection {
 public:
  static constexpr std::string_view kName = "crm";
  // Bump whenever the books' snapshot layout or meaning changes.
  static constexpr uint32_t kSnapshotFormat = 4;

  CrmProjection();
  ~CrmProjection() override;

  std::string_view name() const override { return kName; }
  uint32_t snapshot_format() const override { return kSnapshotFormat; }
  void Apply(const eventstore::RecordedEvent& event) override;
  // In a rebuild, PrepareEvent decodes a payload (on either thread) and
  // ApplyPrepared routes the decoded events.
  void StartChunk(std::span<const eventstore::RecordedEvent> events, size_t slot) override;
  void PrepareEvent(const eventstore::RecordedEvent& event, size_t slot, size_t index) override;
  void ApplyPrepared(std::span<const eventstore::RecordedEvent> events, size_t slot,
                     const std::function<void(size_t)>& ready) override;
  void Save(std::string* out) const override;
  Status Load(std::string_view bytes) override;

  const CrmBooks& books() const { return *books_; }
  const CrmProjectionStats& stats() const { return stats_; }

 private:
  struct Decoded;  // Prepare's events per fold slot, and Apply's scratch event

  std::unique_ptr<CrmBooks> books_;
  std::unique_ptr<Decoded> decoded_;
  CrmProjectionStats stats_;
};

}  // namespace dealstream::projections
