#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "collection/collection.h"
#include "extract/extractor.h"
#include "server/api_json.h"
#include "server/web_files.h"
#include "store/store.h"

namespace rashomon::server {
namespace {

using Json = nlohmann::json;
using internal::Dump;
using internal::ErrorJson;

constexpr char kJsonType[] = "application/json; charset=utf-8";
constexpr int kMaxListLimit = 500;
constexpr int kDefaultStoriesLimit = 50;
constexpr int kDefaultSearchLimit = 20;
// Largest file served from --web-root.
constexpr uint64_t kMaxWebFileBytes = uint64_t{64} << 20;

void SendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(Dump(body), kJsonType);
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status, ErrorJson(message));
}

void SendStatus(httplib::Response& res, const Status& status) {
  SendError(res, internal::HttpStatusFor(status.code()), status.message());
}

// The generic message of an error status httplib set itself (a body over
// the limit, a malformed request, a route nobody answered).
std::string_view DefaultMessage(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 415:
      return "unsupported media type";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal error" : "request failed";
  }
}

// The methods a path answers to ("" when no route has it): POST for
// /api/documents, GET (and HEAD) for the other API routes and for every
// path outside /api/ (the web page's files).
std::string_view AllowedMethods(std::string_view path) {
  if (path == "/api/documents") return "POST";
  if (path == "/healthz" || path == "/api/stories" || path == "/api/search") return "GET, HEAD";
  for (std::string_view prefix : {"/api/stories/", "/api/documents/"}) {
    if (path.substr(0, prefix.size()) == prefix) {
      const std::string_view id = path.substr(prefix.size());
      return !id.empty() && id.find('/') == std::string_view::npos ? "GET, HEAD" : "";
    }
  }
  if (path == "/api" || path.substr(0, 5) == "/api/") return "";
  return "GET, HEAD";
}

// The value of query parameter `name` parsed as an integer in [min, max],
// `fallback` when absent.
Result<int64_t> IntParam(const httplib::Request& req, const char* name, int64_t fallback,
                         int64_t min, int64_t max) {
  if (!req.has_param(name)) return fallback;
  return internal::ParseInteger(name, req.get_param_value(name), min, max);
}

// Store connections for the workers, one leased per request.
class ReaderPool {
 public:
  ReaderPool(std::string path, store::StoreOptions options)
      : path_(std::move(path)), options_(std::move(options)) {}

  // Opens `n` connections now, so that no request waits for an open (which
  // takes the write lock briefly to check the schema) while a POST writes.
  Status Fill(int n) {
    for (int i = 0; i < n; ++i) {
      RSH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::Store::Open(path_, options_));
      Release(std::move(s));
    }
    return Status::Ok();
  }

  // A connection, opened when none is free.
  Result<std::unique_ptr<store::Store>> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<store::Store> s = std::move(free_.back());
        free_.pop_back();
        return s;
      }
    }
    return store::Store::Open(path_, options_);
  }

  void Release(std::unique_ptr<store::Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

 private:
  const std::string path_;
  const store::StoreOptions options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

// A connection leased from a ReaderPool for one request.
class Reader {
 public:
  explicit Reader(ReaderPool* pool) : pool_(pool) {
    Result<std::unique_ptr<store::Store>> s = pool->Acquire();
    if (s.ok()) {
      store_ = std::move(s).value();
    } else {
      status_ = s.status();
    }
  }
  ~Reader() {
    if (store_) pool_->Release(std::move(store_));
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  const Status& status() const { return status_; }
  store::Store* operator->() { return store_.get(); }

 private:
  ReaderPool* pool_;
  std::unique_ptr<store::Store> store_;
  Status status_;
};

}  // namespace

class Server::Impl {
 public:
  explicit Impl(ServerOptions options) : options_(std::move(options)) {
    store::StoreOptions store_options;
    // Control characters mark matches, so snippets carry no HTML (docs/api.md).
    store_options.snippet_open = "\x02";
    store_options.snippet_close = "\x03";
    readers_ = std::make_unique<ReaderPool>(options_.db_path, store_options);
  }

  ~Impl() {
    Stop();
    Wait();
  }

  Result<int> Start();
  void Stop() {
    if (started_) http_.stop();
  }
  void Wait() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  Status CheckOptions() const;
  void Route();

  void Healthz(const httplib::Request& req, httplib::Response& res);
  void ListStories(const httplib::Request& req, httplib::Response& res);
  void GetStory(const httplib::Request& req, httplib::Response& res);
  void GetDocument(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void PostDocument(const httplib::Request& req, httplib::Response& res);
  void WebFile(const httplib::Request& req, httplib::Response& res);
  void NoRoute(const httplib::Request& req, httplib::Response& res);

  // Wraps a handler so that no exception reaches httplib: it becomes a 500.
  httplib::Server::Handler Guard(void (Impl::*handler)(const httplib::Request&,
                                                       httplib::Response&)) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      try {
        (this->*handler)(req, res);
      } catch (const std::exception& e) {
        SendError(res, 500, std::string("internal error: ") + e.what());
      } catch (...) {
        SendError(res, 500, "internal error");
      }
    };
  }

  const ServerOptions options_;
  std::unique_ptr<ReaderPool> readers_;
  httplib::Server http_;
  std::thread thread_;
  bool started_ = false;
  std::atomic<bool> listen_ended_{false};

  // Ingests are serialised on one collection, opened by the first POST.
  std::mutex writer_mu_;
  std::unique_ptr<collection::Collection> writer_;
};

