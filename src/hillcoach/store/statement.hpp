#pragma once
// Statement: one prepared SQLite statement, finalized when it goes out of scope. Binding is by 1-based
// parameter index (SQLite's convention); reading is by 0-based column index. Optional values bind and read
// as NULL, so a missing scalar in hillcoach (std::optional) is a NULL in the database, never a 0.
//
// SQLite stores a NaN double as NULL; a required double read back from NULL is NaN, so a NaN survives the
// round trip as NaN (the unit convention: NaN for a missing sample value).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hillcoach/core/expected.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hillcoach::store {

class Statement {
public:
    Statement() = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    // Binding never fails for a valid index (a wrong index is a programming error: std::logic_error).
    Statement& bind(int index, double value);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // One step: true when a row is ready to read, false when the statement is done.
    core::Expected<bool> step();
    // Steps to the end, for statements that return no rows (INSERT, UPDATE, DELETE).
    core::Expected<void> run();
    // Ready to run again with new bindings (bindings are kept until rebound).
    void reset();

    bool is_null(int column) const;
    double real(int column) const;  // NaN for NULL
    std::optional<double> optional_real(int column) const;
    std::int64_t integer(int column) const;  // 0 for NULL
    std::optional<std::int64_t> optional_integer(int column) const;
    std::string text(int column) const;  // "" for NULL

    bool is_prepared() const { return m_statement != nullptr; }

    // Takes ownership of a statement prepared by Database::prepare.
    explicit Statement(sqlite3_stmt* statement) : m_statement(statement) {}

private:
    void check_bind(int index, int rc);

    sqlite3_stmt* m_statement = nullptr;
};

}  // namespace hillcoach::store
