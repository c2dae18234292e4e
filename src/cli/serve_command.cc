#include "cli/serve_command.h"

#include <pthread.h>

#include <csignal>
#include <ostream>

#include "cli/cli.h"
#include "server/server.h"

namespace rashomon::cli {

int RunServe(const ServeArgs& args, std::ostream& out, std::ostream& err) {
  // Block the stop signals before the server starts its threads, so that
  // they inherit the mask and the signal is taken here by sigwait, outside
  // any handler (Stop is not async-signal-safe).
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

  server::ServerOptions options;
  options.db_path = args.db;
  options.host = args.host;
  options.port = args.port;
  options.web_root = args.web_root;
  options.max_body_bytes = static_cast<size_t>(args.max_body);
  options.threads = args.threads;
  server::Server server(options);
  const Result<int> port = server.Start();
  if (!port.ok()) {
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    err << "rashomon: " << port.status().message() << "\n";
    return port.status().code() == StatusCode::kInvalidArgument ? kExitUsage
                                                                : kExitSomeInputsRejected;
  }
  const bool ipv6 = args.host.find(':') != std::string::npos;
  out << "listening on http://" << (ipv6 ? "[" + args.host + "]" : args.host) << ":" << *port << "/"
      << std::endl;

  int signal = 0;
  while (sigwait(&stop_signals, &signal) != 0) {
  }
  server.Stop();
  server.Wait();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  return kExitOk;
}

}  // namespace rashomon::cli
