// cli/clean_command.h: `rashomon clean PATH... [--json]`.
//
// Reads every input (ingest), cleans it in batches (extract; HTML pages and
// WARC records have their article extracted first, as `extract` does), and
// prints the cleaned text of each document, or with --json one JSON object a line:
// {"source", "url", "title", "authors", "language", "language_confidence",
//  "blocks": [{"kind", "text", "line"}], "removed": [{"text", "reason",
//  "rule", "line"}], "warnings": [...]}.
// Internal to the cli module.
#ifndef RSH_CLI_CLEAN_COMMAND_H_
#define RSH_CLI_CLEAN_COMMAND_H_

#include <iosfwd>

#include "cli/command_util.h"

namespace rashomon::cli {

// The flags of `clean`: paths, --json, --max-bytes, --threads, --batch, --out.
using CleanArgs = internal::BatchArgs;

// Returns the exit code (see cli.h).
int RunClean(const CleanArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_CLEAN_COMMAND_H_
