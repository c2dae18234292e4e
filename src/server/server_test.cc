#include "server/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/api_json.h"
#include "server/web_files.h"
#include "store/store.h"

namespace rashomon::server {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A fresh folder in the temp directory, removed on exit.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ =
        fs::temp_directory_path() / ("rsh_server_" + std::string(info->name()) + "_" +
                                     std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Document MakeDoc(const std::string& source, const std::string& title,
                 const std::vector<std::string>& paragraphs, const std::string& language) {
  Document d;
  d.source = source;
  d.url = "https://news.example/" + source;
  d.published = "2025-04-02T08:00:00Z";
  d.outlet = "Example Courier";
  d.authors = {"Mira Okafor"};
  d.language = language;
  d.title = title;
  d.raw = title + "\n";
  d.blocks.push_back({BlockKind::kTitle, title, 1});
  int line = 2;
  for (const std::string& p : paragraphs) {
    d.blocks.push_back({BlockKind::kBody, p, line++});
    d.raw += p + "\n";
  }
  d.removed.push_back({"Sponsored content", RemoveReason::kAdMarker, "ad_marker", line});
  return d;
}

// A database with three documents and two stories, built through the store.
struct Fixture {
  std::vector<int64_t> doc_ids;
  Json story_one;
};

Fixture BuildStore(const std::string& db) {
  Fixture f;
  auto store = store::Store::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Document> docs = {
      MakeDoc("a.txt", "Reservoir at Lindqvale reaches record level",
              {"The reservoir above Lindqvale rose to 97 percent of capacity on Monday.",
               "Engineers opened two spillway gates as a precaution."},
              "en"),
      MakeDoc("b.txt", "Lindqvale opens spillway gates",
              {"Two spillway gates were opened at the Lindqvale dam on Monday.",
               "The water authority said no homes were at risk."},
              "en"),
      MakeDoc("c.txt", "Apfelfest in Obermarkt beginnt",
              {"Das Apfelfest in Obermarkt beginnt am Freitag mit 40 Ständen."}, "de"),
  };
  docs[1].raw += std::string("bad byte \xff here\n");
  std::vector<bool> inserted;
  auto ids = (*store)->AddDocuments(docs, &inserted);
  EXPECT_TRUE(ids.ok());
  f.doc_ids = *ids;
  f.story_one = {{"id", 1},
                 {"title", "Reservoir at Lindqvale reaches record level"},
                 {"central", "a.txt"},
                 {"documents", {"a.txt", "b.txt"}},
                 {"languages", {"en"}},
                 {"brief", Json::array()},
                 {"claims", Json::array()},
                 {"conflicts",
                  {{{"kind", "quantity"},
                    {"about", "gates opened"},
                    {"sides", Json::array()},
                    {"explanation", "x"},
                    {"claims", Json::array()}}}},
                 {"quotes", Json::array()},
                 {"citations", Json::array()},
                 {"notes", Json::array()},
                 {"sources",
                  {{{"id", f.doc_ids[0]}, {"document", "a.txt"}},
                   {{"id", f.doc_ids[1]}, {"document", "b.txt"}}}}};
  EXPECT_TRUE((*store)
                  ->PutStory(1, "Reservoir at Lindqvale reaches record level", f.story_one,
                             {f.doc_ids[0], f.doc_ids[1]})
                  .ok());
  Json story_two = {
      {"id", 2}, {"title", "Apfelfest in Obermarkt beginnt"}, {"conflicts", Json::array()}};
  EXPECT_TRUE(
      (*store)->PutStory(2, "Apfelfest in Obermarkt beginnt", story_two, {f.doc_ids[2]}).ok());
  return f;
}

// Sends `request` as is over a new connection to 127.0.0.1:`port` and
// returns the whole response, so that paths reach the server unnormalised.
std::string RawRequest(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, 0);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  // Reads up to the end of the body (Content-Length), not to the end of the
  // connection: after some errors (414) the server keeps it open.
  std::string response;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof(buf), 0)) > 0;) {
    response.append(buf, n);
    const size_t head_end = response.find("\r\n\r\n");
    if (head_end == std::string::npos) continue;
    std::string head = response.substr(0, head_end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t length_at = head.find("\r\ncontent-length: ");
    if (length_at == std::string::npos) continue;
    const size_t length = std::strtoul(head.c_str() + length_at + 18, nullptr, 10);
    if (response.size() >= head_end + 4 + length) break;
  }
  ::close(fd);
  return response;
}

