// The JSON types the strict decoder tells apart. Internal to the codec.
#pragma once

#include <string_view>

namespace dealstream::codec::internal {

enum class JsonType { kNull, kBool, kInteger, kBigInteger, kNumber, kString, kArray, kObject };

// "a string", "an object", ...: for messages such as "expected X, got Y".
std::string_view JsonTypeName(JsonType type);

}  // namespace dealstream::codec::internal
