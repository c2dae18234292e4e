#include "cli/extract_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "base/file_system.h"
#include "base/parallel.h"
#include "cli/cli.h"
#include "extract/extractor.h"
#include "ingest/ingest.h"

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
  nlohmann::json blocks = nlohmann::json::array();
  for (const Block& b : d.blocks) {
    blocks.push_back({{"kind", BlockKindName(b.kind)}, {"text", b.text}, {"line", b.line}});
  }
  j["blocks"] = std::move(blocks);
  nlohmann::json removed = nlohmann::json::array();
  for (const RemovedLine& r : d.removed) {
    removed.push_back({{"text", r.text},
                       {"reason", RemoveReasonName(r.reason)},
                       {"rule", r.rule},
                       {"line", r.line}});
  }
  j["removed"] = std::move(removed);
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

// Whether the inputs may yield several documents (then text output names each).
bool MayYieldSeveral(const std::vector<std::string>& paths) {
  if (paths.size() != 1) return true;
  FileInfo info;
  if (RealFileSystem().Stat(paths[0], &info).ok() && info.type == FileType::kDirectory) {
    return true;
  }
  return paths[0].find(".jsonl") != std::string::npos ||
         paths[0].find(".warc") != std::string::npos || paths[0] == "-";
}

// Extraction holds a batch in memory several times over (page, DOM, text):
// bound it by bytes as well as by documents.
constexpr size_t kMaxBatchBytes = size_t{256} << 20;

// kInvalidArgument when `out_path` is one of the files named in `inputs`.
Status CheckOutputIsNoInput(const std::string& out_path, const std::vector<std::string>& inputs) {
  FileInfo out;
  if (!RealFileSystem().Stat(out_path, &out).ok()) return Status::Ok();  // Not there yet.
  for (const std::string& in : inputs) {
    FileInfo info;
    if (in != "-" && RealFileSystem().Stat(in, &info).ok() && info.SameFileAs(out)) {
      return InvalidArgumentError("--out " + out_path + " is also an input; choose another file");
    }
  }
  return Status::Ok();
}

// A count of extracted documents on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::ostream& err) : err_(err), enabled_(::isatty(STDERR_FILENO) == 1) {}
  void Update(size_t done) {
    if (enabled_ && done >= next_) {
      err_ << "\rextracted " << done << " documents" << std::flush;
      next_ = done + 1000;
      shown_ = true;
    }
  }
  void Finish() {
    if (shown_) err_ << "\r\033[K" << std::flush;
  }

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  size_t next_ = 2000;
};

}  // namespace

int RunExtract(const ExtractArgs& args, std::ostream& out_default, std::ostream& err) {
  // As `clean`: the output goes to FILE.tmp, renamed over --out at the end.
  std::ofstream file;
  std::ostream* out = &out_default;
  const std::string tmp_path = args.out_path + ".tmp";
  if (!args.out_path.empty()) {
    if (Status s = CheckOutputIsNoInput(args.out_path, args.paths); !s.ok()) {
      err << "rashomon: " << s.message() << "\n";
      return kExitUsage;
    }
    file.open(tmp_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "rashomon: cannot write " << tmp_path << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  extract::ExtractOptions options;
  options.clean.threads = args.threads > 0 ? args.threads : HardwareThreads();
  ingest::IngestOptions ingest_options;
  ingest_options.max_bytes = static_cast<uint64_t>(args.max_bytes);
  if (!args.out_path.empty()) ingest_options.skip_files = {args.out_path, tmp_path};
  const bool headers = !args.json && MayYieldSeveral(args.paths);
  const size_t max_batch = static_cast<size_t>(std::max(1, args.batch));

  std::vector<Document> batch;
  size_t batch_bytes = 0;
  size_t done = 0, rejected = 0;
  Progress progress(err);
  auto flush = [&] {
    for (const extract::ExtractError& e : extract::ExtractBatch(options, &batch)) {
      ++rejected;
      err << "rashomon: " << e.source << ": " << e.reason << "\n";
    }
    for (const Document& d : batch) {
      if (args.json) {
        *out << ArticleToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
      } else {
        if (headers) *out << "==> " << d.source << " <==\n";
        *out << PlainText(d) << "\n";
        if (headers) *out << "\n";
      }
    }
    done += batch.size();
    batch.clear();
    batch_bytes = 0;
    progress.Update(done);
  };
  ingest::ReadInputs(
      args.paths, ingest_options, RealFileSystem(),
      [&](Document d) {
        batch_bytes += d.raw.size();
        batch.push_back(std::move(d));
        if (batch.size() >= max_batch || batch_bytes >= kMaxBatchBytes) flush();
      },
      [&](const ingest::InputError& e) {
        ++rejected;
        err << "rashomon: " << e.source << ": " << e.reason << "\n";
      });
  flush();
  progress.Finish();
  out->flush();
  if (!*out) {
    err << "rashomon: write error" << (args.out_path.empty() ? "" : " on " + tmp_path) << "\n";
    return kExitUsage;
  }
  if (!args.out_path.empty()) {
    file.close();
    if (std::rename(tmp_path.c_str(), args.out_path.c_str()) != 0) {
      err << "rashomon: cannot rename " << tmp_path << " to " << args.out_path << "\n";
      return kExitUsage;
    }
    err << "rashomon: wrote " << done << " extracted document(s) to " << args.out_path << "\n";
  }
  if (rejected > 0) {
    err << "rashomon: " << rejected << " input(s) rejected, " << done << " document(s) extracted\n";
    return kExitSomeInputsRejected;
  }
  return kExitOk;
}

}  // namespace rashomon::cli