int RawStatus(const std::string& response) {
  // "HTTP/1.1 404 Not Found"
  return response.size() > 12 ? std::atoi(response.c_str() + 9) : -1;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "news.db").string();
    fixture_ = BuildStore(db_);
  }

  void StartServer(ServerOptions options = {}) {
    options.db_path = db_;
    options.port = 0;
    server_ = std::make_unique<Server>(options);
    Result<int> port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      server_->Wait();
    }
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }

  // GET `path`; expects a JSON answer with `status` and returns its body.
  Json GetJson(const std::string& path, int status) {
    httplib::Client c = Client();
    httplib::Result r = c.Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, status) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store") << path;
    Json j = Json::parse(r->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": " << r->body;
    if (status >= 400) {
      EXPECT_TRUE(j.is_object() && j.size() == 1 && j["error"].is_string()) << path << r->body;
    }
    return j;
  }

  httplib::Result Post(const std::string& body, const std::string& type = "application/json") {
    httplib::Client c = Client();
    return c.Post("/api/documents", body, type.c_str());
  }

  TempDir dir_;
  std::string db_;
  Fixture fixture_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
};

TEST_F(ServerTest, HealthzAndSecurityHeaders) {
  StartServer();
  EXPECT_EQ(GetJson("/healthz", 200), (Json{{"status", "ok"}, {"documents", 3}, {"stories", 2}}));
  httplib::Client c = Client();
  for (const char* path : {"/healthz", "/", "/api/nope", "/api/stories/999"}) {
    SCOPED_TRACE(path);
    httplib::Result r = c.Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer");
  }
}

TEST_F(ServerTest, ListsStories) {
  StartServer();
  Json all = GetJson("/api/stories", 200);
  EXPECT_EQ(all["limit"], 50);
  EXPECT_EQ(all["offset"], 0);
  ASSERT_EQ(all["stories"].size(), 2u);
  Json first;
  for (const Json& s : all["stories"]) {
    if (s["id"] == 1) first = s;
  }
  ASSERT_TRUE(first.is_object()) << all;
  EXPECT_EQ(first["title"], "Reservoir at Lindqvale reaches record level");
  EXPECT_EQ(first["documents"], 2);
  EXPECT_EQ(first["languages"], (Json{"en"}));
  EXPECT_EQ(first["conflicts"], 1);
  EXPECT_TRUE(first["updated_at"].is_string());

  Json page = GetJson("/api/stories?limit=1&offset=1", 200);
  EXPECT_EQ(page["limit"], 1);
  EXPECT_EQ(page["offset"], 1);
  EXPECT_EQ(page["stories"].size(), 1u);

  Json found = GetJson("/api/stories?q=spillway", 200);
  ASSERT_EQ(found["stories"].size(), 1u);
  EXPECT_EQ(found["stories"][0]["id"], 1);
  EXPECT_EQ(GetJson("/api/stories?q=Apfelfest", 200)["stories"][0]["id"], 2);

  for (const char* bad : {"limit=0", "limit=501", "limit=abc", "limit=-1", "limit=", "limit=1.5",
                          "offset=-1", "offset=x", "limit=99999999999999999999", "q=%22unclosed"}) {
    SCOPED_TRACE(bad);
    GetJson(std::string("/api/stories?") + bad, 400);
  }
}

TEST_F(ServerTest, GetsStoryAsStored) {
  StartServer();
  Json story = GetJson("/api/stories/1", 200);
  // When the story was written (store::Store::GetStory adds it).
  const std::string updated = story["updated_at"];
  EXPECT_EQ(updated.size(), 24u) << updated;
  EXPECT_EQ(updated.back(), 'Z');
  story.erase("updated_at");
  EXPECT_EQ(story, fixture_.story_one);
  EXPECT_EQ(GetJson("/api/stories/999", 404)["error"], "no story 999");
  GetJson("/api/stories/abc", 400);
  GetJson("/api/stories/0", 400);
  GetJson("/api/stories/-1", 400);

  // A story merged into another names it.
  auto store = store::Store::Open(db_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->DeleteStory(2, 1).ok());
  httplib::Client c = Client();
  httplib::Result r = c.Get("/api/stories/2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Json::parse(r->body),
            (Json{{"error", "story 2 merged into story 1"}, {"merged_into", 1}}));
}