Status Server::Impl::CheckOptions() const {
  if (options_.db_path.empty()) return InvalidArgumentError("no database path");
  if (options_.port < 0 || options_.port > 65535) {
    return InvalidArgumentError("port " + std::to_string(options_.port) + " is not 0 to 65535");
  }
  if (options_.threads < 1 || options_.threads > 1024) {
    return InvalidArgumentError("threads must be 1 to 1024");
  }
  if (options_.max_body_bytes == 0) return InvalidArgumentError("max body bytes must be positive");
  if (!options_.web_root.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options_.web_root, ec)) {
      return InvalidArgumentError("web root " + options_.web_root + " is not a folder");
    }
  }
  return Status::Ok();
}

Result<int> Server::Impl::Start() {
  RSH_CHECK(!started_);
  RSH_RETURN_IF_ERROR(CheckOptions());
  RSH_RETURN_IF_ERROR(readers_->Fill(options_.threads));
  Route();
  const int threads = options_.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(options_.max_body_bytes);
  http_.set_keep_alive_timeout(options_.keep_alive_seconds);
  // Without TCP_NODELAY, a response written in two parts (headers, body)
  // waits for the client's delayed ACK: 40 ms a request on Linux.
  http_.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which would let a second
  // server (of any program of this user) bind the same port and take half
  // of its connections; SO_REUSEADDR alone allows a quick restart only.
  http_.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http_.set_default_headers(
      {{"Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
       {"X-Content-Type-Options", "nosniff"},
       {"Referrer-Policy", "no-referrer"}});
  int port = options_.port;
  if (port == 0) {
    port = http_.bind_to_any_port(options_.host);
  } else if (!http_.bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return UnavailableError("cannot listen on " + options_.host + ":" +
                            std::to_string(options_.port));
  }
  started_ = true;
  thread_ = std::thread([this] {
    http_.listen_after_bind();
    listen_ended_ = true;
  });
  // Stop() does nothing before the accept loop runs, so wait for it.
  while (!http_.is_running() && !listen_ended_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!http_.is_running()) {
    thread_.join();
    return UnavailableError("the server on port " + std::to_string(port) + " stopped at once");
  }
  return port;
}

void Server::Impl::Route() {
  http_.Get("/healthz", Guard(&Impl::Healthz));
  http_.Get("/api/stories", Guard(&Impl::ListStories));
  http_.Get(R"(/api/stories/([^/]+))", Guard(&Impl::GetStory));
  http_.Get(R"(/api/documents/([^/]+))", Guard(&Impl::GetDocument));
  http_.Get("/api/search", Guard(&Impl::Search));
  http_.Post("/api/documents", Guard(&Impl::PostDocument));
  http_.Get(R"(/(.*))", Guard(&Impl::WebFile));
  // Other methods, and GET on a path that only takes POST: 405 or 404.
  http_.Post(R"(.*)", Guard(&Impl::NoRoute));
  http_.Put(R"(.*)", Guard(&Impl::NoRoute));
  http_.Patch(R"(.*)", Guard(&Impl::NoRoute));
  http_.Delete(R"(.*)", Guard(&Impl::NoRoute));
  http_.Options(R"(.*)", Guard(&Impl::NoRoute));

  // Errors httplib answers itself (413 over the body limit, 400, 414, 404)
  // get a JSON body too; handlers' own error bodies are kept.
  http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) SendError(res, res.status, DefaultMessage(res.status));
  });
  http_.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                 std::exception_ptr) { SendError(res, 500, "internal error"); });
}

