// cli/clean_command.h: `rashomon clean PATH... [--json]`.
//
// Reads every input (ingest), cleans it in batches (extract), and prints the
// cleaned text of each document, or with --json one JSON object a line:
// {"source", "url", "title", "authors", "language", "language_confidence",
//  "blocks": [{"kind", "text", "line"}], "removed": [{"text", "reason",
//  "rule", "line"}], "warnings": [...]}.
// Internal to the cli module.
#ifndef RSH_CLI_CLEAN_COMMAND_H_
#define RSH_CLI_CLEAN_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace rashomon::cli {

struct CleanArgs {
  std::vector<std::string> paths;
  bool json = false;
  int64_t max_bytes = int64_t{64} << 20;  // Signed, so that "-1" is refused, not wrapped.
  int threads = 0;  // 0: all hardware threads.
  int batch = 2000;
  std::string out_path;  // Empty: standard output.
};

// Returns the exit code (see cli.h).
int RunClean(const CleanArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_CLEAN_COMMAND_H_
