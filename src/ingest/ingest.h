// ingest/ingest.h: turn paths, folders and standard input into Documents.
//
// Reads, by file name (case-insensitive):
//   - plain text: .txt, .text, or a file named explicitly with any other
//     name (one kText document, source: the path);
//   - HTML pages: .html, .htm, .xhtml and their .gz forms, or a file named
//     explicitly whose first bytes (after a UTF-8 byte order mark and white
//     space) are `<!doctype html` or `<html` (one kHtml document, source:
//     the path; `raw` holds the page's bytes undecoded, since extraction
//     finds the charset; a .gz page is held whole, up to `max_bytes`);
//   - JSONL: .jsonl, .jsonl.gz, .jsonl.zst: one object a line with a string
//     `text` or `html` (html wins when both are given, and makes a kHtml
//     document) and optional `id`, `url`, `title`, `published`, `outlet`,
//     `authors` (a string or an array of strings), `content_type`;
//   - WARC 1.0 and 1.1 archives: .warc, .warc.gz (a gzip member per record,
//     or one for the whole file), .warc.zst, or a file named explicitly
//     that starts with `WARC/1.`: one kHtml document for each `response`
//     record holding a 2xx HTTP response whose Content-Type is text/html or
//     application/xhtml+xml (or is missing and the body looks like HTML),
//     and for each `resource` record of type text/html. Other records
//     (warcinfo, request, metadata, revisit, other responses) are skipped
//     silently. `url` is WARC-Target-URI, `fetched` WARC-Date,
//     `content_type` the HTTP Content-Type, `raw` the HTTP body with
//     chunked transfer coding and gzip or deflate content coding undone.
//     Archives are streamed: one record and one chunk are held at a time.
// Folders are read recursively (entries sorted bytewise, hidden entries and
// files of unknown extensions skipped); `-` reads standard input, which may
// be text, JSONL, an HTML page or a WARC archive (see ReadStdinBytes).
//
// A document's `source` is its path for a file; for a JSONL line its `id`,
// else its `url`, else `path:line` (1-based); for a WARC record
// `path#N`, N the 1-based number of the record among all the records of the
// archive (warcinfo and requests count); `stdin:1` for a text or page read
// from standard input (`stdin:N` for its JSONL lines without id or url,
// `stdin#N` for its WARC records). docs/ingest.md has the details.
//
// Bad input never stops the run: each rejected file, line or record is
// reported through `on_error` with its source and a reason a user can act
// on, and the reader goes on with the rest. Rejected: missing paths,
// unreadable files, empty files, binary files (NUL bytes, or known binary
// signatures such as PNG, JPEG, GIF, PDF, ZIP), files over `max_bytes`,
// folders that hold no readable file, JSONL lines that are not JSON objects
// or have no string `text` or `html`, compressed streams that are corrupt
// or end early (lines and records read before the damage are kept). WARC
// damage is reported as "record N at byte OFFSET: why" (offsets in the
// decompressed archive) with the archive's path as source: a record cut off
// ("truncated (Content-Length 5000, 1200 bytes left)"), a wrong
// Content-Length (the reader scans on to the next `WARC/1.` line and goes
// on), a Content-Length over `max_bytes` (the record is skipped unread),
// bytes between records that are no record (skipped), an HTML body that is
// empty, binary or in an unsupported content coding. An archive that gives
// no page and no error is reported as "no HTML pages among N records (...)".
// Documents are delivered in input order.
//
//   IngestOptions opts;
//   ReadInputs({"corpus/", "crawl.warc.gz", "-"}, opts, RealFileSystem(),
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
  // Largest file (or standard input, one decompressed JSONL line, one
  // decompressed .html.gz page, or one WARC record's block) read, in bytes.
  // Compressed JSONL files and WARC archives are streamed, so only their
  // lines and records are bounded. Default 64 MiB.
  uint64_t max_bytes = 64ull << 20;
  // Largest decompressed size of one compressed file (and largest size of
  // an uncompressed WARC archive read through a FileSystem other than the
  // disk), in bytes: a guard against decompression bombs. Default 16 GiB.
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

// Reads `bytes` as ReadInputs reads standard input: as a WARC archive when
// it starts with `WARC/1.` (sources `stdin#N`); as JSONL when the first
// non-blank byte is `{` and the first line is a JSON object with a string
// `text` or `html` (sources: id, else url, else `stdin:N`); else as one
// document `stdin:1`, kHtml when it looks like an HTML page (see the file
// comment), kText otherwise. Rejections (reported with source `stdin`, or
// `stdin:N` for a JSONL line): "empty input", a binary format, more than
// `options.max_bytes` bytes, and WARC damage as for files. Returns the
// number of documents delivered. Keeps no reference to `bytes`. Lets tests
// and servers feed a body without a real standard input.
size_t ReadStdinBytes(std::string_view bytes, const IngestOptions& options,
                      const std::function<void(Document)>& on_document,
                      const std::function<void(const InputError&)>& on_error);

// Names the binary format `bytes` starts with ("PNG image", "NUL bytes"),
// or returns an empty string when the bytes may be text.
std::string SniffBinary(std::string_view bytes);

}  // namespace rashomon::ingest

#endif  // RSH_INGEST_INGEST_H_
