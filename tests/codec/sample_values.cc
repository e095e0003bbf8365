#include "sample_values.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>

namespace dealstream::codec::testing {
namespace {

std::string SampleString(const FieldInfo& f) {
  size_t n = std::max<size_t>(f.min_length, 3);
  if (f.max_length > 0) n = std::min<size_t>(n, f.max_length);
  return std::string(n, 's');
}

int64_t SampleInt(const FieldInfo& f, int64_t type_min, int64_t type_max) {
  return std::clamp<int64_t>(1, std::max(f.min, type_min), std::min(f.max, type_max));
}

void FillValue(const ValueInfo& v, const FieldInfo& f, void* out) {
  switch (v.kind) {
    case Kind::kString: *static_cast<std::string*>(out) = SampleString(f); return;
    case Kind::kId: static_cast<domain::Id*>(out)->value = "id-1"; return;
    case Kind::kBool: *static_cast<bool*>(out) = true; return;
    case Kind::kInt32:
      *static_cast<int32_t*>(out) = static_cast<int32_t>(SampleInt(
          f, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()));
      return;
    case Kind::kInt64:
      *static_cast<int64_t*>(out) =
          SampleInt(f, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
      return;
    case Kind::kMoney: *static_cast<domain::Money*>(out) = {1234567, "USD"}; return;
    case Kind::kTimestamp: *static_cast<Timestamp*>(out) = Timestamp::FromMicros(1488360600123456); return;
    case Kind::kDate: *static_cast<domain::Date*>(out) = domain::Date{17226}; return;
    case Kind::kEnum: v.enum_set(out, v.enum_names.size() - 1); return;
    case Kind::kStruct: FillSample(v.struct_info(), out); return;
    case Kind::kOptional: FillValue(*v.element, f, v.optional_emplace(out)); return;
    case Kind::kVector: FillValue(*v.element, f, v.vector_append(out)); return;
    case Kind::kStringMap:
      (*static_cast<std::map<std::string, std::string>*>(out))["key"] = SampleString(f);
      return;
  }
}

}  // namespace

void FillSample(const StructInfo& info, void* out) {
  for (const FieldInfo& f : info.fields) FillValue(*f.value, f, f.get(out));
}

}  // namespace dealstream::codec::testing
