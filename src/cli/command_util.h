// cli/command_util.h: what the batch commands `clean` and `extract` share
// (internal to the cli module).
//
// RunBatchCommand reads every input (ingest), hands the documents to the
// command in batches bounded by count and by bytes, and writes each
// processed document as text (under a "==> source <==" header when the
// inputs may yield several documents) or as one JSON object a line. It
// shows a count on stderr when stderr is a terminal, and writes --out
// through FILE.tmp, renamed over FILE at the end, after checking that FILE
// is not also an input. What a batch becomes (cleaning, extraction) and
// how a document is printed are the command's own: see clean_command.cc
// and extract_command.cc. The flags themselves are declared in cli.cc.
//
//   internal::BatchCommand command;
//   command.done_verb = "cleaned";
//   command.process = [&](std::vector<Document>* batch) { ...; return size_t{0}; };
//   command.to_json = CleanedToJson;
//   command.to_text = [](const Document& d) { return d.CleanText(); };
//   return internal::RunBatchCommand(args, command, out, err);
//
// Thread-safety: not thread-safe (writes to the given streams).
#ifndef RSH_CLI_COMMAND_UTIL_H_
#define RSH_CLI_COMMAND_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/document.h"

namespace rashomon::cli::internal {

// The flags of a batch command, as parsed (cli.cc declares them and their
// help text).
struct BatchArgs {
  // Files, folders, or "-" for standard input.
  std::vector<std::string> paths;
  // --json: one JSON object a document a line instead of text. Default off.
  bool json = false;
  // Largest input file (or JSONL line) read, in bytes. Default 64 MiB.
  // Signed, so that "-1" is refused, not wrapped.
  int64_t max_bytes = int64_t{64} << 20;
  // Worker threads. Default 0: all hardware threads.
  int threads = 0;
  // Documents processed together (lines shared by unrelated documents of
  // a batch are template text). Default 2000.
  int batch = 2000;
  // File the output goes to. Default empty: standard output.
  std::string out_path;
};

// What a batch command does with the documents RunBatchCommand reads.
struct BatchCommand {
  // Past participle for the messages on stderr ("extracted").
  std::string_view done_verb;
  // Processes `batch` in place, dropping the documents it rejects after
  // naming each on stderr; returns how many it rejected.
  std::function<size_t(std::vector<Document>* batch)> process;
  // A processed document as one JSON object (--json).
  std::function<nlohmann::json(const Document& doc)> to_json;
  // A processed document as text (no --json).
  std::function<std::string(const Document& doc)> to_text;
};

// Sets "blocks" ([{"kind", "text", "line"}]) and "removed" ([{"text",
// "reason", "rule", "line"}]) of the JSON object `*j` from `doc`, as both
// commands print them with --json.
void AddBlocksAndRemoved(const Document& doc, nlohmann::json* j);

// Runs `command` over the inputs of `args`, writing the documents to
// `out` (or args.out_path) and messages to `err`. Returns the exit code
// (see cli.h): kExitUsage when --out is also an input or cannot be
// written, kExitSomeInputsRejected when ingest or `command.process`
// rejected any input. REQUIRES: every callback of `command` is set.
int RunBatchCommand(const BatchArgs& args, const BatchCommand& command, std::ostream& out,
                    std::ostream& err);

// Reads every input of `paths` (ingest) and extracts the documents in
// batches (extract::ExtractBatch), as `extract` does, for the commands that
// need the whole collection at once (`dedup`, `stories`). Rejected inputs
// are named on `err`; returns how many there were. Shows a count on stderr
// when it is a terminal.
// `keep_raw`: keep Document::raw (the store keeps it); else it is freed.
size_t LoadDocuments(const std::vector<std::string>& paths, int64_t max_bytes, int threads,
                     std::ostream& err, std::vector<Document>* docs, bool keep_raw = false);

// Reads and extracts the inputs of `paths` as LoadDocuments does, handing
// the extracted documents to `on_batch` in batches of at most `batch_size`
// (fewer when the bytes read fill a batch first), so a command can store a
// large collection without holding it. Returns the inputs rejected.
size_t ExtractInBatches(const std::vector<std::string>& paths, int64_t max_bytes, int threads,
                        size_t batch_size, std::ostream& err,
                        const std::function<void(std::vector<Document>*)>& on_batch);

// Shows "VERB N documents" on stderr when it is a terminal, every 1000.
class Progress {
 public:
  Progress(std::string_view done_verb, std::ostream& err);
  void Update(size_t done);
  void Finish();  // Clears the line, if one was shown.

 private:
  const std::string_view done_verb_;
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  size_t next_ = 2000;
};

}  // namespace rashomon::cli::internal

#endif  // RSH_CLI_COMMAND_UTIL_H_
