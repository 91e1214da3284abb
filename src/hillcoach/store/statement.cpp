#include "hillcoach/store/statement.hpp"

#include <limits>
#include <stdexcept>
#include <utility>

#include <sqlite3.h>

#include "hillcoach/store/database.hpp"

namespace hillcoach::store {

Statement::Statement(Statement&& other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_statement); }

// Binding fails only for an index outside the statement's parameters or a statement that is running: both
// are mistakes in our SQL, not conditions of the data, so they throw.
void Statement::check_bind(int index, int rc) {
    if (rc == SQLITE_OK) return;
    throw std::logic_error("SQLite bind of parameter " + std::to_string(index) + " failed: " +
                           sqlite3_errstr(rc) + " in " + sqlite3_sql(m_statement));
}

Statement& Statement::bind(int index, double value) {
    check_bind(index, sqlite3_bind_double(m_statement, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(index, sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT: SQLite copies the text, so the caller's string may go away before the step.
    check_bind(index, sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                          SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_bind(index, sqlite3_bind_null(m_statement, index));
    return *this;
}

core::Expected<bool> Statement::step() {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    core::Error e = sqlite_error(sqlite3_db_handle(m_statement), "statement failed");
    sqlite3_reset(m_statement);
    return e;
}

core::Expected<void> Statement::run() {
    for (;;) {
        core::Expected<bool> row = step();
        if (!row) return row.error();
        if (!*row) break;
    }
    sqlite3_reset(m_statement);
    return {};
}

void Statement::reset() { sqlite3_reset(m_statement); }

bool Statement::is_null(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }

double Statement::real(int column) const {
    if (is_null(column)) return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_statement, column);
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return sqlite3_column_double(m_statement, column);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_statement, column); }

std::optional<std::int64_t> Statement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return sqlite3_column_int64(m_statement, column);
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(m_statement, column);
    if (bytes == nullptr) return {};
    return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
}

}  // namespace hillcoach::store
