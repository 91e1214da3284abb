#pragma once
// Expected<T>: a value or an Error, with the part of std::expected's interface hillcoach uses.
// g++ 12 declares <expected> only under -std=c++2b, so this stand-in keeps the same names
// (has_value, value, error, operator*, operator->) to become an alias later.

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "hillcoach/core/error.hpp"

namespace hillcoach::core {

// Marks a value as the error alternative: `return Unexpected{make_error(...)};`
struct Unexpected {
    Error error;
};

template <typename T>
class [[nodiscard]] Expected {
public:
    using value_type = T;

    Expected(const T& value) : m_state(std::in_place_index<0>, value) {}                  // NOLINT
    Expected(T&& value) : m_state(std::in_place_index<0>, std::move(value)) {}            // NOLINT
    Expected(Unexpected unexpected) : m_state(std::in_place_index<1>, std::move(unexpected.error)) {}  // NOLINT
    Expected(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}          // NOLINT

    bool has_value() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & { return checked_value(); }
    const T& value() const& { return const_cast<Expected*>(this)->checked_value(); }
    T&& value() && { return std::move(checked_value()); }

    const Error& error() const& { return const_cast<Expected*>(this)->checked_error(); }
    Error&& error() && { return std::move(checked_error()); }

    T& operator*() & { return checked_value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(checked_value()); }
    T* operator->() { return &checked_value(); }
    const T* operator->() const { return &value(); }

private:
    T& checked_value() {
        if (!has_value()) throw std::logic_error("Expected::value() on an error: " + std::get<1>(m_state).message());
        return std::get<0>(m_state);
    }
    Error& checked_error() {
        if (has_value()) throw std::logic_error("Expected::error() on a value");
        return std::get<1>(m_state);
    }

    std::variant<T, Error> m_state;
};

// Expected<void>: success or an Error.
template <>
class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Unexpected unexpected) : m_error(std::move(unexpected.error)), m_failed(true) {}  // NOLINT
    Expected(Error error) : m_error(std::move(error)), m_failed(true) {}                      // NOLINT

    bool has_value() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return has_value(); }
    const Error& error() const {
        if (!m_failed) throw std::logic_error("Expected<void>::error() on success");
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace hillcoach::core
