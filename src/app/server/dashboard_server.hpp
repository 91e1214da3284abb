#pragma once
// The dashboard's HTTP server (`hillcoach serve`): the embedded page (static_assets.hpp) and a JSON API under
// /api over an ActivityLibrary. docs/api.md documents every route.
//
// Safety, as the dashboard may be opened on a shared machine:
//   - it listens on 127.0.0.1 unless another address is asked for explicitly;
//   - uploads are parsed in memory (io::read_bytes); a body over the size limit is refused with 413 before it
//     is read. Over a store (`serve --db`), an upload that is an activity is kept so that its track can be
//     read again after a restart: under `<db>.uploads/<content hash><ext>`, a name the server makes (the
//     request's file name never names a place on disk), and imported into the store in one transaction;
//   - static files are a fixed table of embedded pages: no request path ever reaches the file system;
//   - every error is JSON with its status code; an exception becomes a 500 whose message says nothing of
//     the program's insides;
//   - pages carry a Content-Security-Policy that allows only the server's own script and no other origin.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "app/server/activity_library.hpp"
#include "hillcoach/analysis/analyze.hpp"
#include "hillcoach/core/expected.hpp"
#include "hillcoach/report/units.hpp"

namespace httplib {
class Server;
}

namespace hillcoach::app::server {

inline constexpr std::size_t k_default_max_upload_bytes = std::size_t{64} << 20;

struct ServerOptions {
    std::string address = "127.0.0.1";
    int port = 8421;  // 0: any free port (tests)
    std::size_t max_upload_bytes = k_default_max_upload_bytes;
    report::UnitSystem units = report::UnitSystem::metric;
    analysis::AnalysisOptions analysis{};
    unsigned threads = 0;  // request threads; 0: 64, enough for a browser and a load test's connections
    std::string time_zone{};  // the history's calendar (IANA name); empty: the machine's
    std::filesystem::path store{};  // the history database uploads are imported into; empty: memory only
    // The plan `hillcoach plan --db` saved for that history (`<db>.plan.json`): read on every /api/plan, so
    // a plan made or adapted while the server runs shows at once. Empty: no plan view.
    std::filesystem::path plan_file{};
};

// Where an upload is kept over the store at `db`: `<db>.uploads/`.
std::filesystem::path uploads_folder(const std::filesystem::path& db);

// What an upload became: per activity read, its id and whether it was new; or the reason it was refused.
struct UploadOutcome {
    int status = 200;  // 200 all read, 413 larger than the limit, 422 the bytes are not an activity file
    std::string json;
};

// Reads `bytes` (named `name` for messages and as a format hint only) in memory, analyses each activity and
// adds it to `library`. With a `store` path, the activities are first imported into that store (the same
// records and duplicate rules as `hillcoach import`) and the library entries take the store's ids; the
// status is 500 when the store cannot be written (nothing is added then).
UploadOutcome import_upload(ActivityLibrary& library, std::string bytes, const std::string& name,
                            const analysis::AnalysisOptions& options, std::size_t max_bytes,
                            const std::filesystem::path& store = {});

class DashboardServer {
  public:
    DashboardServer(ServerOptions options, std::shared_ptr<ActivityLibrary> library);
    ~DashboardServer();
    DashboardServer(const DashboardServer&) = delete;
    DashboardServer& operator=(const DashboardServer&) = delete;

    // Binds the address and port; returns the port bound (the one chosen when options.port is 0).
    core::Expected<int> bind();
    // Serves until stop() (from another thread or a signal handler's thread). Returns false on a failure.
    bool run();
    void stop();

  private:
    void add_routes();

    ServerOptions m_options;
    std::shared_ptr<ActivityLibrary> m_library;
    std::unique_ptr<httplib::Server> m_http;
};

}  // namespace hillcoach::app::server