void Server::Impl::Healthz(const httplib::Request&, httplib::Response& res) {
  Reader reader(readers_.get());
  if (!reader.status().ok()) {
    SendJson(res, 503, {{"status", "unavailable"}, {"error", reader.status().message()}});
    return;
  }
  const Result<int64_t> documents = reader->DocumentCount();
  if (!documents.ok()) return SendStatus(res, documents.status());
  const Result<int64_t> stories = reader->StoryCount();
  if (!stories.ok()) return SendStatus(res, stories.status());
  SendJson(res, 200, {{"status", "ok"}, {"documents", *documents}, {"stories", *stories}});
}

void Server::Impl::ListStories(const httplib::Request& req, httplib::Response& res) {
  const Result<int64_t> limit = IntParam(req, "limit", kDefaultStoriesLimit, 1, kMaxListLimit);
  if (!limit.ok()) return SendStatus(res, limit.status());
  const Result<int64_t> offset = IntParam(req, "offset", 0, 0, std::numeric_limits<int>::max());
  if (!offset.ok()) return SendStatus(res, offset.status());
  Reader reader(readers_.get());
  if (!reader.status().ok()) return SendStatus(res, reader.status());
  const Result<std::vector<store::StorySummary>> stories = reader->ListStories(
      static_cast<int>(*limit), static_cast<int>(*offset), req.get_param_value("q"));
  if (!stories.ok()) return SendStatus(res, stories.status());
  SendJson(res, 200,
           internal::StoriesJson(*stories, static_cast<int>(*limit), static_cast<int>(*offset)));
}

void Server::Impl::GetStory(const httplib::Request& req, httplib::Response& res) {
  const Result<int64_t> id = internal::ParseInteger("story id", req.matches[1].str(), 1,
                                                    std::numeric_limits<int64_t>::max());
  if (!id.ok()) return SendStatus(res, id.status());
  Reader reader(readers_.get());
  if (!reader.status().ok()) return SendStatus(res, reader.status());
  const Result<std::optional<Json>> story = reader->GetStory(*id);
  if (!story.ok()) return SendStatus(res, story.status());
  if (!story->has_value()) {
    // A story that merged into another names it, so a page can follow.
    const Result<std::optional<int64_t>> merged = reader->MergedInto(*id);
    if (merged.ok() && merged->has_value()) {
      return SendJson(res, 404,
                      {{"error", "story " + std::to_string(*id) + " merged into story " +
                                     std::to_string(**merged)},
                       {"merged_into", **merged}});
    }
    return SendError(res, 404, "no story " + std::to_string(*id));
  }
  SendJson(res, 200, **story);
}

void Server::Impl::GetDocument(const httplib::Request& req, httplib::Response& res) {
  const Result<int64_t> id = internal::ParseInteger("document id", req.matches[1].str(), 1,
                                                    std::numeric_limits<int64_t>::max());
  if (!id.ok()) return SendStatus(res, id.status());
  Reader reader(readers_.get());
  if (!reader.status().ok()) return SendStatus(res, reader.status());
  const Result<std::optional<store::StoredDocument>> doc = reader->GetDocument(*id);
  if (!doc.ok()) return SendStatus(res, doc.status());
  if (!doc->has_value()) return SendError(res, 404, "no document " + std::to_string(*id));
  SendJson(res, 200, internal::DocumentJson(**doc));
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  const std::string q = req.get_param_value("q");
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return SendError(res, 400, "q must be a non-empty full-text query");
  }
  const Result<int64_t> limit = IntParam(req, "limit", kDefaultSearchLimit, 1, kMaxListLimit);
  if (!limit.ok()) return SendStatus(res, limit.status());
  Reader reader(readers_.get());
  if (!reader.status().ok()) return SendStatus(res, reader.status());
  const Result<std::vector<store::SearchHit>> hits = reader->Search(q, static_cast<int>(*limit));
  if (!hits.ok()) return SendStatus(res, hits.status());
  SendJson(res, 200, internal::SearchJson(*hits));
}

