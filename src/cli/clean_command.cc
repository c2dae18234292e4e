#include "cli/clean_command.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "cli/command_util.h"
#include "extract/extractor.h"

namespace rashomon::cli {
namespace {

nlohmann::json CleanedToJson(const Document& d) {
  nlohmann::json j;
  j["source"] = d.source;
  if (!d.url.empty()) j["url"] = d.url;
  j["title"] = d.title;
  j["authors"] = d.authors;
  j["language"] = d.language;
  j["language_confidence"] = d.language_confidence;
  internal::AddBlocksAndRemoved(d, &j);
  j["warnings"] = d.warnings;
  return j;
}

}  // namespace

int RunClean(const CleanArgs& args, std::ostream& out, std::ostream& err) {
  // HTML pages and WARC records are extracted first (the same path as
  // `extract`), so that `clean` never cleans markup as if it were text.
  extract::ExtractOptions options;
  options.clean.threads = args.threads > 0 ? args.threads : HardwareThreads();
  internal::BatchCommand command;
  command.done_verb = "cleaned";
  command.process = [&](std::vector<Document>* batch) {
    const std::vector<extract::ExtractError> errors = extract::ExtractBatch(options, batch);
    for (const extract::ExtractError& e : errors) {
      err << "rashomon: " << e.source << ": " << e.reason << "\n";
    }
    return errors.size();
  };
  command.to_json = CleanedToJson;
  command.to_text = [](const Document& d) { return d.CleanText(); };
  return internal::RunBatchCommand(args, command, out, err);
}

}  // namespace rashomon::cli
