// ingest/ingest.h: turn paths, folders and standard input into Documents.
//
// Reads plain-text files (.txt, .text, or a file named explicitly with
// any other name), folders (recursively, entries sorted bytewise, hidden
// entries skipped, files of unknown extensions skipped), `-` for standard
// input, and JSONL (.jsonl, .jsonl.gz, .jsonl.zst; also JSONL piped on
// standard input): one object a line with a string `text` and optional
// `id`, `url`, `title`, `published`, `outlet`, `authors` (a string or an
// array of strings). HTML and WARC come with a later issue.
//
// A document's `source` is its path for a file; for a JSONL line its `id`,
// else its `url`, else `path:line` (1-based); `stdin:1` for a text read from
// standard input (`stdin:N` for its JSONL lines without id or url).
//
// Bad input never stops the run: each rejected file or line is reported
// through `on_error` with its source and a reason a user can act on, and
// the reader goes on with the rest. Rejected: missing paths, unreadable
// files, empty files, binary files (NUL bytes, or known binary signatures
// such as PNG, JPEG, GIF, PDF, ZIP), files over `max_bytes`, folders that
// hold no readable file, JSONL lines that are not JSON objects or have no
// string `text`, compressed streams that are corrupt or end early (lines
// read before the damage are kept). Documents are delivered in input order.
//
//   IngestOptions opts;
//   ReadInputs({"corpus/", "-"}, opts, RealFileSystem(),
//              [&](Document d) { docs.push_back(std::move(d)); },
//              [&](const InputError& e) { std::cerr << e.source << ": " << e.reason; });
//
// Thread-safety: ReadInputs may run concurrently on distinct arguments.
#ifndef RSH_INGEST_INGEST_H_
#define RSH_INGEST_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/document.h"
#include "base/file_system.h"

namespace rashomon::ingest {

struct IngestOptions {
  // Largest file (or standard input, or one decompressed JSONL line) read,
  // in bytes. Compressed JSONL files are streamed, so only their lines are
  // bounded. Default 64 MiB.
  uint64_t max_bytes = 64ull << 20;
  // Largest decompressed size of one compressed file, in bytes: a guard
  // against decompression bombs. Default 16 GiB.
  uint64_t max_decompressed_bytes = 16ull << 30;
  // Files never read, compared by identity (device and inode), such as the
  // output file of the running command when it lies in an input folder.
  std::vector<std::string> skip_files;
};

struct InputError {
  std::string source;  // The path, `path:line`, or `stdin`.
  std::string reason;  // "empty file", "binary file (PNG image)", ...
};

// Reads every input in `paths` in order (see the file comment) and calls
// `on_document` for each document and `on_error` for each rejected input.
// Returns the number of documents delivered.
size_t ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                  const FileSystem& fs, const std::function<void(Document)>& on_document,
                  const std::function<void(const InputError&)>& on_error);

// Reads `bytes` as ReadInputs reads standard input: as JSONL when the first
// non-blank byte is `{` and the first line is a JSON object with a string
// `text` (sources: id, else url, else `stdin:N`), else as one text document
// `stdin:1`. Rejections (reported with source `stdin`, or `stdin:N` for a
// JSONL line): "empty input", a binary format, more than `options.max_bytes`
// bytes. Returns the number of documents delivered. Keeps no reference to
// `bytes`. Lets tests and servers feed a body without a real standard input.
size_t ReadStdinBytes(std::string_view bytes, const IngestOptions& options,
                      const std::function<void(Document)>& on_document,
                      const std::function<void(const InputError&)>& on_error);

// Names the binary format `bytes` starts with ("PNG image", "NUL bytes"),
// or returns an empty string when the bytes may be text.
std::string SniffBinary(std::string_view bytes);

}  // namespace rashomon::ingest

#endif  // RSH_INGEST_INGEST_H_
