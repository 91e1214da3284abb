// Fuzz target for the dashboard's upload path: what POST /api/import does with each uploaded file
// (app/server/dashboard_server.hpp import_upload: the size limit, the sniff, the reader, the analysis, the
// library), then what `hillcoach import` does with the same activities (the digest written to a history
// database, and removed again so the file stays small over a long run).
//
// The multipart split itself is cpp-httplib's (Request::files): we parse no form data of our own.
//
// Checked on every input, beyond "no crash, no leak, no undefined behaviour": the answer is JSON with status
// 200 (each activity read has a library entry), 413 exactly when the bytes are over the limit, or 422 with a
// message; every activity read can be stored and deleted again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/server/activity_library.hpp"
#include "app/server/dashboard_server.hpp"
#include "hillcoach/store/store.hpp"
#include "hillcoach/training/activity_digest.hpp"

namespace {

using namespace hillcoach;
namespace server = hillcoach::app::server;

// Small, so that libFuzzer's inputs reach the limit too.
constexpr std::size_t k_max_upload_bytes = std::size_t{16} << 10;

// One history database per process, in the temporary folder, deleted at exit.
class ScratchStore {
  public:
    ScratchStore()
        : m_path(std::filesystem::temp_directory_path() /
                 ("hillcoach-upload-fuzz-" + std::to_string(::getpid()) + ".db")) {
        remove_files();
        auto opened = store::Store::open(m_path);
        if (!opened) std::abort();
        m_store.emplace(std::move(*opened));
    }
    ~ScratchStore() {
        m_store.reset();
        remove_files();
    }
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;
    store::Store& get() { return *m_store; }

  private:
    void remove_files() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(m_path.string() + suffix, ec);
    }
    std::filesystem::path m_path;
    std::optional<store::Store> m_store;
};

void require(bool condition) {
    if (!condition) std::abort();
}

// Writes each uploaded activity to the history as an import would, then deletes what was new.
void store_and_remove(const server::ActivityLibrary& library, const nlohmann::json& imported) {
    static ScratchStore scratch;
    std::vector<store::ImportRecord> records;
    int index = 0;
    for (const auto& item : imported) {
        const auto entry = library.find(item.at("id").get<std::int64_t>());
        require(entry != nullptr);
        store::ImportRecord r;
        r.digest = entry->digest;
        r.digest.id = {};
        r.session_reason = entry->analysis.session.reason;
        const auto& m = entry->activity.metadata;
        r.source = {.content_hash = m.content_hash,
                    .file_index = index++,
                    .path = m.source_path,
                    .format = std::string(core::to_string(m.format)),
                    .external_id = m.external_id,
                    .imported_at_s = 0.0};
        records.push_back(std::move(r));
    }
    if (records.empty()) return;
    auto added = scratch.get().add(records);
    require(added.has_value());
    for (const store::AddResult& a : *added) {
        if (a.status == store::AddStatus::imported) require(scratch.get().remove(a.id).has_value());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The name is only a hint for content the sniff does not recognise: vary it without spending input bytes.
    static const char* const k_names[] = {"upload", "run.gpx", "run.fit", "run.tcx.gz"};
    const std::string name = k_names[size % 4];
    using namespace hillcoach;
    namespace server = hillcoach::app::server;
    server::ActivityLibrary library;
    const server::UploadOutcome outcome =
        server::import_upload(library, std::string(reinterpret_cast<const char*>(data), size), name,
                              analysis::AnalysisOptions{}, k_max_upload_bytes);
    const auto json = nlohmann::json::parse(outcome.json, nullptr, /*allow_exceptions=*/false);
    require(!json.is_discarded());
    require((outcome.status == 413) == (size > k_max_upload_bytes));
    if (outcome.status != 200) {
        require(outcome.status == 413 || outcome.status == 422);
        require(json.at("error").at("message").is_string());
        require(library.size() == 0);
        return 0;
    }
    const auto& imported = json.at("imported");
    require(imported.size() == library.size());
    store_and_remove(library, imported);
    return 0;
}
