#include "eventstore/stream_name.h"

namespace dealstream::eventstore {
namespace {

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool IsCategoryChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

bool StreamName::IsValidCategory(std::string_view category) {
  if (category.empty() || category.size() > kMaxCategoryLength) return false;
  if (category[0] < 'a' || category[0] > 'z') return false;
  for (char c : category) {
    if (!IsCategoryChar(c)) return false;
  }
  return true;
}

bool StreamName::IsValidId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (char c : id) {
    if (!IsIdChar(c)) return false;
  }
  return true;
}

Result<StreamName> StreamName::Make(std::string_view category, std::string_view id) {
  if (!IsValidCategory(category)) {
    return Status::InvalidArgument(
        "stream category '" + std::string(category.substr(0, 40)) +
        "' is invalid: it must be 1-32 characters of a-z, 0-9 and '_', starting with a letter");
  }
  if (!IsValidId(id)) {
    return Status::InvalidArgument("id '" + std::string(id.substr(0, 80)) +
                                   "' is invalid: it must be 1-64 characters of A-Z, a-z, 0-9, "
                                   "'_', '.' and '-'");
  }
  std::string name;
  name.reserve(category.size() + 1 + id.size());
  name.append(category).push_back('-');
  name.append(id);
  return StreamName(std::move(name), category.size());
}

Result<StreamName> StreamName::Parse(std::string_view name) {
  const size_t dash = name.find('-');
  if (dash == std::string_view::npos) {
    return Status::InvalidArgument("stream name '" + std::string(name.substr(0, 100)) +
                                   "' is invalid: it must be '<category>-<id>'");
  }
  return Make(name.substr(0, dash), name.substr(dash + 1));
}

Status StreamName::ParseInto(std::string_view name, StreamName* out) {
  const size_t dash = name.find('-');
  if (dash == std::string_view::npos || !IsValidCategory(name.substr(0, dash)) ||
      !IsValidId(name.substr(dash + 1))) {
    return Parse(name).error();
  }
  out->name_.assign(name);
  out->dash_ = dash;
  return Status::Ok();
}

}  // namespace dealstream::eventstore
