#include "app/server/dashboard_server.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support/test_data.hpp"

namespace hillcoach::app::server {
namespace {

using nlohmann::json;

// A server on a free loopback port, run on its own thread for the length of one test.
class RunningServer {
  public:
    explicit RunningServer(ServerOptions options = {}) : m_library(std::make_shared<ActivityLibrary>()) {
        options.address = "127.0.0.1";
        options.port = 0;
        options.threads = 4;
        m_server = std::make_unique<DashboardServer>(options, m_library);
        const auto port = m_server->bind();
        EXPECT_TRUE(port.has_value());
        m_port = port ? *port : 0;
        m_thread = std::thread([this] { m_server->run(); });
    }
    ~RunningServer() {
        m_server->stop();
        m_thread.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", m_port);
        c.set_read_timeout(60, 0);
        return c;
    }
    ActivityLibrary& library() { return *m_library; }

  private:
    std::shared_ptr<ActivityLibrary> m_library;
    std::unique_ptr<DashboardServer> m_server;
    int m_port = 0;
    std::thread m_thread;
};

std::string hilly_run_bytes() {
    return test::read_bytes(test::data_path("analysis/hilly-run.fit"));
}

// A GPX whose name and creator try to inject markup into any page that shows them.
std::string hostile_gpx() {
    std::string gpx = R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>&lt;script&gt;alert(1)&lt;/script&gt;</name><trkseg>
)";
    // 60 points 10 s and about 33 m apart (3.3 m/s), climbing 1 m each.
    for (int i = 0; i < 60; ++i) {
        char point[160];
        std::snprintf(
            point, sizeof point,
            "<trkpt lat=\"%.6f\" lon=\"7.100000\"><ele>%d</ele><time>2024-05-01T06:%02d:%02dZ</time>"
            "</trkpt>\n",
            46.1 + i * 0.0003, 500 + i, i * 10 / 60, i * 10 % 60);
        gpx += point;
    }
    return gpx + "</trkseg></trk></gpx>\n";
}

json body_json(const httplib::Result& r) {
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos) << r->body;
    return json::parse(r->body);
}

void expect_json_error(const httplib::Result& r, int status) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    const json j = body_json(r);
    EXPECT_EQ(j["error"]["status"], status) << r->body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
}

TEST(DashboardServer, ServesTheEmbeddedPageWithAStrictPolicy) {
    RunningServer server;
    auto client = server.client();
    const auto page = client.Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<script src=\"/app.js\" defer></script>"), std::string::npos);
    EXPECT_NE(page->body.find("name=\"viewport\""), std::string::npos);
    const std::string csp = page->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
    for (const char* path : {"/app.js", "/report.css", "/dashboard.css"}) {
        const auto r = client.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 200) << path;
        EXPECT_FALSE(r->body.empty()) << path;
    }
    // Nothing is fetched from another origin.
    for (const char* path : {"/", "/app.js"}) {
        const std::string body = client.Get(path)->body;
        EXPECT_EQ(body.find("http://"), std::string::npos) << path;
        EXPECT_EQ(body.find("https://"), std::string::npos) << path;
    }
}

