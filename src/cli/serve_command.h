// cli/serve_command.h: `rashomon serve [--db FILE] [--host H] [--port N]`.
//
// Serves the JSON API (docs/api.md) and the web page over the database
// FILE (server/server.h) until SIGINT or SIGTERM, then stops cleanly and
// returns 0. Once listening it prints exactly one line to `out`,
// "listening on http://HOST:PORT/", and flushes it (with --port 0 that
// line names the port picked). A database that cannot be opened, or an
// address that cannot be bound, is named on `err` with the reason and
// returns kExitSomeInputsRejected. Internal to the cli module.
#ifndef RSH_CLI_SERVE_COMMAND_H_
#define RSH_CLI_SERVE_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>

namespace rashomon::cli {

struct ServeArgs {
  std::string db = "rashomon.db";       // The database, created when missing.
  std::string host = "127.0.0.1";       // Address bound: loopback unless told otherwise.
  int port = 8080;                      // 0: a free port.
  std::string web_root;                 // Serve the page from this folder (development).
  int64_t max_body = int64_t{8} << 20;  // Largest request body, in bytes.
  int threads = 8;                      // Worker threads.
};

// Runs `rashomon serve`. Blocks SIGINT and SIGTERM in the calling thread
// while serving and waits for one of them. Returns the exit code (cli.h).
int RunServe(const ServeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_SERVE_COMMAND_H_
