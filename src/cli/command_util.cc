#include "cli/command_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <utility>

#include "base/document_json.h"
#include "base/file_system.h"
#include "base/parallel.h"
#include "cli/cli.h"
#include "extract/extractor.h"
#include "ingest/ingest.h"

namespace rashomon::cli::internal {
namespace {

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

// Cleaning and extraction hold a batch in memory several times over (page,
// DOM, text): bound it by bytes as well as by documents.
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

// Reads every input of `paths`, handing the documents to `on_batch` in
// batches of at most `max_batch` documents and kMaxBatchBytes bytes (the
// callback may consume them). Names each rejected input on `err`; returns
// how many there were.
size_t ReadInBatches(const std::vector<std::string>& paths, const ingest::IngestOptions& options,
                     size_t max_batch, std::ostream& err,
                     const std::function<void(std::vector<Document>*)>& on_batch) {
  std::vector<Document> batch;
  size_t batch_bytes = 0, rejected = 0;
  auto flush = [&] {
    if (!batch.empty()) on_batch(&batch);
    batch.clear();
    batch_bytes = 0;
  };
  ingest::ReadInputs(
      paths, options, RealFileSystem(),
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
  return rejected;
}

}  // namespace

Progress::Progress(std::string_view done_verb, std::ostream& err)
    : done_verb_(done_verb), err_(err), enabled_(::isatty(STDERR_FILENO) == 1) {}

void Progress::Update(size_t done) {
  if (enabled_ && done >= next_) {
    err_ << "\r" << done_verb_ << " " << done << " documents" << std::flush;
    next_ = done + 1000;
    shown_ = true;
  }
}

void Progress::Finish() {
  if (shown_) err_ << "\r\033[K" << std::flush;
}

void AddBlocksAndRemoved(const Document& doc, nlohmann::json* j) {
  (*j)["blocks"] = BlocksJson(doc.blocks);
  (*j)["removed"] = RemovedJson(doc.removed);
}

int RunBatchCommand(const BatchArgs& args, const BatchCommand& command, std::ostream& out_default,
                    std::ostream& err) {
  // The output goes to a temporary file renamed over --out at the end, so
  // an interrupted run leaves the previous output whole, and an input is
  // never truncated before it is read.
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
  ingest::IngestOptions ingest_options;
  ingest_options.max_bytes = static_cast<uint64_t>(args.max_bytes);
  if (!args.out_path.empty()) ingest_options.skip_files = {args.out_path, tmp_path};
  const bool headers = !args.json && MayYieldSeveral(args.paths);
  const size_t max_batch = static_cast<size_t>(std::max(1, args.batch));

  size_t done = 0, rejected = 0;
  Progress progress(command.done_verb, err);
  const size_t unread =
      ReadInBatches(args.paths, ingest_options, max_batch, err, [&](std::vector<Document>* batch) {
        rejected += command.process(batch);
        for (const Document& d : *batch) {
          if (args.json) {
            *out << command.to_json(d).dump(-1, ' ', false,
                                            nlohmann::json::error_handler_t::replace)
                 << "\n";
          } else {
            if (headers) *out << "==> " << d.source << " <==\n";
            *out << command.to_text(d) << "\n";
            if (headers) *out << "\n";
          }
        }
        done += batch->size();
        progress.Update(done);
      });
  rejected += unread;
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
    err << "rashomon: wrote " << done << " " << command.done_verb << " document(s) to "
        << args.out_path << "\n";
  }
  if (rejected > 0) {
    err << "rashomon: " << rejected << " input(s) rejected, " << done << " document(s) "
        << command.done_verb << "\n";
    return kExitSomeInputsRejected;
  }
  return kExitOk;
}

size_t ExtractInBatches(const std::vector<std::string>& paths, int64_t max_bytes, int threads,
                        size_t batch_size, std::ostream& err,
                        const std::function<void(std::vector<Document>*)>& on_batch) {
  ingest::IngestOptions ingest_options;
  ingest_options.max_bytes = static_cast<uint64_t>(max_bytes);
  extract::ExtractOptions options;
  options.clean.threads = threads > 0 ? threads : HardwareThreads();
  size_t extract_rejected = 0;
  const size_t rejected = ReadInBatches(
      paths, ingest_options, std::max<size_t>(batch_size, 1), err,
      [&](std::vector<Document>* batch) {
        for (const extract::ExtractError& e : extract::ExtractBatch(options, batch)) {
          err << "rashomon: " << e.source << ": " << e.reason << "\n";
          ++extract_rejected;
        }
        if (!batch->empty()) on_batch(batch);
      });
  return rejected + extract_rejected;
}

size_t LoadDocuments(const std::vector<std::string>& paths, int64_t max_bytes, int threads,
                     std::ostream& err, std::vector<Document>* docs, bool keep_raw) {
  Progress progress("read", err);
  const size_t rejected =
      ExtractInBatches(paths, max_bytes, threads, 2000, err, [&](std::vector<Document>* batch) {
        for (Document& d : *batch) {
          if (!keep_raw) {
            d.raw.clear();  // The extracted text is in the blocks.
            d.raw.shrink_to_fit();
          }
          docs->push_back(std::move(d));
        }
        progress.Update(docs->size());
      });
  progress.Finish();
  return rejected;
}

}  // namespace rashomon::cli::internal