TEST_F(ServerTest, GetsDocument) {
  StartServer();
  Json d = GetJson("/api/documents/" + std::to_string(fixture_.doc_ids[1]), 200);
  EXPECT_EQ(d["id"], fixture_.doc_ids[1]);
  EXPECT_EQ(d["source"], "b.txt");
  EXPECT_EQ(d["url"], "https://news.example/b.txt");
  EXPECT_EQ(d["title"], "Lindqvale opens spillway gates");
  EXPECT_EQ(d["language"], "en");
  EXPECT_EQ(d["published"], "2025-04-02T08:00:00Z");
  EXPECT_EQ(d["outlet"], "Example Courier");
  EXPECT_EQ(d["authors"], (Json{"Mira Okafor"}));
  EXPECT_EQ(d["format"], "text");
  // The invalid byte of raw arrives as U+FFFD.
  EXPECT_NE(d["raw"].get<std::string>().find("bad byte \xEF\xBF\xBD here"), std::string::npos);
  EXPECT_EQ(d["text"],
            "Two spillway gates were opened at the Lindqvale dam on Monday.\n\nThe water "
            "authority said no homes were at risk.");
  ASSERT_EQ(d["blocks"].size(), 3u);
  EXPECT_EQ(d["blocks"][1], (Json{{"kind", "body"},
                                  {"text",
                                   "Two spillway gates were opened at the Lindqvale dam "
                                   "on Monday."},
                                  {"line", 2}}));
  EXPECT_EQ(d["removed"], (Json{{{"text", "Sponsored content"},
                                 {"reason", "ad_marker"},
                                 {"rule", "ad_marker"},
                                 {"line", 4}}}));
  EXPECT_EQ(d["content_hash"].get<std::string>().size(), 32u);
  EXPECT_EQ(d["stories"], (Json{1}));
  GetJson("/api/documents/424242", 404);
  GetJson("/api/documents/x1", 400);
}

TEST_F(ServerTest, SearchesWithMarkedSnippets) {
  StartServer();
  Json r = GetJson("/api/search?q=spillway", 200);
  ASSERT_EQ(r["hits"].size(), 2u);
  for (const Json& h : r["hits"]) {
    EXPECT_TRUE(h["document_id"] == fixture_.doc_ids[0] || h["document_id"] == fixture_.doc_ids[1]);
    EXPECT_TRUE(h["title"].is_string());
    EXPECT_TRUE(h["rank"].is_number());
    EXPECT_NE(h["snippet"].get<std::string>().find("\x02spillway\x03"), std::string::npos)
        << h["snippet"];
  }
  EXPECT_EQ(GetJson("/api/search?q=spillway&limit=1", 200)["hits"].size(), 1u);
  EXPECT_EQ(GetJson("/api/search?q=nowhere", 200)["hits"], Json::array());
  GetJson("/api/search", 400);
  GetJson("/api/search?q=", 400);
  GetJson("/api/search?q=%20%20", 400);
  GetJson("/api/search?q=%22open", 400);
  GetJson("/api/search?q=dam&limit=0", 400);
}

TEST_F(ServerTest, UnknownRoutesAndMethods) {
  StartServer();
  GetJson("/api/nope", 404);
  GetJson("/api", 404);
  GetJson("/api/stories/1/extra", 404);
  GetJson("/no-such-file.js", 404);
  httplib::Client c = Client();
  struct {
    const char* method;
    const char* path;
    int status;
    const char* allow;
  } cases[] = {
      {"DELETE", "/api/stories/1", 405, "GET, HEAD"},
      {"PUT", "/api/documents", 405, "POST"},
      {"GET", "/api/documents", 405, "POST"},
      {"POST", "/api/stories", 405, "GET, HEAD"},
      {"POST", "/healthz", 405, "GET, HEAD"},
      {"PATCH", "/index.html", 405, "GET, HEAD"},
      {"DELETE", "/api/nothing", 404, ""},
  };
  httplib::Result head = c.Head("/api/stories/1");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  const std::string long_uri =
      RawRequest(port_, "GET /api/search?q=" + std::string(9000, 'a') +
                            " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(long_uri), 414) << long_uri;
  EXPECT_NE(long_uri.find("{\"error\":"), std::string::npos) << long_uri;
  for (const auto& k : cases) {
    SCOPED_TRACE(std::string(k.method) + " " + k.path);
    httplib::Request req;
    req.method = k.method;
    req.path = k.path;
    if (std::string(k.method) != "GET") req.body = "{}";
    req.set_header("Content-Type", "application/json");
    httplib::Result r = c.send(req);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, k.status);
    EXPECT_EQ(r->get_header_value("Allow"), k.allow);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_TRUE(Json::parse(r->body, nullptr, false)["error"].is_string()) << r->body;
  }
}

