#pragma once
// The engine under read_paths: reading tasks run on worker threads, their outcomes are handed to the sink on
// the submitting thread in submission order. A fixed window of tasks in flight (submitted but not yet
// delivered) bounds memory: submit() delivers finished outcomes, waiting if needed, while the window is full.
// With one thread there are no workers: each task runs inside submit().

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hillcoach/io/batch_reader.hpp"
#include "hillcoach/io/byte_buffer.hpp"
#include "hillcoach/io/strava_export.hpp"

namespace hillcoach::io {

// One file to read: on disk (path) or already in memory (a zip member's bytes).
struct ReadTask {
    core::Location source;
    std::filesystem::path path;  // used when !in_memory
    bool in_memory = false;
    ByteBuffer bytes;            // used when in_memory
    bool named = false;          // named by the caller: read and report whatever it holds
    std::shared_ptr<const StravaExportIndex> strava;  // the export it belongs to, if any
    std::string strava_key;                           // its path inside the export
};

class ReadPipeline {
public:
    ReadPipeline(const ReadOptions& options, const OutcomeSink& sink, const OutcomeWorker& worker);
    ReadPipeline(const ReadPipeline&) = delete;
    ReadPipeline& operator=(const ReadPipeline&) = delete;
    ~ReadPipeline();

    void submit(ReadTask&& task);
    // An outcome known without reading (a missing path, a skipped member), delivered in its turn.
    void submit_outcome(ReadOutcome&& outcome);
    // Delivers everything still in flight.
    void finish();
    // An empty buffer for an in-memory task, reusing one a finished task gave back.
    ByteBuffer take_buffer();

    const BatchSummary& summary() const { return m_summary; }

private:
    struct Finished {
        bool ignored = false;
        ReadOutcome outcome;
        std::size_t activities = 0;  // as read (the caller's worker may drop them once it is done with them)
    };

    void worker_loop();
    void deliver(Finished&& finished);
    // Delivers finished outcomes in order; waits for the next one while more than `max_in_flight` are out.
    void drain(std::uint64_t max_in_flight);
    Finished run(ReadTask& task);
    void process(Finished& finished);

    const ReadOptions& m_options;
    const OutcomeSink& m_sink;
    const OutcomeWorker& m_worker;
    BatchSummary m_summary;
    unsigned m_threads = 1;
    std::uint64_t m_window = 1;

    std::mutex m_mutex;
    std::condition_variable m_work_ready;
    std::condition_variable m_result_ready;
    std::deque<std::pair<std::uint64_t, ReadTask>> m_queue;
    std::map<std::uint64_t, Finished> m_finished;
    std::vector<ByteBuffer> m_spare_buffers;
    std::uint64_t m_next_seq = 0;
    std::uint64_t m_next_delivery = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

}  // namespace hillcoach::io
