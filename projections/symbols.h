// Symbols: the interned strings every read model of one projection shares,
// so that a code means the same record or name in all of them.
//   ids    record ids of every kind (opportunities, employees, departments,
//          customers, products, competitors, …); ids are unique strings
//          per kind, and codes are only compared within one kind
//   names  stage names, forecast categories, currencies, reasons, regions,
//          activity types and other short vocabularies
#pragma once

#include "projections/binary_io.h"
#include "projections/interner.h"

namespace dealstream::projections {

struct Symbols {
  Interner ids;
  Interner names;

  void Save(BinaryWriter& w) const {
    ids.Save(w);
    names.Save(w);
  }
  Status Load(BinaryReader& r) {
    if (Status s = ids.Load(r); !s.ok()) return s;
    return names.Load(r);
  }
};

// What every read model learns about the event being applied, besides its
// typed payload.
struct EventMeta {
  uint64_t position = 0;
  int64_t time = 0;      // business time, µs since the epoch (UTC)
  int64_t recorded = 0;  // recorded time, µs
  std::string_view subject;  // the aggregate id
  std::string_view actor;
};

}  // namespace dealstream::projections
