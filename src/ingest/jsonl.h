// ingest/jsonl.h: internal to ingest. Turns JSONL bytes into Documents.
//
// JsonlReader takes the bytes of one JSONL input in chunks of any size
// (a whole file, or pieces coming out of a decompressor), splits them into
// lines without holding more than one line, parses each non-blank line with
// simdjson On-Demand and delivers a Document or an InputError per line.
// Reading files and folders lives in ingest.cc; decompression in
// decompress.h.
//
//   JsonlReader reader("a.jsonl", options.max_bytes, on_document, on_error);
//   reader.Feed(bytes);
//   reader.Finish(/*complete=*/true);
//
// Thread-safety: a JsonlReader is used by one thread at a time.
#ifndef RSH_INGEST_JSONL_H_
#define RSH_INGEST_JSONL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/document.h"
#include "ingest/ingest.h"

namespace rashomon::ingest::internal {

// "input holds N bytes, over the limit of M bytes (raise it with
// --max-bytes)", worded as base's FileSystem::ReadFile words it, with
// `what` in place of "input".
std::string SizeLimitMessage(std::string_view what, uint64_t size, uint64_t limit);

class JsonlReader {
 public:
  // `name` names the input: a line's fallback source is "<name>:<line>".
  // Lines longer than `max_line_bytes` are rejected without being held.
  // The reader keeps copies of the callbacks.
  JsonlReader(std::string name, uint64_t max_line_bytes,
              const std::function<void(Document)>& on_document,
              const std::function<void(const InputError&)>& on_error);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Takes the next `bytes` of the input; delivers each line completed by
  // them. Keeps no reference to `bytes`.
  void Feed(std::string_view bytes);

  // Ends the input. A last line without a newline is parsed when `complete`
  // is true and dropped when false (the stream was cut off, and its owner
  // reports that).
  void Finish(bool complete);

  // Documents delivered so far.
  size_t documents() const;
  // Lines seen so far that were not blank (parsed or rejected).
  size_t non_blank_lines() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `bytes` read as JSONL: the first non-blank byte is `{` and the
// line holding it is a JSON object with a string `text` or `html`.
bool LooksLikeJsonl(std::string_view bytes);

}  // namespace rashomon::ingest::internal

#endif  // RSH_INGEST_JSONL_H_