TEST_F(ServerTest, ServesEmbeddedWebFiles) {
  StartServer();
  const fs::path web = fs::path(RSH_SOURCE_DIR) / "web";
  ASSERT_TRUE(fs::exists(web / "index.html"));
  httplib::Client c = Client();
  httplib::Result index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->body, ReadFile(web / "index.html"));
  // Every file of web/ is embedded byte for byte.
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(web)) {
    const std::string name = fs::relative(entry.path(), web).generic_string();
    if (!entry.is_regular_file() || name[0] == '.' || name.find("/.") != std::string::npos) {
      continue;
    }
    SCOPED_TRACE(name);
    ++files;
    httplib::Result r = c.Get("/" + name);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, ReadFile(entry.path()));
    EXPECT_EQ(r->get_header_value("Content-Type"), internal::MimeTypeFor(name));
  }
  EXPECT_EQ(files, internal::kEmbeddedWebFileCount);
}

constexpr const char* kTraversals[] = {
    "/../etc/passwd",        "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2fetc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "//etc/passwd",          "/./index.html",
    "/..\\..\\etc\\passwd",  "/%252e%252e/etc/passwd",
    "/a/../../etc/passwd",
};

void ExpectNoFileLeak(int port, const char* path) {
  SCOPED_TRACE(path);
  const std::string response = RawRequest(
      port, std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const int status = RawStatus(response);
  EXPECT_TRUE(status == 400 || status == 403 || status == 404) << response;
  EXPECT_EQ(response.find("root:"), std::string::npos);
  EXPECT_NE(response.find("\"error\""), std::string::npos) << response;
}

TEST_F(ServerTest, EmbeddedPathsCannotLeaveTheWebRoot) {
  StartServer();
  for (const char* path : kTraversals) ExpectNoFileLeak(port_, path);
}

TEST_F(ServerTest, WebRootPathsCannotLeaveIt) {
  const fs::path root = dir_.path() / "www";
  fs::create_directories(root / "sub");
  std::ofstream(root / "index.html") << "<p>dev page</p>";
  std::ofstream(root / "sub" / "app.js") << "let x = 1;";
  std::ofstream(dir_.path() / "secret.txt") << "root:x:0:0";
  fs::create_symlink(dir_.path() / "secret.txt", root / "link.txt");
  fs::create_symlink(dir_.path(), root / "up");
  ServerOptions options;
  options.web_root = root.string();
  StartServer(options);
  httplib::Client c = Client();
  httplib::Result index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<p>dev page</p>");
  httplib::Result js = c.Get("/sub/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "let x = 1;");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  for (const char* path : kTraversals) ExpectNoFileLeak(port_, path);
  for (const char* path : {"/link.txt", "/up/secret.txt", "/sub/../../secret.txt",
                           "/%2e%2e/secret.txt", "/sub", "/missing.css"}) {
    ExpectNoFileLeak(port_, path);
  }
  EXPECT_EQ(RawStatus(RawRequest(port_,
                                 "GET /link.txt HTTP/1.1\r\nHost: x\r\n"
                                 "Connection: close\r\n\r\n")),
            403);
}

TEST_F(ServerTest, PostIngestsTextAndHtml) {
  StartServer();
  const Json text_doc = {
      {"url", "https://news.example/post-1"},
      {"title", "Night ferry timetable changes"},
      {"published", "2025-05-01"},
      {"text",
       "Night ferry timetable changes\n\nThe night ferry will leave at 23:40 from May onwards, "
       "the operator said.\n\nA line that reads <script>alert(1)</script> and "
       "<img src=x onerror=alert(1)> stays text.\n"}};
  httplib::Result r = Post(text_doc.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  Json created = Json::parse(r->body);
  EXPECT_EQ(created["inserted"], true);
  ASSERT_TRUE(created["id"].is_number_integer());
  ASSERT_TRUE(created["story"].is_number_integer()) << created;
  const int64_t id = created["id"];

  httplib::Client c = Client();
  httplib::Result got = c.Get("/api/documents/" + std::to_string(id));
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200);
  // The markup is escaped by JSON only: it arrives as the same characters.
  EXPECT_NE(got->body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(got->body.find("<img src=x onerror=alert(1)>"), std::string::npos);
  Json doc = Json::parse(got->body);
  EXPECT_EQ(doc["url"], "https://news.example/post-1");
  EXPECT_EQ(doc["source"], "https://news.example/post-1");
  EXPECT_NE(doc["text"].get<std::string>().find("<img src=x onerror=alert(1)> stays text."),
            std::string::npos)
      << doc["text"];
  const Json story = GetJson("/api/stories/" + created["story"].dump(), 200);
  ASSERT_TRUE(story["sources"].is_array()) << story;
  EXPECT_EQ(story["sources"][0]["id"], id);
  EXPECT_EQ(doc["stories"], (Json{created["story"]}));

  // The same document again: stored once.
  httplib::Result again = Post(text_doc.dump());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(Json::parse(again->body)["inserted"], false);
  EXPECT_EQ(Json::parse(again->body)["id"], id);

  const Json html_doc = {
      {"url", "https://news.example/post-2"},
      {"source", "post-2"},
      {"html",
       "<!doctype html><html><head><title>Tram line extended to the harbour</title>"
       "<script>alert(1)</script></head><body><article><h1>Tram line extended to the "
       "harbour</h1><p>The tram line now runs four stops further, to the harbour, the city "
       "council said on Thursday.</p><p>Trams will run every ten minutes on weekdays and every "
       "fifteen minutes at weekends.</p><img src=x onerror=alert(1)></article></body></html>"}};
  httplib::Result h = Post(html_doc.dump(), "application/json; charset=utf-8");
  ASSERT_TRUE(h);
  ASSERT_EQ(h->status, 201) << h->body;
  Json page = GetJson("/api/documents/" + Json::parse(h->body)["id"].dump(), 200);
  EXPECT_EQ(page["source"], "post-2");
  EXPECT_EQ(page["title"], "Tram line extended to the harbour");
  EXPECT_NE(page["text"].get<std::string>().find("every ten minutes"), std::string::npos);
  EXPECT_EQ(page["text"].get<std::string>().find("alert"), std::string::npos) << page["text"];
  EXPECT_EQ(GetJson("/api/search?q=tram", 200)["hits"].size(), 1u);
}

TEST_F(ServerTest, PostErrors) {
  ServerOptions options;
  options.max_body_bytes = 4096;
  StartServer(options);
  struct {
    const char* body;
    const char* type;
    int status;
  } cases[] = {
      {"{\"url\": \"u\", \"text\": \"t\"}", "text/plain", 415},
      {"{\"url\": \"u\", \"text\": \"t\"}", "application/x-www-form-urlencoded", 415},
      {"{\"url\": \"u\", \"text\": \"t\"}", "application/jsonx", 415},
      {"not json", "application/json", 400},
      {"{\"url\": \"u\", \"text\": ", "application/json", 400},
      {"[1, 2]", "application/json", 400},
      {"{\"text\": \"words\"}", "application/json", 400},
      {"{\"url\": 5, \"text\": \"words\"}", "application/json", 400},
      {"{\"url\": \"\", \"text\": \"words\"}", "application/json", 400},
      {"{\"url\": \"u\"}", "application/json", 400},
      {"{\"url\": \"u\", \"text\": 7}", "application/json", 400},
      {"{\"url\": \"u\", \"html\": \"<p>a</p>\", \"text\": \"a\"}", "application/json", 400},
      {"{\"url\": \"u\", \"text\": \"  \\n \"}", "application/json", 400},
      {"{\"url\": \"u\", \"text\": \"a\", \"title\": 3}", "application/json", 400},
      {"{\"url\": \"u\", \"text\": \"a\", \"authors\": [1]}", "application/json", 400},
      {"{\"url\": \"u\", \"text\": \"a\", \"x\": "
       "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
       "application/json", 400},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.body);
    httplib::Result r = Post(k.body, k.type);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, k.status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_TRUE(Json::parse(r->body, nullptr, false)["error"].is_string()) << r->body;
  }
  // Over the body limit: 413 with a JSON body, whatever the route.
  const std::string big =
      Json{{"url", "https://news.example/big"}, {"text", std::string(5000, 'w')}}.dump();
  for (const char* path : {"/api/documents", "/api/stories"}) {
    SCOPED_TRACE(path);
    httplib::Client c = Client();
    httplib::Result r = c.Post(path, big, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_TRUE(Json::parse(r->body, nullptr, false)["error"].is_string()) << r->body;
  }
  // The server still answers afterwards.
  GetJson("/healthz", 200);
}

TEST_F(ServerTest, ConcurrentReadsWhileIngesting) {
  StartServer();
  std::atomic<int> failures{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port_);
      c.set_keep_alive(true);
      c.set_read_timeout(60, 0);
      const std::string paths[] = {"/api/stories/1", "/api/stories?limit=5",
                                   "/api/documents/" + std::to_string(fixture_.doc_ids[t % 3]),
                                   "/api/search?q=Lindqvale"};
      for (int i = 0; i < 200 && !stop; ++i) {
        httplib::Result r = c.Get(paths[i % 4]);
        if (!r || r->status != 200) ++failures;
      }
    });
  }
  std::vector<std::thread> writers;
  std::atomic<int> created{0};
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 3; ++i) {
        const Json doc = {{"url", "https://news.example/w" + std::to_string(w * 10 + i)},
                          {"text", "Bulletin " + std::to_string(w * 10 + i) +
                                       "\n\nThe river ferry carried " + std::to_string(100 + i) +
                                       " passengers on route " + std::to_string(w) + " today.\n"}};
        httplib::Result r = Post(doc.dump());
        if (r && r->status == 201) ++created;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  stop = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(created, 6);
  EXPECT_EQ(GetJson("/api/search?q=ferry&limit=50", 200)["hits"].size(), 6u);
}