void Server::Impl::PostDocument(const httplib::Request& req, httplib::Response& res) {
  if (!internal::IsJsonContentType(req.get_header_value("Content-Type"))) {
    return SendError(res, 415, "the body must be JSON (Content-Type: application/json)");
  }
  Result<Document> parsed = internal::ParseNewDocument(req.body);
  if (!parsed.ok()) return SendStatus(res, parsed.status());
  std::vector<Document> docs;
  docs.push_back(std::move(parsed).value());
  extract::ExtractOptions extract_options;
  extract_options.clean.threads = std::max(1, options_.ingest_threads);
  const std::vector<extract::ExtractError> rejected = extract::ExtractBatch(extract_options, &docs);
  if (docs.empty()) {
    return SendError(res, 400,
                     rejected.empty() ? "the document was rejected"
                                      : "the document was rejected: " + rejected.front().reason);
  }
  Result<collection::IngestResult> ingested = [&]() -> Result<collection::IngestResult> {
    std::lock_guard<std::mutex> lock(writer_mu_);
    if (writer_ == nullptr) {
      collection::CollectionOptions collection_options;
      collection_options.threads = std::max(1, options_.ingest_threads);
      RSH_ASSIGN_OR_RETURN(writer_,
                           collection::Collection::Open(options_.db_path, collection_options));
    }
    return writer_->Ingest(docs);
  }();
  if (!ingested.ok()) return SendStatus(res, ingested.status().WithPrefix("ingest failed"));
  const collection::IngestResult& r = *ingested;
  if (r.ids.size() != 1) return SendError(res, 500, "ingest returned no id");
  const bool inserted = !r.inserted.empty() && r.inserted[0];
  Json story = nullptr;
  if (!r.story_of.empty() && r.story_of[0] > 0) story = r.story_of[0];
  SendJson(res, inserted ? 201 : 200, {{"id", r.ids[0]}, {"inserted", inserted}, {"story", story}});
}

void Server::Impl::WebFile(const httplib::Request& req, httplib::Response& res) {
  if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) return NoRoute(req, res);
  std::string name = req.matches[1].str();
  if (name.empty()) name = "index.html";
  if (!internal::IsSafeRelativePath(name)) return SendError(res, 403, "path leaves the web root");
  const std::string type(internal::MimeTypeFor(name));
  if (options_.web_root.empty()) {
    const std::optional<std::string_view> data = internal::FindEmbeddedFile(name);
    if (!data.has_value()) return SendError(res, 404, "no such file");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(data->data(), data->size(), type);
    return;
  }
  std::string bytes;
  const Status status =
      internal::ReadWebRootFile(options_.web_root, name, kMaxWebFileBytes, &bytes);
  if (status.code() == StatusCode::kPermissionDenied) return SendError(res, 403, status.message());
  if (status.code() == StatusCode::kNotFound) return SendError(res, 404, "no such file");
  if (!status.ok()) return SendError(res, 500, "cannot read the file");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(bytes), type);
}

void Server::Impl::NoRoute(const httplib::Request& req, httplib::Response& res) {
  const std::string_view allowed = AllowedMethods(req.path);
  if (allowed.empty()) return SendError(res, 404, "no such route");
  res.set_header("Allow", std::string(allowed));
  SendError(res, 405, req.method + " is not allowed here (allowed: " + std::string(allowed) + ")");
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;
Result<int> Server::Start() { return impl_->Start(); }
void Server::Stop() { impl_->Stop(); }
void Server::Wait() { impl_->Wait(); }

}  // namespace rashomon::server
