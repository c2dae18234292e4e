// cli/extract_command.h: `rashomon extract PATH... [--json]`.
//
// Reads every input (ingest: HTML pages, WARC archives, JSONL, text),
// extracts the articles in batches (extract::ExtractBatch: charset, main
// content, metadata, then cleaning), and prints the text of each article
// (title first), or with --json one JSON object a line:
// {"source", "url", "title", "authors", "published", "site", "language",
//  "text", "blocks": [{"kind", "text", "line"}], "removed": [{"text",
//  "reason", "rule", "line"}]}, plus "canonical_url", "description",
// "fetched", "charset" and "warnings" when not empty. "text" is the
// article's own text (Document::ArticleText): the kept blocks except the
// title and picture captions, which stay in "blocks" with their kinds. Inputs that ingest or extraction reject
// (binary, truncated, over a budget) are named on stderr with the reason.
// Internal to the cli module.
#ifndef RSH_CLI_EXTRACT_COMMAND_H_
#define RSH_CLI_EXTRACT_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace rashomon::cli {

struct ExtractArgs {
  std::vector<std::string> paths;
  bool json = false;
  // Largest input file (or JSONL line) read, in bytes; the HTML parser has
  // its own budget (20 MiB a page). Signed, so that "-1" is refused.
  int64_t max_bytes = int64_t{64} << 20;
  int threads = 0;  // 0: all hardware threads.
  // Documents extracted together (cross-document template lines). Default 2000.
  int batch = 2000;
  std::string out_path;  // Empty: standard output.
};

// Runs `rashomon extract`, writing articles to `out` (or args.out_path)
// and messages to `err`. Returns the exit code (see cli.h).
int RunExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_EXTRACT_COMMAND_H_