TEST(ServerStartTest, ReportsDatabaseAndBindErrors) {
  TempDir dir;
  ServerOptions options;
  options.port = 0;
  options.db_path = (dir.path() / "missing" / "news.db").string();
  Server missing_dir(options);
  EXPECT_FALSE(missing_dir.Start().ok());

  const fs::path not_db = dir.path() / "notes.db";
  std::ofstream(not_db) << std::string(4096, 'x');
  options.db_path = not_db.string();
  Server not_a_database(options);
  Result<int> r = not_a_database.Start();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss) << r.status().ToString();

  options.db_path = (dir.path() / "ok.db").string();
  Server first(options);
  Result<int> port = first.Start();
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  options.port = *port;
  Server second(options);
  Result<int> clash = second.Start();
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.status().code(), StatusCode::kUnavailable);
  first.Stop();
  first.Wait();

  options.port = 0;
  options.web_root = (dir.path() / "no-such-folder").string();
  Server bad_root(options);
  EXPECT_EQ(bad_root.Start().status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ServerOptions().host, "127.0.0.1");
}

TEST(ApiJsonTest, ParsesIntegers) {
  constexpr struct {
    const char* in;
    int64_t want;  // -1: refused.
  } kCases[] = {{"0", 0},   {"7", 7},     {"500", 500}, {"501", -1},
                {"", -1},   {"-1", -1},   {"+3", -1},   {" 3", -1},
                {"3 ", -1}, {"0x10", -1}, {"1e2", -1},  {"99999999999999999999", -1}};
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    Result<int64_t> r = internal::ParseInteger("limit", c.in, 0, 500);
    EXPECT_EQ(r.ok() ? *r : -1, c.want);
  }
}

