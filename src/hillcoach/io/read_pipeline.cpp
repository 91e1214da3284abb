#include "hillcoach/io/read_pipeline.hpp"

#include <exception>
#include <optional>

#include "hillcoach/io/file_loader.hpp"
#include "hillcoach/io/sniff.hpp"

namespace hillcoach::io {
namespace {

ByteBuffer& thread_head_buffer() {
    thread_local ByteBuffer buffer;
    return buffer;
}

std::string_view task_name(const ReadTask& task) {
    return task.in_memory ? std::string_view(task.source.entry) : std::string_view(task.source.file);
}

// A file that is not named like an activity is read only if its first bytes are GPX, TCX or FIT.
bool worth_reading(const ReadTask& task) {
    if (task.named || named_like_activity(task_name(task))) return true;
    if (task.in_memory) return is_activity_content(sniff_content(task.bytes.view()));
    ByteBuffer& head = thread_head_buffer();
    if (!load_file_head(task.path, task.source, k_sniff_bytes, head)) return false;
    return is_activity_content(sniff_content(head.view()));
}

}  // namespace

ReadPipeline::ReadPipeline(const ReadOptions& options, const OutcomeSink& sink, const OutcomeWorker& worker)
    : m_options(options), m_sink(sink), m_worker(worker) {
    m_threads = options.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : options.threads;
    // Four tasks per thread keep every worker busy while the sink waits on the oldest one.
    m_window = m_threads <= 1 ? 1 : 4ULL * m_threads;
    if (m_threads > 1) {
        m_workers.reserve(m_threads);
        for (unsigned i = 0; i < m_threads; ++i) m_workers.emplace_back([this] { worker_loop(); });
    }
}

ReadPipeline::~ReadPipeline() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work_ready.notify_all();
    for (auto& worker : m_workers) worker.join();
}

ReadPipeline::Finished ReadPipeline::run(ReadTask& task) {
    Finished done;
    done.outcome.source = task.source;
    // A bug or an exhausted resource in one file must not take the batch down: it becomes that file's error.
    try {
        if (!worth_reading(task)) {
            done.ignored = true;
            return done;
        }
        auto read = task.in_memory ? read_bytes(task.bytes.span(), task.source, m_options)
                                   : read_file(task.path, m_options);
        if (read) {
            done.outcome.activities = std::move(*read);
            if (task.strava) {
                if (const auto* info = task.strava->find(task.strava_key)) {
                    for (auto& activity : done.outcome.activities) apply_strava_info(*info, activity);
                }
            }
        } else {
            done.outcome.error = read.error();
        }
    } catch (const std::exception& e) {
        done.outcome.activities.clear();
        done.outcome.error = core::make_error(core::ErrorCode::internal_error, task.source,
                                              std::string("reading failed unexpectedly: ") + e.what());
    }
    process(done);
    return done;
}

void ReadPipeline::process(Finished& finished) {
    finished.activities = finished.outcome.activities.size();
    if (!m_worker || finished.ignored) return;
    try {
        m_worker(finished.outcome);
    } catch (const std::exception& e) {
        finished.outcome.activities.clear();
        finished.outcome.attachment.reset();
        finished.outcome.error = core::make_error(core::ErrorCode::internal_error, finished.outcome.source,
                                                  std::string("processing failed unexpectedly: ") + e.what());
    }
}

void ReadPipeline::worker_loop() {
    while (true) {
        std::pair<std::uint64_t, ReadTask> item;
        {
            std::unique_lock lock(m_mutex);
            m_work_ready.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) return;
            item = std::move(m_queue.front());
            m_queue.pop_front();
        }
        Finished done = run(item.second);
        {
            const std::lock_guard lock(m_mutex);
            if (item.second.in_memory) {
                item.second.bytes.clear();
                m_spare_buffers.push_back(std::move(item.second.bytes));
            }
            m_finished.emplace(item.first, std::move(done));
        }
        m_result_ready.notify_all();
    }
}

ByteBuffer ReadPipeline::take_buffer() {
    const std::lock_guard lock(m_mutex);
    if (m_spare_buffers.empty()) return ByteBuffer{};
    ByteBuffer buffer = std::move(m_spare_buffers.back());
    m_spare_buffers.pop_back();
    return buffer;
}

void ReadPipeline::deliver(Finished&& finished) {
    if (finished.ignored) return;
    ReadOutcome& outcome = finished.outcome;
    ++m_summary.inputs;
    m_summary.activities += finished.activities;
    m_summary.warnings += outcome.warnings.size();
    if (outcome.failed()) ++m_summary.failed;
    m_sink(std::move(outcome));
}

void ReadPipeline::drain(std::uint64_t max_in_flight) {
    // Delivers what is ready in order at once (so output streams), and waits only while too many are out.
    while (m_next_seq > m_next_delivery) {
        std::optional<Finished> next;
        {
            std::unique_lock lock(m_mutex);
            const bool ready = m_finished.count(m_next_delivery) > 0;
            if (!ready && m_next_seq - m_next_delivery <= max_in_flight) return;
            m_result_ready.wait(lock, [this] { return m_finished.count(m_next_delivery) > 0; });
            const auto it = m_finished.find(m_next_delivery);
            next.emplace(std::move(it->second));
            m_finished.erase(it);
        }
        ++m_next_delivery;
        deliver(std::move(*next));  // outside the lock: the sink may be slow (a terminal)
    }
}

void ReadPipeline::submit(ReadTask&& task) {
    if (m_workers.empty()) {
        Finished done = run(task);
        ++m_next_seq;
        ++m_next_delivery;
        if (task.in_memory) {
            task.bytes.clear();
            m_spare_buffers.push_back(std::move(task.bytes));
        }
        deliver(std::move(done));
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_queue.emplace_back(m_next_seq++, std::move(task));
    }
    m_work_ready.notify_one();
    drain(m_window);
}

void ReadPipeline::submit_outcome(ReadOutcome&& outcome) {
    Finished done{.ignored = false, .outcome = std::move(outcome), .activities = 0};
    process(done);
    if (m_workers.empty()) {
        ++m_next_seq;
        ++m_next_delivery;
        deliver(std::move(done));
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_finished.emplace(m_next_seq++, std::move(done));
    }
    drain(m_window);
}

void ReadPipeline::finish() { drain(0); }

}  // namespace hillcoach::io
