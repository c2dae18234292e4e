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
// title and picture captions, which stay in "blocks" with their kinds.
// Inputs that ingest or extraction reject (binary, truncated, over a
// budget) are named on stderr with the reason.
// Internal to the cli module.
#ifndef RSH_CLI_EXTRACT_COMMAND_H_
#define RSH_CLI_EXTRACT_COMMAND_H_

#include <iosfwd>

#include "cli/command_util.h"

namespace rashomon::cli {

// The flags of `extract`: paths, --json, --max-bytes (the HTML parser has
// its own budget, 20 MiB a page), --threads, --batch (documents extracted
// together: cross-document template lines), --out.
using ExtractArgs = internal::BatchArgs;

// Runs `rashomon extract`, writing articles to `out` (or args.out_path)
// and messages to `err`. Returns the exit code (see cli.h).
int RunExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_EXTRACT_COMMAND_H_
