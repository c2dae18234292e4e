// cli/analyze_command.h: `rashomon analyze`, the whole analysis and its
// report (report/report.h; schema in docs/report-schema.md).
#ifndef RSH_CLI_ANALYZE_COMMAND_H_
#define RSH_CLI_ANALYZE_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace rashomon::cli {

struct AnalyzeArgs {
  std::vector<std::string> paths;       // Files, folders, or "-" for standard input.
  std::string out_dir = "rashomon-report";  // Where report.json, .md and .html go.
  bool json = false;                    // The JSON on stdout instead of the summary.
  int64_t max_bytes = int64_t{64} << 20;  // Largest input file (or JSONL line).
  int threads = 0;                        // 0: all cores.
  std::string db;  // Also store into this database when set (db_commands.h).
};

// Writes report.json, report.md and report.html into args.out_dir (created
// when missing) and prints a summary (or, with --json, the JSON) to `out`.
// With args.db, also stores the documents and their stories there.
// Returns kExitOk, kExitSomeInputsRejected, or kExitOutputFailed when a
// report file (or the database) could not be written.
int RunAnalyze(const AnalyzeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_ANALYZE_COMMAND_H_
