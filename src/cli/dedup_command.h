// cli/dedup_command.h: `rashomon dedup PATH... [--json]`.
//
// Reads and extracts every input as `extract` does, then finds copy groups
// in the articles' text (dedup::FindCopies: exact, near and partial
// copies). Prints each group (representative first, then each member with
// its Jaccard resemblance and containment), or with --json one object:
// {"documents": N, "groups": [{"representative": source, "members":
//   [{"source", "exact", "jaccard", "containment",
//     "contains_representative"}]}]}
// where "containment" is the share of the member's text found in the
// representative and "contains_representative" the share of the
// representative's text found in the member. Members exclude the
// representative. Internal to the cli module.
#ifndef RSH_CLI_DEDUP_COMMAND_H_
#define RSH_CLI_DEDUP_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace rashomon::cli {

struct DedupArgs {
  std::vector<std::string> paths;  // Files, folders, or "-" for standard input.
  bool json = false;
  int64_t max_bytes = int64_t{64} << 20;  // Largest input file (or JSONL line).
  int threads = 0;                        // 0: all cores.
  std::string method = "minhash";         // "minhash" or "simhash".
  double jaccard = 0.5;                   // Jaccard resemblance that makes a copy.
  double containment = 0.7;               // Containment that makes a partial copy.
};

// Runs `rashomon dedup`. Returns the exit code (see cli.h).
int RunDedup(const DedupArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_DEDUP_COMMAND_H_
