#include "hillcoach/store/import_writer.hpp"

#include <chrono>
#include <utility>

namespace hillcoach::store {
namespace {

ImportWriterOptions checked(ImportWriterOptions options) {
    if (options.batch_size == 0) options.batch_size = 1;
    return options;
}

}  // namespace

// m_thread is the last member: the thread starts once everything it reads is constructed.
ImportWriter::ImportWriter(Store& store, const ImportWriterOptions& options)
    : m_store(store), m_options(checked(options)), m_thread([this] { run(); }) {}

ImportWriter::~ImportWriter() {
    if (m_thread.joinable()) (void)finish();
}

void ImportWriter::push(ImportRecord&& record) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_error || m_closing) return;
        m_queue.push_back(std::move(record));
    }
    m_ready.notify_one();
}

ImportCounts ImportWriter::committed() const {
    const std::lock_guard lock(m_mutex);
    return m_counts;
}

core::Expected<ImportCounts> ImportWriter::finish() {
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_ready.notify_one();
    if (m_thread.joinable()) m_thread.join();
    if (m_error) return *m_error;
    return m_counts;
}

void ImportWriter::run() {
    using Clock = std::chrono::steady_clock;
    const auto max_delay = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(m_options.max_batch_delay_s));
    std::vector<ImportRecord> batch;
    std::optional<Clock::time_point> batch_started;
    std::unique_lock lock(m_mutex);
    for (;;) {
        while (!m_queue.empty() && batch.size() < m_options.batch_size) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
            if (!batch_started) batch_started = Clock::now();
        }
        const bool full = batch.size() >= m_options.batch_size;
        const bool due = batch_started && Clock::now() - *batch_started >= max_delay;
        if (!batch.empty() && (full || due || m_closing)) {
            lock.unlock();  // producers keep queueing while the batch is written
            write(batch);
            lock.lock();
            batch.clear();
            batch_started.reset();
            if (m_error) {
                m_queue.clear();
                return;
            }
            continue;
        }
        if (m_closing && m_queue.empty()) return;
        if (batch_started) {
            m_ready.wait_until(lock, *batch_started + max_delay);
        } else {
            m_ready.wait(lock, [this] { return m_closing || !m_queue.empty(); });
        }
    }
}

void ImportWriter::write(std::vector<ImportRecord>& batch) {
    auto results = m_store.add(batch, m_options.import_id);
    const std::lock_guard lock(m_mutex);
    if (!results) {
        m_error = results.error();
        m_failed = true;
        return;
    }
    for (const AddResult& r : *results) {
        switch (r.status) {
            case AddStatus::imported: ++m_counts.imported; break;
            case AddStatus::same_file: ++m_counts.same_file; break;
            case AddStatus::same_activity: ++m_counts.same_activity; break;
        }
    }
}

}  // namespace hillcoach::store
