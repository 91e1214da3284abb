#pragma once
// Transaction: every change to the store happens inside one. BEGIN IMMEDIATE takes the write lock at the
// start (so a second writer waits at BEGIN, under the busy timeout, rather than failing halfway through);
// commit() makes the changes durable; a Transaction destroyed without commit() rolls everything back, so an
// error returned from the middle of a batch leaves the database as it was before the batch.

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/database.hpp"

namespace hillcoach::store {

class Transaction {
public:
    static core::Expected<Transaction> begin(Database& db);

    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    core::Expected<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}

    Database* m_db = nullptr;  // null once committed, rolled back or moved from
};

}  // namespace hillcoach::store
