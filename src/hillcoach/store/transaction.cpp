#include "hillcoach/store/transaction.hpp"

#include <utility>

namespace hillcoach::store {

core::Expected<Transaction> Transaction::begin(Database& db) {
    if (auto r = db.execute("BEGIN IMMEDIATE"); !r) return r.error();
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction() {
    // A failed ROLLBACK leaves nothing to do: SQLite has already rolled back (the cases where it cannot are
    // an I/O error, after which the journal rolls back on the next open).
    if (m_db != nullptr) (void)m_db->execute("ROLLBACK");
}

core::Expected<void> Transaction::commit() {
    Database* db = std::exchange(m_db, nullptr);
    if (auto r = db->execute("COMMIT"); !r) {
        (void)db->execute("ROLLBACK");
        return r.error();
    }
    return {};
}

}  // namespace hillcoach::store
