// cli/cli.h: the `rashomon` command line.
//
// RunCli parses the arguments (CLI11) and runs one subcommand over the
// library modules; it is the whole program behind apps/rashomon_main.cc, so
// tests can call it in-process. Subcommands: clean, extract, dedup, stories,
// analyze, ingest, search, serve.
//
// Exit codes: 0 when every input was processed, 2 when some inputs were
// rejected (each named on stderr with the reason; the others are still
// processed), 1 on a usage error, 3 when an output could not be written.
//
// Thread-safety: not thread-safe (writes to the given streams).
#ifndef RSH_CLI_CLI_H_
#define RSH_CLI_CLI_H_

#include <iosfwd>

namespace rashomon::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitSomeInputsRejected = 2;
// An output (a report file) could not be written.
inline constexpr int kExitOutputFailed = 3;

// Runs the command line `argv[0..argc)`, writing results to `out` and
// messages to `err`. Returns the process exit code.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_CLI_H_
