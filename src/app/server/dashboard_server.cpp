#include "app/server/dashboard_server.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <exception>
#include <fstream>
#include <functional>
#include <optional>
#include <thread>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include "app/server/api_json.hpp"
#include "app/server/history_json.hpp"
#include "app/common/import_record.hpp"
#include "app/server/static_assets.hpp"
#include "hillcoach/core/time.hpp"
#include "hillcoach/io/read.hpp"
#include "hillcoach/plan/plan_json.hpp"
#include "hillcoach/report/activity_charts.hpp"
#include "hillcoach/report/activity_report.hpp"
#include "hillcoach/report/history_report.hpp"
#include "hillcoach/store/store.hpp"

namespace hillcoach::app::server {
namespace {

constexpr const char* k_json = "application/json";
// The dashboard page may run its own script (app.js) and nothing from anywhere else.
constexpr const char* k_page_policy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// A report opened from the dashboard runs nothing at all (as the file `hillcoach report` writes).
constexpr const char* k_report_policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

void send_json(httplib::Response& res, int status, const Json& body) {
    res.status = status;
    res.set_content(body.dump(), k_json);
}

void send_error(httplib::Response& res, int status, std::string_view message) {
    send_json(res, status, error_json(status, message));
}

std::optional<std::int64_t> parse_id(const std::string& text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return id;
}

std::optional<double> parse_number(const std::string& text) {
    double v = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool has_saved_plan(const ServerOptions& options) {
    std::error_code ec;
    return !options.plan_file.empty() && std::filesystem::is_regular_file(options.plan_file, ec);
}

core::Expected<plan::Plan> read_saved_plan(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const Json j = Json::parse(in, nullptr, false);
    if (!in.good() && !in.eof()) {
        return core::make_error(core::ErrorCode::io_error, core::Location{.file = file.string()},
                                "cannot read the saved plan");
    }
    if (j.is_discarded()) {
        return core::make_error(core::ErrorCode::invalid_argument, core::Location{.file = file.string()},
                                "the saved plan is not JSON");
    }
    return plan::plan_from_json(j, file.string());
}

std::optional<report::UnitFormat> units_of(const httplib::Request& req, report::UnitSystem fallback) {
    if (!req.has_param("units")) return report::UnitFormat(fallback);
    const auto system = report::unit_system_from_text(req.get_param_value("units"));
    if (!system) return std::nullopt;
    return report::UnitFormat(*system);
}

// The list's filters from the query string; the message of the first bad one otherwise.
std::variant<ActivityFilter, std::string> filter_of(const httplib::Request& req) {
    ActivityFilter f;
    if (req.has_param("session")) {
        const std::string v = req.get_param_value("session");
        for (int t = 0; t <= static_cast<int>(analysis::SessionType::unknown); ++t) {
            if (analysis::to_string(static_cast<analysis::SessionType>(t)) == v) {
                f.session = static_cast<analysis::SessionType>(t);
            }
        }
        if (!f.session) return "unknown session type '" + v + "'";
    }
    if (req.has_param("sport")) {
        const std::string v = req.get_param_value("sport");
        for (int s = 0; s <= static_cast<int>(core::Sport::unknown); ++s) {
            if (core::to_string(static_cast<core::Sport>(s)) == v) f.sport = static_cast<core::Sport>(s);
        }
        if (!f.sport) return "unknown sport '" + v + "'";
    }
    for (const char* key : {"from", "to"}) {
        if (!req.has_param(key)) continue;
        const std::string v = req.get_param_value(key);
        // A bare date is that day's start in UTC.
        const auto t = core::parse_iso8601(v.size() == 10 ? v + "T00:00:00Z" : v);
        if (!t) return fmt::format("{} must be a date or time like 2024-03-01 (got '{}')", key, v);
        (std::string_view(key) == "from" ? f.from_s : f.to_s) = t->unix_s;
    }
    if (req.has_param("min_ascent_m")) {
        f.min_ascent_m = parse_number(req.get_param_value("min_ascent_m"));
        if (!f.min_ascent_m) return "min_ascent_m must be a number of metres";
    }
    if (req.has_param("limit")) {
        const auto limit = parse_id(req.get_param_value("limit"));
        if (!limit || *limit < 1 || *limit > 100000) return "limit must be 1..100000";
        f.limit = static_cast<std::size_t>(*limit);
    }
    if (req.has_param("q")) f.text = req.get_param_value("q");
    return f;
}

// The extension an upload is kept under: the request's name's own when it is one hillcoach reads (only as a
// hint for a person looking at the folder: the content is sniffed when read), else the format read.
std::string upload_extension(const std::string& name, core::FileFormat format) {
    std::string lower(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* ext : {".gpx.gz", ".tcx.gz", ".fit.gz", ".gpx", ".tcx", ".fit"}) {
        if (lower.ends_with(ext)) return ext;
    }
    return "." + std::string(core::to_string(format));
}

// Writes the upload's bytes to `<db>.uploads/<hash><ext>` (whole, or not at all: a temporary file renamed
// into place) unless that file is already there; returns its path.
core::Expected<std::filesystem::path> keep_upload(const std::filesystem::path& db, std::string_view bytes,
                                                  const std::string& hash, const std::string& ext) {
    // The name is made here from io's hex hash; anything else would be a bug, never a path from the request.
    const bool hex = !hash.empty() && std::all_of(hash.begin(), hash.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (!hex) return core::make_error(core::ErrorCode::io_error, {.file = "upload"}, "upload without a content hash");
    const std::filesystem::path folder = uploads_folder(db);
    const std::filesystem::path target = folder / (hash + ext);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return core::make_error(core::ErrorCode::io_error, {.file = folder.string()},
                                "cannot create the uploads folder: " + ec.message());
    }
    if (std::filesystem::exists(target, ec)) return target;
    const std::filesystem::path temporary =
        folder / fmt::format(".{}{}.{}.tmp", hash, ext, std::hash<std::thread::id>{}(std::this_thread::get_id()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::filesystem::remove(temporary, ec);
            return core::make_error(core::ErrorCode::io_error, {.file = target.string()}, "cannot write the upload");
        }
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return core::make_error(core::ErrorCode::io_error, {.file = target.string()}, "cannot keep the upload");
    }
    return target;
}

double now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

UploadOutcome store_error(const core::Error& error) {
    // The message names the database or uploads folder: the server's own files, on the user's machine.
    return {.status = 500, .json = error_json(500, "cannot import into the history: " + error.message()).dump()};
}

}  // namespace

std::filesystem::path uploads_folder(const std::filesystem::path& db) {
    return std::filesystem::path(db.string() + ".uploads");
}

UploadOutcome import_upload(ActivityLibrary& library, std::string bytes, const std::string& name,
                            const analysis::AnalysisOptions& options, std::size_t max_bytes,
                            const std::filesystem::path& store) {
    // The HTTP server refuses a larger request before reading it (set_payload_max_length); the limit is kept
    // here too so that every caller (the upload fuzz target, a part of a multipart form) has it.
    if (bytes.size() > max_bytes) {
        return {.status = 413,
                .json = error_json(413, fmt::format("{}: {} bytes is larger than the upload limit ({} bytes)",
                                                    name.empty() ? std::string("upload") : name, bytes.size(),
                                                    max_bytes))
                            .dump()};
    }
    io::ReadOptions read;
    read.limits.max_file_bytes = max_bytes;
    read.limits.max_decompressed_bytes = std::max<std::size_t>(max_bytes, std::size_t{256} << 20);
    // The name is only shown and used as a format hint: it never names a place on disk.
    const core::Location source{.file = name.empty() ? std::string("upload") : name};
    // The reader parses in place: the bytes kept for the store are a copy made before.
    const std::string original = store.empty() ? std::string() : bytes;
    auto activities = io::read_bytes(std::span<char>(bytes.data(), bytes.size()), source, read);
    if (!activities) {
        return {.status = 422, .json = error_json(422, activities.error().message()).dump()};
    }
    if (!store.empty()) {
        // Kept under a made-up name, an unnamed activity keeps the uploaded file's name as its own (stored,
        // so that it reads the same after a restart).
        const std::string shown = std::filesystem::path(name).filename().string();
        for (auto& activity : *activities) {
            if (activity.metadata.name.empty()) activity.metadata.name = shown;
        }
    }
    std::vector<analysis::ActivityAnalysis> analyses;
    for (const auto& activity : *activities) analyses.push_back(analysis::analyze(activity, options));
    std::vector<std::optional<std::int64_t>> ids(activities->size());
    std::vector<bool> stored_new(activities->size(), true);
    if (!store.empty() && !activities->empty()) {
        const auto& first = activities->front().metadata;
        const auto kept = keep_upload(store, original, first.content_hash, upload_extension(name, first.format));
        if (!kept) return store_error(kept.error());
        std::vector<store::ImportRecord> records;
        const double at_s = now_s();
        for (std::size_t i = 0; i < activities->size(); ++i) {
            (*activities)[i].metadata.source_path = kept->string();
            records.push_back(import_record((*activities)[i], analyses[i], static_cast<int>(i), at_s));
        }
        auto history = store::Store::open(store);
        if (!history) return store_error(history.error());
        // One import run, as `hillcoach import` logs it; its records in one transaction.
        const auto run = history->begin_import(at_s);
        if (!run) return store_error(run.error());
        const auto added = history->add(records, *run);
        if (!added) return store_error(added.error());
        if (const auto done = history->finish_import(*run, now_s(), 0); !done) return store_error(done.error());
        for (std::size_t i = 0; i < added->size(); ++i) {
            ids[i] = (*added)[i].id.value;
            stored_new[i] = (*added)[i].status == store::AddStatus::imported;
        }
    }
    Json imported = Json::array();
    for (std::size_t index = 0; index < activities->size(); ++index) {
        auto added = library.add(std::move((*activities)[index]), std::move(analyses[index]),
                                 static_cast<int>(index), ids[index]);
        added.is_new = added.is_new && stored_new[index];
        const auto entry = library.find(added.id);
        Json item = activity_list_item(*entry);
        item["new"] = added.is_new;
        imported.push_back(std::move(item));
    }
    return {.status = 200, .json = Json{{"imported", std::move(imported)}}.dump()};
}

DashboardServer::DashboardServer(ServerOptions options, std::shared_ptr<ActivityLibrary> library)
    : m_options(std::move(options)),
      m_library(std::move(library)),
      m_http(std::make_unique<httplib::Server>()) {
    const unsigned threads = m_options.threads == 0 ? 64U : m_options.threads;
    m_http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    m_http->set_payload_max_length(m_options.max_upload_bytes);
    m_http->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                 {"Referrer-Policy", "no-referrer"},
                                 {"Cache-Control", "no-store"}});
    add_routes();
}

