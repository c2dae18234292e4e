// cli/db_commands.h: the commands over a rashomon database (store/,
// collection/): `ingest`, `search`, and `stories --db`. Internal to the cli
// module.
//
//   rashomon ingest --db FILE PATH...   stores documents and updates stories
//   rashomon search --db FILE QUERY     full-text search (FTS5 syntax)
//   rashomon stories --db FILE          the stored stories
//
// Output for people on stdout, or one JSON object with --json; progress on
// stderr only when it is a terminal. Exit codes as cli.h: 1 also when a
// database to read does not exist or cannot be opened (named with the
// reason), 3 when a batch could not be stored (the batches before it are
// kept, the failing one is rolled back, and later ones are not tried).
#ifndef RSH_CLI_DB_COMMANDS_H_
#define RSH_CLI_DB_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "base/document.h"

namespace rashomon::cli {

inline constexpr char kDefaultDatabase[] = "rashomon.db";

struct IngestArgs {
  std::string db = kDefaultDatabase;
  std::vector<std::string> paths;  // Files, folders, or "-" for standard input.
  bool json = false;               // One JSON object with the counts.
  int64_t max_bytes = int64_t{64} << 20;
  int threads = 0;    // 0: all cores.
  int batch = 500;    // Documents per transaction.
};

struct SearchArgs {
  std::string db = kDefaultDatabase;
  std::string query;  // FTS5 syntax.
  bool json = false;
  int limit = 20;
};

struct StoredStoriesArgs {
  std::string db = kDefaultDatabase;
  bool json = false;
  int limit = 100;
  int offset = 0;
  std::string query;  // Only stories with a document matching it (FTS5).
};

// Stores the inputs of `args` in batches (collection::Collection::Ingest).
int RunIngest(const IngestArgs& args, std::ostream& out, std::ostream& err);

// Prints the documents matching args.query, best first.
int RunSearch(const SearchArgs& args, std::ostream& out, std::ostream& err);

// Prints the stored stories, most recently updated first.
int RunStoredStories(const StoredStoriesArgs& args, std::ostream& out, std::ostream& err);

// Stores `docs` into the database `db` (for `analyze --db`), printing a
// line on `out` unless `quiet`. Returns kExitOk or kExitOutputFailed.
int StoreAnalyzed(const std::string& db, int threads, const std::vector<Document>& docs, bool quiet,
                  std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_DB_COMMANDS_H_