TEST(DashboardServer, UploadListShowAndCharts) {
    RunningServer server;
    auto client = server.client();
    EXPECT_EQ(body_json(client.Get("/api/status"))["activities"], 0);

    const auto upload =
        client.Post("/api/import?name=hilly-run.fit", hilly_run_bytes(), "application/octet-stream");
    ASSERT_TRUE(upload);
    ASSERT_EQ(upload->status, 200) << upload->body;
    const json imported = body_json(upload)["imported"];
    ASSERT_EQ(imported.size(), 1U);
    EXPECT_EQ(imported[0]["id"], 1);
    EXPECT_EQ(imported[0]["new"], true);
    EXPECT_EQ(imported[0]["title"], "hilly-run.fit");  // a FIT file has no name: its file name
    EXPECT_EQ(imported[0]["climbs"], 1);
    // The same file again (as a multipart form, as the page sends it) is recognised, not added twice.
    httplib::MultipartFormDataItems form = {
        {"file", hilly_run_bytes(), "again.fit", "application/octet-stream"}};
    const json again = body_json(client.Post("/api/import", form));
    EXPECT_EQ(again["imported"][0]["id"], 1);
    EXPECT_EQ(again["imported"][0]["new"], false);
    EXPECT_EQ(server.library().size(), 1U);

    const json list = body_json(client.Get("/api/activities"))["activities"];
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["session"], "hilly_run");
    EXPECT_NEAR(list[0]["ascent_m"].get<double>(), 120.0, 15.0);
    EXPECT_EQ(body_json(client.Get("/api/activities?min_ascent_m=500"))["activities"].size(), 0U);
    EXPECT_EQ(body_json(client.Get("/api/activities?q=HILLY&session=hilly_run"))["activities"].size(), 1U);
    EXPECT_EQ(body_json(client.Get("/api/activities?session=hill_repeats"))["activities"].size(), 0U);
    EXPECT_EQ(body_json(client.Get("/api/activities?to=2000-01-01"))["activities"].size(), 0U);
    expect_json_error(client.Get("/api/activities?session=bogus"), 400);
    expect_json_error(client.Get("/api/activities?from=yesterday"), 400);

    const json detail = body_json(client.Get("/api/activities/1?units=imperial"));
    EXPECT_EQ(detail["units"], "imperial");
    EXPECT_EQ(detail["analysis"]["climbs"].size(), 1U);
    std::vector<std::string> charts;
    for (const auto& c : detail["charts"]) charts.push_back(c["id"]);
    EXPECT_EQ(charts, (std::vector<std::string>{"elevation", "outline", "pace", "heart_rate", "grades",
                                                "muscle_load"}));
    bool distance_in_miles = false;
    for (const auto& row : detail["summary"]) {
        if (row[0] == "distance") distance_in_miles = row[1].get<std::string>().ends_with(" mi");
    }
    EXPECT_TRUE(distance_in_miles);

    const auto svg = client.Get("/api/activities/1/charts/elevation.svg");
    ASSERT_TRUE(svg);
    EXPECT_EQ(svg->status, 200);
    EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(svg->body.c_str()));
    EXPECT_TRUE(doc.child("svg").attribute("viewBox"));
    EXPECT_TRUE(doc.select_node("//rect[@data-span='C1']"));

    const auto report = client.Get("/api/activities/1/report");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->status, 200);
    EXPECT_NE(report->body.find("<section id=\"elevation\">"), std::string::npos);
    EXPECT_EQ(report->get_header_value("Content-Security-Policy").find("script-src"), std::string::npos);

    expect_json_error(client.Get("/api/activities/99"), 404);
    expect_json_error(client.Get("/api/activities/1/charts/nothing.svg"), 404);
    expect_json_error(client.Get("/api/activities/1?units=furlongs"), 400);
}

// The history views over two uploads: weeks, load, check and climbs come from the training module.
TEST(DashboardServer, HistoryViews) {
    ServerOptions options;
    options.time_zone = "UTC";
    RunningServer server(options);
    auto client = server.client();
    ASSERT_EQ(client.Post("/api/import?name=hilly-run.fit", hilly_run_bytes(), "application/octet-stream")->status,
              200);
    const std::string repeats = test::read_bytes(test::data_path("analysis/hill-repeats.fit"));
    ASSERT_EQ(client.Post("/api/import?name=hill-repeats.fit", repeats, "application/octet-stream")->status, 200);

    const json weeks = body_json(client.Get("/api/weeks"));
    EXPECT_EQ(weeks["time_zone"], "UTC");
    ASSERT_FALSE(weeks["weeks"].empty());
    int activities = 0;
    double ascent = 0.0;
    for (const auto& w : weeks["weeks"]) {
        activities += w["activities"].get<int>();
        ascent += w["ascent_m"].get<double>();
    }
    EXPECT_EQ(activities, 2);
    const json list = body_json(client.Get("/api/activities"))["activities"];
    EXPECT_NEAR(ascent, list[0]["ascent_m"].get<double>() + list[1]["ascent_m"].get<double>(), 1e-6);
    expect_json_error(client.Get("/api/weeks?time_zone=Mars/Olympus_Mons"), 400);

    const json load = body_json(client.Get("/api/load?channel=eccentric"));
    EXPECT_EQ(load["channel"], "eccentric");
    ASSERT_FALSE(load["days"].empty());
    EXPECT_TRUE(load["days"][0]["acwr"].is_null());  // undefined until 28 days of history
    expect_json_error(client.Get("/api/load?channel=spleen"), 400);

    const json check = body_json(client.Get("/api/check"));
    EXPECT_TRUE(check["findings"].is_array());
    const json climbs = body_json(client.Get("/api/climbs"));
    EXPECT_EQ(climbs["time_zone"], "UTC");
    ASSERT_TRUE(climbs["climbs"].is_array());
    ASSERT_GE(climbs["climbs"].size(), 1U);  // the hilly run's climb at least
    // The shape of `hillcoach climbs --json` (app/common/climb_library_json.hpp): positions as {lat, lon}, efforts
    // dated in the server's zone.
    for (const auto& c : climbs["climbs"]) {
        for (const char* end : {"start", "top"}) {
            EXPECT_EQ(c[end].size(), 2U) << c[end];
            EXPECT_TRUE(c[end]["lat"].is_number() && c[end]["lon"].is_number()) << c[end];
        }
        ASSERT_TRUE(c["best"].is_object());
        EXPECT_EQ(c["best"]["date"].get<std::string>().size(), 10U) << c["best"];
    }
    for (std::size_t i = 1; i < climbs["climbs"].size(); ++i)
        EXPECT_GE(climbs["climbs"][i - 1]["runs"].get<int>(), climbs["climbs"][i]["runs"].get<int>());
    expect_json_error(client.Get("/api/climbs?time_zone=Mars/Olympus_Mons"), 400);

    for (const char* chart : {"ascent", "load"}) {
        const auto svg = client.Get(std::string("/api/weeks/charts/") + chart + ".svg");
        ASSERT_TRUE(svg) << chart;
        EXPECT_EQ(svg->status, 200) << chart;
        pugi::xml_document doc;
        EXPECT_TRUE(doc.load_string(svg->body.c_str())) << chart;
    }
    // Two runs on one day give no 28-day ratio: that chart is a 404, as JSON.
    expect_json_error(client.Get("/api/weeks/charts/ratio-stress.svg"), 404);
}

