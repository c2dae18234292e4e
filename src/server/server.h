// server/server.h: the HTTP server behind `rashomon serve`.
//
// Serves the JSON API of docs/api.md over a store (store/store.h): stories,
// documents, full-text search, and POST /api/documents, which extracts a
// page or text as the CLI does (extract/) and ingests it through a
// collection (collection/collection.h); and the web page (web/), embedded
// in the binary at build time or read from `web_root`. It does not analyse
// or render reports itself. It is the only module that includes httplib.h.
//
//   ServerOptions options;
//   options.db_path = "news.db";
//   options.port = 0;  // A free port.
//   Server server(options);
//   RSH_ASSIGN_OR_RETURN(int port, server.Start());
//   ...
//   server.Stop();
//   server.Wait();
//
// Every answer is JSON ({"error": "..."} with a 4xx or 5xx code on
// failure) except the web page's files; every response carries a Content
// Security Policy, `X-Content-Type-Options: nosniff` and
// `Referrer-Policy: no-referrer`. Handlers catch everything: no exception
// leaves the module.
//
// Thread-safety: Start, Stop and Wait may be called from different
// threads, each at most once, in that order (Stop and Wait are no-ops when
// Start failed). Requests are served on `threads` workers, each reading
// through its own store connection; ingests are serialised on one
// collection, which is opened on the first POST.
#ifndef RSH_SERVER_SERVER_H_
#define RSH_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "base/result.h"
#include "base/status.h"

namespace rashomon::server {

struct ServerOptions {
  // The database file, created when missing. Required.
  std::string db_path;
  // Address to bind. Default "127.0.0.1" (loopback only).
  std::string host = "127.0.0.1";
  // Port to bind; 0 picks a free one (Start returns it). Default 8080.
  int port = 8080;
  // Largest request body accepted; larger ones get 413. Default 8 MiB.
  size_t max_body_bytes = size_t{8} << 20;
  // Folder the web page is read from (for development). Default empty: the
  // files of web/ embedded at build time.
  std::string web_root;
  // Worker threads, each holding at most one connection at a time. Default 8.
  int threads = 8;
  // Threads that extract and analyse ingested documents. Default 1.
  int ingest_threads = 1;
  // Seconds an idle keep-alive connection is kept (Stop waits for them).
  // Default 2.
  int keep_alive_seconds = 2;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  // Stops and waits when still running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the database (creating and migrating it when needed), binds
  // host:port and starts serving on background threads. Returns the bound
  // port. Errors: those of store::Store::Open for the database;
  // kInvalidArgument for a bad option or a web root that is not a folder;
  // kUnavailable when the address cannot be bound.
  [[nodiscard]] Result<int> Start();

  // Stops accepting connections and ends the workers once their current
  // requests are answered. Returns at once; Wait() waits for the end.
  void Stop();

  // Blocks until the server has stopped (after Stop()).
  void Wait();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::server

#endif  // RSH_SERVER_SERVER_H_
