#pragma once
// FIT messages to core::Activity. A MessageSink for fit::decode() that keeps what an activity needs, per
// chained FIT file: file_id, record, event (timer start/stop), lap, session, activity, sport and
// timestamp_correlation; and the hr messages of every chained file (a strap's stored heart rate). Records go
// straight into the Samples vectors, one sample per record message.
//
// finish() makes one Activity per session (a triathlon file gives one per leg, each with the records, laps
// and pauses from its start time until the next session's start), or one Activity from the records of a file
// without a session (a recording cut off before its summary). docs/formats/fit.md says field by field what is
// read and how broken files are treated.

#include <cstdint>
#include <memory>
#include <vector>

#include "hillcoach/core/activity.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/io/fit/fit_decoder.hpp"
#include "hillcoach/io/fit/fit_heart_beats.hpp"

namespace hillcoach::io::fit {

class ActivityBuilder final : public MessageSink {
  public:
    explicit ActivityBuilder(const core::Location& source);
    ~ActivityBuilder() override;
    ActivityBuilder(const ActivityBuilder&) = delete;
    ActivityBuilder& operator=(const ActivityBuilder&) = delete;

    void on_file(std::size_t file_index, const FileHeader& header, std::uint64_t offset) override;
    void on_definition(const MessageDefinition& definition, std::uint8_t local_type,
                       std::uint64_t data_bytes_left) override;
    void on_message(const Message& message) override;

    // The activities of every activity file that was read, with the decoder's warnings attached to the
    // activities of the file they concern. Errors: fit_not_activity when no chained file is an activity;
    // the decoder's stopping warning as an error when nothing at all was read; no_points for an activity file
    // with neither records nor a session. Heart rate from hr messages fills the samples that have none.
    core::Expected<std::vector<core::Activity>> finish(const DecodeResult& decoded);

    struct FileState;  // one chained FIT file's messages (fit_activity.cpp)

  private:
    core::Location m_source;
    std::vector<std::unique_ptr<FileState>> m_files;
    FileState* m_file = nullptr;
    HeartBeatCollector m_heart_beats;  // hr messages, merged into records without heart rate by finish()
};

}  // namespace hillcoach::io::fit