TEST(DashboardServer, UploadsOverTheLimitAreRefusedUnread) {
    ServerOptions options;
    options.max_upload_bytes = 4096;
    RunningServer server(options);
    auto client = server.client();
    expect_json_error(
        client.Post("/api/import?name=big.gpx", std::string(10000, 'x'), "application/octet-stream"), 413);
    EXPECT_EQ(server.library().size(), 0U);
}

TEST(DashboardServer, BadUploadsAreJsonErrors) {
    RunningServer server;
    auto client = server.client();
    const auto garbage = client.Post("/api/import?name=run.gpx", "<gpx><trk>", "application/octet-stream");
    expect_json_error(garbage, 422);
    EXPECT_NE(garbage->body.find("run.gpx"), std::string::npos);  // the message names the upload
    expect_json_error(client.Post("/api/import", "", "application/octet-stream"), 400);
    EXPECT_EQ(server.library().size(), 0U);
}

TEST(DashboardServer, NoPathReachesTheFileSystem) {
    RunningServer server;
    auto client = server.client();
    for (const char* path :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../etc/passwd",
          "/static/..%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5cwindows%5cwin.ini", "/etc/passwd",
          "/api/../../etc/passwd", "//etc/passwd", "/index.html%00.js", "/CMakeLists.txt",
          "/src/app/server/dashboard_server.cpp"}) {
        const auto r = client.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_NE(r->status, 200) << path;
        EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
        EXPECT_EQ(r->body.find("cmake_minimum_required"), std::string::npos) << path;
        if (r->status == 404) expect_json_error(r, 404);
    }
    expect_json_error(client.Delete("/api/activities/1"), 404);
    expect_json_error(client.Get("/api/nothing"), 404);
}

TEST(DashboardServer, FileTextIsEscapedWhereverItIsShown) {
    RunningServer server;
    auto client = server.client();
    const auto upload = client.Post("/api/import?name=%3Cb%3Eevil.gpx", hostile_gpx(), "application/gpx+xml");
    ASSERT_TRUE(upload);
    ASSERT_EQ(upload->status, 200) << upload->body;
    const json list = body_json(client.Get("/api/activities"))["activities"];
    ASSERT_EQ(list.size(), 1U);
    // JSON carries the name as data; the page sets it with textContent.
    EXPECT_EQ(list[0]["title"], "<script>alert(1)</script>");
    const auto report = client.Get("/api/activities/1/report");
    ASSERT_TRUE(report);
    pugi::xml_document doc;
    ASSERT_TRUE(
        doc.load_buffer(report->body.data(), report->body.size(), pugi::parse_default | pugi::parse_doctype))
        << report->body.substr(0, 400);
    EXPECT_FALSE(doc.select_node("//script"));
    EXPECT_FALSE(doc.select_node("//img"));
    EXPECT_FALSE(doc.select_node("//*[@onerror]"));
    EXPECT_STREQ(doc.select_node("//h1").node().text().get(), "<script>alert(1)</script>");
    for (const char* chart : {"elevation", "outline"}) {
        const auto svg = client.Get(std::string("/api/activities/1/charts/") + chart + ".svg");
        ASSERT_TRUE(svg) << chart;
        EXPECT_EQ(svg->status, 200) << chart;
        EXPECT_EQ(svg->body.find("<script"), std::string::npos) << chart;
    }
}

}  // namespace
}  // namespace hillcoach::app::server