TEST(ApiJsonTest, RecognisesJsonContentTypes) {
  EXPECT_TRUE(internal::IsJsonContentType("application/json"));
  EXPECT_TRUE(internal::IsJsonContentType("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(internal::IsJsonContentType(""));
  EXPECT_FALSE(internal::IsJsonContentType("text/json"));
  EXPECT_FALSE(internal::IsJsonContentType("application/json-seq"));
}

TEST(WebFilesTest, SafeRelativePaths) {
  constexpr struct {
    const char* in;
    bool want;
  } kCases[] = {{"index.html", true},   {"img/logo.svg", true}, {"", false},
                {"/etc/passwd", false}, {"../x", false},        {"a/../b", false},
                {"a/./b", false},       {"a//b", false},        {"a\\b", false},
                {"a/", false},          {"..", false},          {"...", true}};
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(internal::IsSafeRelativePath(c.in), c.want);
  }
  EXPECT_FALSE(internal::IsSafeRelativePath(std::string("a\0b", 3)));
}

TEST(WebFilesTest, MimeTypes) {
  EXPECT_EQ(internal::MimeTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(internal::MimeTypeFor("app.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(internal::MimeTypeFor("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(internal::MimeTypeFor("img/logo.svg"), "image/svg+xml");
  EXPECT_EQ(internal::MimeTypeFor("a.d/README"), "application/octet-stream");
  EXPECT_EQ(internal::MimeTypeFor("data.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace rashomon::server
