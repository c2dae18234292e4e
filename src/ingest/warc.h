// ingest/warc.h: internal to ingest. Turns WARC bytes into HTML Documents.
//
// WarcReader takes the bytes of one (decompressed) WARC 1.0 or 1.1 archive
// in chunks of any size and delivers one kHtml Document for each `response`
// record holding a 2xx HTTP response with an HTML body and each `resource`
// record of type text/html; it skips the other records (warcinfo, request,
// metadata, revisit, conversion, non-HTML responses) and counts them.
// Decompression lives in decompress.h; opening files in ingest.cc.
//
// Records are numbered from 1 in the order their `WARC/1.x` lines appear;
// offsets are bytes from the start of the decompressed archive. A record
// is parsed only once its header, its Content-Length bytes of block and the
// `\r\n\r\n` after them are buffered, so the buffer holds at most one
// record (bounded by `max_record_bytes`) plus one chunk. Damage is reported
// through `on_error` (source: the archive's name; reason: "record N at byte
// OFFSET: why") and reading goes on:
//   - a block not followed by `\r\n\r\n` (a wrong Content-Length) is dropped
//     and the reader scans from the start of that block for the next
//     `WARC/1.` at the start of a line, so that records a too-long length
//     swallowed are still read;
//   - bytes between records that are not a record are skipped to the next
//     `WARC/1.` line and reported once per stretch;
//   - a record whose Content-Length is over `max_record_bytes` is reported
//     and its block skipped without being held;
//   - a record cut off by the end of the input is reported with its
//     Content-Length and the bytes left.
//
//   WarcReader reader("crawl.warc.gz", options.max_bytes, on_document, on_error);
//   reader.Feed(bytes);
//   reader.Finish(/*stream_error=*/"");
//
// Thread-safety: a WarcReader is used by one thread at a time.
#ifndef RSH_INGEST_WARC_H_
#define RSH_INGEST_WARC_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/document.h"
#include "ingest/ingest.h"

namespace rashomon::ingest::internal {

// What a WarcReader saw.
struct WarcCounts {
  size_t records = 0;    // `WARC/1.x` record headers found.
  size_t documents = 0;  // HTML pages delivered.
  size_t rejected = 0;   // Problems reported through on_error.
  // Records skipped on purpose, by kind: "warcinfo", "request",
  // "response not HTML", "response status 404", ...
  std::map<std::string, size_t> skipped;
};

class WarcReader {
 public:
  // `name` names the archive: documents get the source "<name>#<record
  // number>", errors the source `name`. Record blocks longer than
  // `max_record_bytes` are rejected without being held. The reader keeps
  // copies of the callbacks.
  WarcReader(std::string name, uint64_t max_record_bytes,
             const std::function<void(Document)>& on_document,
             const std::function<void(const InputError&)>& on_error);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Takes the next `bytes` of the archive; delivers each record completed
  // by them. Keeps no reference to `bytes`.
  void Feed(std::string_view bytes);

  // Ends the input. `stream_error` is "" when the input ended normally,
  // else why it stopped (such as "gzip stream ends early (truncated) in the
  // member at compressed byte 1200"); it is reported once, with the record
  // it cut when there is one.
  void Finish(std::string_view stream_error);

  const WarcCounts& counts() const;
  // Bytes fed so far.
  uint64_t bytes() const;
  // "no HTML pages among 3 records (1 request, 1 response not HTML, 1
  // warcinfo)", for an archive that gave no document.
  std::string NoDocumentsReason() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `bytes` start like a WARC archive: with "WARC/1.".
bool LooksLikeWarc(std::string_view bytes);

// Whether `bytes` start like an HTML page: after an optional UTF-8 byte
// order mark and white space, with `<!doctype html` or `<html`, in any case.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace rashomon::ingest::internal

#endif  // RSH_INGEST_WARC_H_