DashboardServer::~DashboardServer() = default;

core::Expected<int> DashboardServer::bind() {
    const int port = m_options.port == 0
                         ? m_http->bind_to_any_port(m_options.address)
                         : (m_http->bind_to_port(m_options.address, m_options.port) ? m_options.port : -1);
    if (port < 0) {
        return core::make_error(core::ErrorCode::io_error, {.file = m_options.address},
                                fmt::format("cannot listen on {} port {} (in use, or not an address of this "
                                            "machine)",
                                            m_options.address, m_options.port));
    }
    return port;
}

bool DashboardServer::run() {
    return m_http->listen_after_bind();
}

void DashboardServer::stop() {
    m_http->stop();
}

void DashboardServer::add_routes() {
    httplib::Server& http = *m_http;
    ActivityLibrary& library = *m_library;
    const ServerOptions& options = m_options;

    // Errors: a route that set its own JSON keeps it; anything else (404, 413, 400 from the parser) gets one.
    // Typed: a lambda returning HandlerResponse would match both of httplib's set_error_handler overloads.
    const httplib::Server::HandlerWithResponse on_error = [](const httplib::Request&,
                                                             httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const char* message = res.status == 404   ? "no such page or API route"
                              : res.status == 413 ? "the upload is larger than the server's limit"
                              : res.status == 405 ? "method not allowed"
                                                  : "bad request";
        send_error(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
    };
    http.set_error_handler(on_error);
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        // The exception's text may name internals: the client learns only that it failed.
        send_error(res, 500, "internal error while answering this request");
    });

    for (const StaticAsset& asset : static_assets()) {
        http.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(asset.body), std::string(asset.content_type));
            if (asset.content_type.starts_with("text/html")) {
                res.set_header("Content-Security-Policy", k_page_policy);
            }
        });
    }

    http.Get("/api/status", [&library, &options](const httplib::Request&, httplib::Response& res) {
        send_json(res, 200,
                  Json{{"activities", library.size()},
                       {"units", std::string(report::to_string(options.units))},
                       {"max_upload_bytes", options.max_upload_bytes},
                       // The views this store can fill: the plan needs a plan saved next to the store.
                       {"features", {{"plan", has_saved_plan(options)}}},
                       {"version", "0.1.0"}});
    });

    http.Get("/api/activities", [&library](const httplib::Request& req, httplib::Response& res) {
        const auto filter = filter_of(req);
        if (const auto* message = std::get_if<std::string>(&filter)) return send_error(res, 400, *message);
        Json list = Json::array();
        for (const auto& e : library.list(std::get<ActivityFilter>(filter)))
            list.push_back(activity_list_item(*e));
        send_json(res, 200, Json{{"activities", std::move(list)}});
    });

    // The activity routes share the id lookup and the units parameter.
    const auto with_entry = [&library, &options](const httplib::Request& req, httplib::Response& res,
                                                 const auto& then) {
        const auto id = parse_id(req.matches[1].str());
        const auto entry = id ? library.find(*id) : nullptr;
        if (!entry) return send_error(res, 404, "no activity with id " + req.matches[1].str());
        const auto units = units_of(req, options.units);
        if (!units) return send_error(res, 400, "units must be metric or imperial");
        then(*entry, *units);
    };
    http.Get(R"(/api/activities/(\d{1,18}))",
             [with_entry](const httplib::Request& req, httplib::Response& res) {
                 with_entry(req, res, [&res](const LibraryEntry& e, const report::UnitFormat& units) {
                     send_json(res, 200, activity_detail(e, units));
                 });
             });
    http.Get(R"(/api/activities/(\d{1,18})/charts/([a-z_]{1,32})\.svg)",
             [with_entry](const httplib::Request& req, httplib::Response& res) {
                 with_entry(req, res, [&](const LibraryEntry& e, const report::UnitFormat& units) {
                     // Only the chart asked for is drawn.
                     if (auto chart =
                             report::activity_chart(req.matches[2].str(), e.activity, e.analysis, units)) {
                         return res.set_content(std::move(chart->svg), "image/svg+xml");
                     }
                     send_error(res, 404, "this activity has no chart '" + req.matches[2].str() + "'");
                 });
             });
    http.Get(R"(/api/activities/(\d{1,18})/report)",
             [with_entry](const httplib::Request& req, httplib::Response& res) {
                 with_entry(req, res, [&res](const LibraryEntry& e, const report::UnitFormat& units) {
                     res.set_content(report::activity_report_html(e.activity, e.analysis, {.units = units}),
                                     "text/html; charset=utf-8");
                     res.set_header("Content-Security-Policy", k_report_policy);
                 });
             });

    // The history: calendar weeks in the server's zone (or ?time_zone=), from every activity's digest.
    const auto with_history = [&library, &options](const httplib::Request& req, httplib::Response& res,
                                                   const auto& then) {
        std::string zone = req.has_param("time_zone") ? req.get_param_value("time_zone") : options.time_zone;
        if (zone.empty()) zone = training::Calendar::system_zone_name();
        const auto calendar = training::Calendar::make(zone);
        if (!calendar) return send_error(res, 400, "unknown time zone '" + zone + "'");
        const std::vector<training::ActivityDigest> digests = library.digests();
        then(digests, *calendar);
    };
    http.Get("/api/weeks", [with_history](const httplib::Request& req, httplib::Response& res) {
        with_history(req, res, [&res](const auto& digests, const training::Calendar& calendar) {
            send_json(res, 200, weeks_json(training::weeks(digests, calendar), calendar));
        });
    });
    http.Get(R"(/api/weeks/charts/([a-z_-]{1,32})\.svg)",
             [with_history, &options](const httplib::Request& req, httplib::Response& res) {
                 const auto system = req.has_param("units")
                                         ? report::unit_system_from_text(req.get_param_value("units"))
                                         : std::optional<report::UnitSystem>(options.units);
                 if (!system) return send_error(res, 400, "units must be metric or imperial");
                 with_history(req, res, [&](const auto& digests, const training::Calendar& calendar) {
                     const training::LoadSeries series = training::load_series(digests, calendar);
                     const auto rows = training::weeks(digests, calendar, series);
                     const std::string name = req.matches[1].str();
                     std::string svg;
                     if (name == "ascent")
                         svg = report::weekly_ascent_chart(rows, report::UnitFormat(*system));
                     if (name == "load") svg = report::weekly_load_chart(rows);
                     if (name.starts_with("ratio-")) {
                         if (const auto channel = training::channel_from_text(name.substr(6))) {
                             svg = report::acwr_chart(series, *channel);
                         }
                     }
                     if (svg.empty()) return send_error(res, 404, "no chart '" + name + "' for this history");
                     res.set_content(std::move(svg), "image/svg+xml");
                 });
             });
    http.Get("/api/load", [with_history](const httplib::Request& req, httplib::Response& res) {
        const std::string name = req.has_param("channel") ? req.get_param_value("channel") : "stress";
        const auto channel = training::channel_from_text(name);
        if (!channel) return send_error(res, 400, "unknown load channel '" + name + "'");
        with_history(req, res, [&](const auto& digests, const training::Calendar& calendar) {
            send_json(res, 200, load_json(training::load_series(digests, calendar), *channel));
        });
    });
    http.Get("/api/check", [with_history](const httplib::Request& req, httplib::Response& res) {
        with_history(req, res, [&res](const auto& digests, const training::Calendar& calendar) {
            send_json(res, 200, check_json(digests, calendar));
        });
    });
    // The saved plan as plan_json's document (docs/plan.md), read again on each request.
    http.Get("/api/plan", [&options](const httplib::Request&, httplib::Response& res) {
        if (!has_saved_plan(options))
            return send_error(res, 404, "no saved plan: make one with `hillcoach plan --db` for this history");
        const auto plan = read_saved_plan(options.plan_file);
        if (!plan) return send_error(res, 500, plan.error().message());
        send_json(res, 200, plan::plan_json(*plan));
    });

    http.Get("/api/climbs", [with_history](const httplib::Request& req, httplib::Response& res) {
        with_history(req, res, [&res](const auto& digests, const training::Calendar& calendar) {
            send_json(res, 200, climbs_json(digests, calendar));
        });
    });

    // Uploads: a multipart form (one or more files) or the file itself as the body (?name=run.fit).
    http.Post("/api/import", [&library, &options](const httplib::Request& req, httplib::Response& res) {
        std::vector<std::pair<std::string, std::string>> files;  // name, bytes
        if (req.is_multipart_form_data()) {
            for (const auto& [field, part] : req.files) files.emplace_back(part.filename, part.content);
        } else {
            files.emplace_back(req.get_param_value("name"), req.body);
        }
        if (files.empty() || (files.size() == 1 && files.front().second.empty())) {
            return send_error(res, 400, "no file in the request");
        }
        Json imported = Json::array();
        Json failed = Json::array();
        for (auto& [name, bytes] : files) {
            const UploadOutcome outcome =
                import_upload(library, std::move(bytes), name, options.analysis, options.max_upload_bytes,
                              options.store);
            Json j = Json::parse(outcome.json);
            if (outcome.status != 200) {
                failed.push_back(j["error"]);
                continue;
            }
            for (auto& item : j["imported"]) imported.push_back(std::move(item));
        }
        if (imported.empty()) return send_json(res, 422, Json{{"error", failed.front()}, {"failed", failed}});
        send_json(res, 200, Json{{"imported", std::move(imported)}, {"failed", std::move(failed)}});
    });
}

}  // namespace hillcoach::app::server
