// cli/stories_command.h: `rashomon stories PATH... [--json]`.
//
// Reads and extracts every input as `extract` does, then groups the
// articles into stories (stories::StoryIndex). Prints each story (id,
// title, then its documents), or with --json one object:
// {"documents": N, "stories": [{"id", "title", "languages": [...],
//   "documents": [source, ...]}]}
// Stories come largest first; "title" is the title of the story's most
// central report. Internal to the cli module.
#ifndef RSH_CLI_STORIES_COMMAND_H_
#define RSH_CLI_STORIES_COMMAND_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace rashomon::cli {

struct StoriesArgs {
  std::vector<std::string> paths;  // Files, folders, or "-" for standard input.
  bool json = false;
  int64_t max_bytes = int64_t{64} << 20;  // Largest input file (or JSONL line).
  int threads = 0;                        // 0: all cores.
};

// Runs `rashomon stories`. Returns the exit code (see cli.h).
int RunStories(const StoriesArgs& args, std::ostream& out, std::ostream& err);

}  // namespace rashomon::cli

#endif  // RSH_CLI_STORIES_COMMAND_H_
