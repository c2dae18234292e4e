#include "cli/extract_command.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "cli/command_util.h"
#include "extract/extractor.h"

namespace rashomon::cli {
namespace {

nlohmann::json ArticleToJson(const Document& d) {
  nlohmann::json j;
  j["source"] = d.source;
  j["url"] = d.url;
  j["title"] = d.title;
  j["authors"] = d.authors;
  j["published"] = d.published;
  j["site"] = d.outlet;
  j["language"] = d.language;
  j["text"] = d.ArticleText();  // Title and captions are blocks of their own.
  internal::AddBlocksAndRemoved(d, &j);
  auto optional = [&](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  optional("canonical_url", d.canonical_url);
  optional("description", d.description);
  optional("fetched", d.fetched);
  optional("charset", d.charset);
  if (!d.warnings.empty()) j["warnings"] = d.warnings;
  return j;
}

// The article as text: the title first (also when cleaning kept it as no
// block of its own), then the kept blocks, separated by blank lines.
std::string PlainText(const Document& d) {
  const bool title_block = std::any_of(d.blocks.begin(), d.blocks.end(),
                                       [](const Block& b) { return b.kind == BlockKind::kTitle; });
  std::string text = d.CleanText();
  if (title_block || d.title.empty()) return text;
  return text.empty() ? d.title : d.title + "\n\n" + text;
}

}  // namespace

int RunExtract(const ExtractArgs& args, std::ostream& out, std::ostream& err) {
  extract::ExtractOptions options;
  options.clean.threads = args.threads > 0 ? args.threads : HardwareThreads();
  internal::BatchCommand command;
  command.done_verb = "extracted";
  command.process = [&](std::vector<Document>* batch) {
    const std::vector<extract::ExtractError> errors = extract::ExtractBatch(options, batch);
    for (const extract::ExtractError& e : errors) {
      err << "rashomon: " << e.source << ": " << e.reason << "\n";
    }
    return errors.size();
  };
  command.to_json = ArticleToJson;
  command.to_text = PlainText;
  return internal::RunBatchCommand(args, command, out, err);
}

}  // namespace rashomon::cli
