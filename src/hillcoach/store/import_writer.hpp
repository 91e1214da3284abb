#pragma once
// ImportWriter: the one thread that writes an import. Analysing threads hand it records (push, from any
// thread); it writes them to the store in batches, one transaction per batch: at most `batch_size`
// activities, and no more than `max_batch_delay_s` after the batch's first record arrived, so a slow import
// still commits its work as it goes. A batch is written whole or not at all (Store::add).
//
// Why one writer: SQLite takes one writer at a time anyway, and batching many activities into one
// transaction makes the commit's fsync cost per batch rather than per activity (hundreds of times fewer).
//
// After a write error the writer stops writing and drops what it is given; failed() tells the producers to
// stop, and finish() returns the error.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "hillcoach/core/expected.hpp"
#include "hillcoach/store/store.hpp"

namespace hillcoach::store {

inline constexpr std::size_t k_default_batch_size = 200;
inline constexpr double k_default_max_batch_delay_s = 1.0;

struct ImportCounts {
    std::int64_t imported = 0;
    std::int64_t same_file = 0;
    std::int64_t same_activity = 0;

    std::int64_t written() const { return imported + same_file + same_activity; }
};

struct ImportWriterOptions {
    std::size_t batch_size = k_default_batch_size;
    double max_batch_delay_s = k_default_max_batch_delay_s;
    std::optional<std::int64_t> import_id{};  // the run the sources belong to (Store::begin_import)
};

class ImportWriter {
public:
    // `store` must outlive the writer and not be used by anyone else until finish() returns.
    ImportWriter(Store& store, const ImportWriterOptions& options);
    ImportWriter(const ImportWriter&) = delete;
    ImportWriter& operator=(const ImportWriter&) = delete;
    ~ImportWriter();  // finishes if finish() was not called

    void push(ImportRecord&& record);
    bool failed() const { return m_failed.load(); }
    // What is committed so far (for progress displays; any thread).
    ImportCounts committed() const;

    // Writes what is left, stops the thread and returns the totals, or the first write error.
    core::Expected<ImportCounts> finish();

private:
    void run();
    void write(std::vector<ImportRecord>& batch);

    Store& m_store;
    ImportWriterOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<ImportRecord> m_queue;
    bool m_closing = false;
    ImportCounts m_counts;
    std::optional<core::Error> m_error;
    std::atomic<bool> m_failed{false};
    std::thread m_thread;
};

}  // namespace hillcoach::store
