#pragma once
// Internal: a visitor made of lambdas, one per variant alternative (std::visit(Overloaded{...}, v)).

namespace sk::model::detail {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace sk::model::detail
