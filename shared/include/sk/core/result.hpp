#pragma once
// Result<T, E>: the value or the error of an operation whose failure crosses a layer.
//
// Rules:
//  - Errors are values; exceptions thrown by libraries are caught at the boundary that called
//    them and turned into an Error.
//  - Result is [[nodiscard]]: a failure can't be ignored by accident.
//  - value() on an error (or error() on a value) is a bug and asserts.

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace sk {

// A failure a person can act on. `code` is stable and machine-readable ("model.invalid_field"),
// `message` is for humans and names the offending field or input; it never contains secrets or
// message content.
struct Error {
  std::string code;
  std::string message;

  friend bool operator==(const Error&, const Error&) = default;
};

template <class E>
struct Unexpected {
  E error;
};
template <class E>
Unexpected(E) -> Unexpected<E>;

// Shorthand for `return sk::fail("code", "message");` inside functions returning Result<T>.
inline Unexpected<Error> fail(std::string code, std::string message) {
  return Unexpected<Error>{Error{std::move(code), std::move(message)}};
}

template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  using error_type = E;

  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  // clang-format 14 would fold the requires clause into the declaration.
  // clang-format off
  template <class G>
    requires std::is_constructible_v<E, G>
  Result(Unexpected<G> e) : state_(std::in_place_index<1>, std::move(e.error)) {}  // NOLINT
  // clang-format on

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, E> state_;
};

template <class E>
class [[nodiscard]] Result<void, E> {
 public:
  Result() = default;
  // clang-format 14 would fold the requires clause into the declaration.
  // clang-format off
  template <class G>
    requires std::is_constructible_v<E, G>
  Result(Unexpected<G> e) : error_(std::move(e.error)), ok_(false) {}  // NOLINT
  // clang-format on

  [[nodiscard]] bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const E& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  E error_{};
  bool ok_ = true;
};

}  // namespace sk
