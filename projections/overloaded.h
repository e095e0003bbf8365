// Overloaded{lambdas...}: one visitor out of several lambdas, for
// std::visit over the typed event variants.
#pragma once

namespace dealstream::projections {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace dealstream::projections
