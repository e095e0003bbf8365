// JsonWriter: writes the JSON renderings of read-model views directly
// (compact, no DOM), with Money in the contract's form
// {"amount": "125000.00", "currency": "USD"} and doubles with enough
// digits to round-trip. String escaping is the codec's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/values.h"
#include "projections/scope.h"

namespace dealstream::projections {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The key of the next member of the current object.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  JsonWriter& Money(const domain::Money& m);
  JsonWriter& OptionalDouble(const std::optional<double>& v) { return v ? Double(*v) : Null(); }
  JsonWriter& OptionalMoney(const std::optional<domain::Money>& m) { return m ? Money(*m) : Null(); }
  JsonWriter& OptionalString(const std::optional<std::string>& s) { return s ? String(*s) : Null(); }

  std::string Take() { return std::move(out_); }

 private:
  void Separate();

  std::string out_;
  // Per open container: true once it holds a member.
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

// "other_currencies": [{"currency", "count"}], shared by pipeline views.
void WriteOtherCurrencies(JsonWriter& w, const std::vector<CurrencyCount>& others);

}  // namespace dealstream::projections
