// Result<T, E>: a value or an error, returned instead of throwing for expected
// outcomes (validation failures, conflicts, not-found). Modelled on
// std::expected, which C++20 does not have yet.
//
// Thread-safety: a Result is a plain value; the usual rules for values apply.
#pragma once

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "base/status.h"

namespace dealstream {

// Wraps an error so that Result<T, E> can be built from it unambiguously,
// even when T and E are the same type.
template <typename E>
struct Unexpected {
  E error;
};
template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename T, typename E = Status>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  using error_type = E;

  Result(T value) : storage_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  template <typename U>
    requires std::is_constructible_v<E, U>
  Result(Unexpected<U> error)  // NOLINT
      : storage_(std::in_place_index<1>, E(std::move(error.error))) {}
  // A Status converts implicitly when E is Status, so that
  // `return Status::InvalidArgument(...)` reads naturally.
  Result(Status status)  // NOLINT
    requires std::is_same_v<E, Status>
      : storage_(std::in_place_index<1>, std::move(status)) {
    assert(!std::get<1>(storage_).ok() && "Result built from an OK status");
  }

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<0>(storage_); }
  const T& value() const& { return std::get<0>(storage_); }
  T&& value() && { return std::get<0>(std::move(storage_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  E& error() & { return std::get<1>(storage_); }
  const E& error() const& { return std::get<1>(storage_); }
  E&& error() && { return std::get<1>(std::move(storage_)); }

 private:
  std::variant<T, E> storage_;
};

}  // namespace dealstream
