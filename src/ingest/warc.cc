#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <utility>
#include <vector>

namespace rashomon::ingest::internal {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::string_view kMagic = "WARC/1.";
// Longest version line waited for before bytes are called garbage.
constexpr size_t kMaxVersionLine = 32;
// Largest WARC header (and HTTP header) block; real ones are under 2 KiB.
constexpr size_t kMaxHeaderBytes = 64 << 10;
// Input is buffered this much at a time, so that one Feed of a whole
// archive does not double it in memory.
constexpr size_t kFeedSlice = 1 << 20;
constexpr size_t kInflateChunk = 1 << 16;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "WARC/1.0" or "WARC/1.1" (any minor version), with an optional CR.
bool IsVersionLine(std::string_view line) {
  line = Trim(line);
  if (!line.starts_with(kMagic) || line.size() == kMagic.size()) return false;
  line.remove_prefix(kMagic.size());
  return std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Header fields in order; names compare without case.
class Headers {
 public:
  // Parses "Name: value" lines (continuation lines start with a space or a
  // tab); lines without a colon are ignored.
  void Parse(std::string_view lines) {
    while (!lines.empty()) {
      size_t nl = lines.find('\n');
      std::string_view line = lines.substr(0, nl);
      lines.remove_prefix(nl == std::string_view::npos ? lines.size() : nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if ((line[0] == ' ' || line[0] == '\t') && !fields_.empty()) {
        fields_.back().second += ' ';
        fields_.back().second += Trim(line);
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      fields_.emplace_back(std::string(Trim(line.substr(0, colon))),
                           std::string(Trim(line.substr(colon + 1))));
    }
  }

  // The first value of `name`, or "".
  std::string_view Get(std::string_view name) const {
    for (const auto& [key, value] : fields_) {
      if (EqualsNoCase(key, name)) return value;
    }
    return "";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Finds the blank line that ends a header block starting at `s[0]`,
// looking no further than `limit` bytes. Returns the offset just past it,
// or npos. `*scanned` (in and out) is where the search may resume.
size_t FindHeaderEnd(std::string_view s, size_t limit, size_t* scanned) {
  size_t line = *scanned;
  while (line < s.size() && line <= limit) {
    size_t nl = s.find('\n', line);
    if (nl == std::string_view::npos) break;
    std::string_view text = s.substr(line, nl - line);
    if (text.empty() || text == "\r") return nl + 1;
    line = nl + 1;
  }
  *scanned = line;
  return std::string_view::npos;
}

// Lower-case media type of a Content-Type value: "text/html" for
// "text/html; charset=UTF-8".
std::string MediaType(std::string_view content_type) {
  return ToLower(Trim(content_type.substr(0, content_type.find(';'))));
}

bool IsHtmlMedia(std::string_view media) {
  return media == "text/html" || media == "application/xhtml+xml";
}

bool ParseDecimal(std::string_view s, uint64_t* value) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return error == std::errc() && end == s.data() + s.size();
}

// ---------------------------------------------------------------- HTTP bodies

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string_view body;
};

// Parses the HTTP response that a `response` record's block holds; false
// when the block is not one.
bool ParseHttp(std::string_view block, HttpResponse* http) {
  if (!block.starts_with("HTTP/")) return false;
  size_t scanned = 0;
  size_t end = FindHeaderEnd(block, kMaxHeaderBytes, &scanned);
  if (end == std::string_view::npos) {
    if (block.size() > kMaxHeaderBytes) return false;
    end = block.size();  // Headers only, no body.
  }
  std::string_view head = block.substr(0, end);
  size_t nl = head.find('\n');
  std::string_view status_line = head.substr(0, nl);
  size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view code = Trim(status_line.substr(space + 1)).substr(0, 3);
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  http->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  http->headers.Parse(nl == std::string_view::npos ? "" : head.substr(nl + 1));
  http->body = block.substr(end);
  return true;
}

// Undoes `Transfer-Encoding: chunked`. Returns false, leaving `*out` alone,
// when `body` does not start with a chunk-size line (crawlers such as
// Common Crawl often store the body de-chunked but keep the header).
// Sets `*damaged` when the chunks stop early; what was decoded is kept.
bool Dechunk(std::string_view body, std::string* out, bool* damaged) {
  *damaged = false;
  std::string decoded;
  bool first = true;
  while (true) {
    size_t nl = body.find('\n');
    std::string_view line = Trim(body.substr(0, nl));
    line = Trim(line.substr(0, line.find(';')));  // Chunk extensions.
    uint64_t size = 0;
    auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (nl == std::string_view::npos || line.empty() || error != std::errc() ||
        end != line.data() + line.size()) {
      if (first) return false;
      *damaged = true;
      break;
    }
    first = false;
    body.remove_prefix(nl + 1);
    if (size == 0) break;  // Trailers, if any, are dropped.
    if (size > body.size()) {
      decoded.append(body);
      *damaged = true;
      break;
    }
    decoded.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) {
      body.remove_prefix(2);
    } else if (body.starts_with("\n")) {
      body.remove_prefix(1);
    }
  }
  *out = std::move(decoded);
  return true;
}

enum class InflateResult { kOk, kEndsEarly, kCorrupt, kTooLarge };

// Inflates `in` (zlib or gzip framing with `window_bits` 15 + 32, raw
// deflate with -15) into `*out`, at most `max_output` bytes.
InflateResult InflateBody(std::string_view in, int window_bits, uint64_t max_output,
                          std::string* out) {
  out->clear();
  if (in.size() > UINT_MAX) return InflateResult::kTooLarge;
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return InflateResult::kCorrupt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char chunk[kInflateChunk];
  InflateResult result = InflateResult::kEndsEarly;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    int ret = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof(chunk) - zs.avail_out;
    if (out->size() + produced > max_output) {
      result = InflateResult::kTooLarge;
      break;
    }
    out->append(chunk, produced);
    if (ret == Z_STREAM_END) {
      result = InflateResult::kOk;
      break;
    }
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      result = InflateResult::kCorrupt;
      break;
    }
    if (produced == 0 && (zs.avail_in == 0 || ret == Z_BUF_ERROR)) break;  // Input ends early.
  }
  inflateEnd(&zs);
  return result;
}

// ---------------------------------------------------------------- Records

// Turns one complete record into a Document, a skip or an error.
class RecordHandler {
 public:
  RecordHandler(const std::string* name, uint64_t max_bytes, WarcCounts* counts,
                const std::function<void(Document)>* on_document)
      : name_(name), max_bytes_(max_bytes), counts_(counts), on_document_(on_document) {}

  // Returns "" or why the record is rejected.
  std::string Handle(size_t number, const Headers& headers, std::string_view block) {
    std::string type = ToLower(headers.Get("WARC-Type"));
    Document doc;
    if (type == "response") {
      HttpResponse http;
      if (!ParseHttp(block, &http)) return Skip("response not HTTP");
      if (http.status < 200 || http.status > 299) {
        return Skip("response status " + std::to_string(http.status));
      }
      std::string media = MediaType(http.headers.Get("Content-Type"));
      if (!media.empty() && !IsHtmlMedia(media)) return Skip("response not HTML");
      if (std::string reason = DecodeBody(http, &doc); !reason.empty()) return reason;
      if (media.empty() && !LooksLikeHtml(doc.raw)) return Skip("response not HTML");
      doc.content_type.assign(http.headers.Get("Content-Type"));
    } else if (type == "resource") {
      std::string_view content_type = headers.Get("Content-Type");
      if (!IsHtmlMedia(MediaType(content_type))) return Skip("resource not HTML");
      doc.raw.assign(block);
      doc.content_type.assign(content_type);
    } else {
      return Skip(type.empty() ? "record without WARC-Type" : type);
    }
    if (doc.raw.empty()) return "empty HTML body";
    if (std::string binary = SniffBinary(doc.raw); !binary.empty()) {
      return "binary body (" + binary + "), not HTML";
    }
    std::string_view uri = headers.Get("WARC-Target-URI");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
      uri = uri.substr(1, uri.size() - 2);
    }
    doc.url.assign(uri);
    doc.fetched.assign(headers.Get("WARC-Date"));
    if (std::string_view cut = headers.Get("WARC-Truncated"); !cut.empty()) {
      doc.warnings.push_back(
          "the crawler truncated this page (WARC-Truncated: " + std::string(cut) + ")");
    }
    doc.source = *name_ + "#" + std::to_string(number);
    doc.format = DocFormat::kHtml;
    ++counts_->documents;
    (*on_document_)(std::move(doc));
    return "";
  }

 private:
  std::string Skip(const std::string& kind) {
    ++counts_->skipped[kind];
    return "";
  }

  // Fills doc->raw with the body, chunking and compression undone.
  std::string DecodeBody(const HttpResponse& http, Document* doc) {
    std::string_view body = http.body;
    std::string dechunked;
    std::string transfer = ToLower(http.headers.Get("Transfer-Encoding"));
    if (transfer.find("chunked") != std::string::npos) {
      bool damaged = false;
      if (Dechunk(body, &dechunked, &damaged)) {
        body = dechunked;
        if (damaged) doc->warnings.push_back("chunked body ends early; kept what was decoded");
      }
    }
    std::string coding = ToLower(Trim(http.headers.Get("Content-Encoding")));
    if (coding.empty() || coding == "identity") {
      doc->raw.assign(body);
      return "";
    }
    if (coding != "gzip" && coding != "x-gzip" && coding != "deflate") {
      return "body encoded as \"" + coding + "\", which is not supported";
    }
    // Crawlers often store the body decoded but keep the header: a body
    // without the gzip magic (or that does not inflate as deflate) and that
    // starts like markup is taken as is.
    bool gzip = coding != "deflate";
    if (gzip && !body.starts_with("\x1F\x8B"sv)) {
      doc->raw.assign(body);
      return "";
    }
    InflateResult result = InflateBody(body, gzip ? 15 + 32 : 15, max_bytes_, &doc->raw);
    if (!gzip && result == InflateResult::kCorrupt) {
      result = InflateBody(body, -15, max_bytes_, &doc->raw);
      if (result == InflateResult::kCorrupt && Trim(body).starts_with("<")) {
        doc->raw.assign(body);
        return "";
      }
    }
    switch (result) {
      case InflateResult::kOk:
        return "";
      case InflateResult::kEndsEarly:
        if (doc->raw.empty()) return coding + " body ends early";
        doc->warnings.push_back(coding + " body ends early; kept the " +
                                std::to_string(doc->raw.size()) + " bytes decoded");
        return "";
      case InflateResult::kCorrupt:
        return "corrupt " + coding + " body";
      case InflateResult::kTooLarge:
        return "body passes the limit of " + std::to_string(max_bytes_) +
               " bytes once decoded (raise it with --max-bytes)";
    }
    return "";
  }

  const std::string* name_;
  uint64_t max_bytes_;
  WarcCounts* counts_;
  const std::function<void(Document)>* on_document_;
};

}  // namespace

// ---------------------------------------------------------------- Reader

class WarcReader::Impl {
 public:
  Impl(std::string name, uint64_t max_record_bytes,
       const std::function<void(Document)>& on_document,
       const std::function<void(const InputError&)>& on_error)
      : name_(std::move(name)),
        max_record_bytes_(max_record_bytes),
        on_document_(on_document),
        on_error_(on_error),
        handler_(&name_, max_record_bytes, &counts_, &on_document_) {}

  void Feed(std::string_view bytes) {
    while (!bytes.empty()) {
      if (state_ == State::kDiscard && pos_ == End()) {
        // The skipped block goes by without being held.
        uint64_t n = std::min<uint64_t>(discard_left_, bytes.size());
        bytes.remove_prefix(static_cast<size_t>(n));
        discard_left_ -= n;
        pos_ += n;
        buffer_.clear();
        base_ = pos_;
        if (discard_left_ == 0) state_ = State::kBetween;
        continue;
      }
      Compact();
      std::string_view slice = bytes.substr(0, kFeedSlice);
      bytes.remove_prefix(slice.size());
      buffer_.append(slice);
      Parse();
    }
  }

  void Finish(std::string_view stream_error) {
    eof_ = true;
    stream_error_.assign(stream_error);
    Parse();
    if (!stream_error_.empty() && !stream_error_reported_) Error(stream_error_);
  }

  const WarcCounts& counts() const { return counts_; }
  uint64_t bytes() const { return End(); }

 private:
  enum class State {
    kBetween,  // Before a record: blank lines, then a version line.
    kHeaders,  // After a version line, before the blank line ending the header.
    kBlock,    // Waiting for the block and the \r\n\r\n after it.
    kDiscard,  // Skipping the block of a record over the size limit.
    kResync,   // Looking for the next version line at the start of a line.
  };

  uint64_t End() const { return base_ + buffer_.size(); }

  // The buffered bytes from stream offset `from` on.
  std::string_view From(uint64_t from) const {
    return std::string_view(buffer_).substr(static_cast<size_t>(from - base_));
  }

  // Drops the buffered bytes no state needs any more, once they are many.
  void Compact() {
    uint64_t keep = pos_;
    if (state_ == State::kHeaders || state_ == State::kBlock) keep = record_start_;
    // The byte before the scan start tells whether it starts a line.
    if (state_ == State::kResync) keep = scan_from_ > 0 ? scan_from_ - 1 : 0;
    keep = std::max(keep, base_);
    size_t drop = static_cast<size_t>(std::min(keep, End()) - base_);
    if (drop == 0 || (drop < buffer_.size() / 2 && drop < kFeedSlice)) return;
    buffer_.erase(0, drop);
    base_ += drop;
  }

  void Parse() {
    for (;;) {
      bool more = false;
      switch (state_) {
        case State::kBetween:
          more = ParseBetween();
          break;
        case State::kHeaders:
          more = ParseHeaders();
          break;
        case State::kBlock:
          more = ParseBlock();
          break;
        case State::kDiscard:
          more = ParseDiscard();
          break;
        case State::kResync:
          more = ParseResync();
          break;
      }
      if (!more) return;
    }
  }

  bool ParseBetween() {
    std::string_view rest = From(pos_);
    size_t blank = 0;
    while (blank < rest.size() && (rest[blank] == '\r' || rest[blank] == '\n')) ++blank;
    pos_ += blank;
    rest.remove_prefix(blank);
    if (rest.empty()) return false;
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos && !eof_ && rest.size() < kMaxVersionLine) return false;
    if (nl != std::string_view::npos && IsVersionLine(rest.substr(0, nl))) {
      number_ = ++counts_.records;
      record_start_ = pos_;
      header_scan_ = nl + 1;
      state_ = State::kHeaders;
      return true;
    }
    if (eof_ && nl == std::string_view::npos && rest.size() < kMaxVersionLine &&
        kMagic.starts_with(rest.substr(0, kMagic.size()))) {
      // A version line cut off by the end of the input.
      number_ = ++counts_.records;
      record_start_ = pos_;
      RejectCut("truncated in its header", std::to_string(rest.size()) + " bytes left");
      pos_ = End();
      return false;
    }
    garbage_start_ = pos_;
    report_garbage_ = true;
    Resync(pos_ + 1);
    return true;
  }

  bool ParseHeaders() {
    std::string_view record = From(record_start_);
    size_t end = FindHeaderEnd(record, kMaxHeaderBytes, &header_scan_);
    if (end == std::string_view::npos) {
      if (record.size() > kMaxHeaderBytes) {
        Reject("header longer than " + std::to_string(kMaxHeaderBytes) +
               " bytes; not a WARC record?");
        Resync(record_start_ + 1);
        return true;
      }
      if (!eof_) return false;
      RejectCut("truncated in its header", std::to_string(record.size()) + " bytes left");
      Resync(record_start_ + 1);
      return true;
    }
    headers_ = Headers();
    size_t version_end = record.find('\n') + 1;
    headers_.Parse(record.substr(version_end, end - version_end));
    block_start_ = record_start_ + end;
    std::string_view length = headers_.Get("Content-Length");
    if (!ParseDecimal(length, &content_length_)) {
      Reject(length.empty() ? "no Content-Length"
                            : "invalid Content-Length \"" + std::string(length) + "\"");
      Resync(block_start_);
      return true;
    }
    if (content_length_ > max_record_bytes_) {
      Reject("Content-Length " + std::to_string(content_length_) + " is over the limit of " +
             std::to_string(max_record_bytes_) + " bytes (raise it with --max-bytes); skipped");
      pos_ = block_start_;
      discard_left_ = content_length_;
      state_ = State::kDiscard;
      return true;
    }
    state_ = State::kBlock;
    return true;
  }

  bool ParseBlock() {
    const uint64_t block_end = block_start_ + content_length_;
    if (End() < block_end + 4 && !eof_) return false;
    if (End() < block_end) {
      RejectCut("truncated", "Content-Length " + std::to_string(content_length_) + ", " +
                                 std::to_string(End() - block_start_) + " bytes left");
      Resync(block_start_);
      return true;
    }
    std::string_view after = From(block_end).substr(0, 4);
    size_t trailer = 0;
    if (after == "\r\n\r\n") {
      trailer = 4;
    } else if (after.starts_with("\n\n")) {
      trailer = 2;  // Writers that end lines with LF alone.
    } else if (eof_ && "\r\n\r\n"sv.starts_with(after)) {
      trailer = after.size();  // The last record, its final blank line cut off.
    } else {
      Reject("wrong Content-Length " + std::to_string(content_length_) +
             " (the block is not followed by a blank line); skipped to the next record");
      Resync(block_start_);
      return true;
    }
    std::string_view block = From(block_start_).substr(0, static_cast<size_t>(content_length_));
    if (std::string reason = handler_.Handle(number_, headers_, block); !reason.empty()) {
      Reject(reason);
    }
    pos_ = block_end + trailer;
    state_ = State::kBetween;
    return true;
  }

  bool ParseDiscard() {
    uint64_t n = std::min<uint64_t>(discard_left_, End() - pos_);
    pos_ += n;
    discard_left_ -= n;
    if (discard_left_ == 0) {
      state_ = State::kBetween;
      return true;
    }
    if (eof_) pos_ = End();  // Cut off inside the skipped block: already reported.
    return false;
  }

  bool ParseResync() {
    std::string_view rest = From(scan_from_);
    for (size_t at = rest.find(kMagic); at != std::string_view::npos;
         at = rest.find(kMagic, at + 1)) {
      uint64_t offset = scan_from_ + at;
      if (offset == 0 || buffer_[static_cast<size_t>(offset - 1 - base_)] == '\n') {
        ReportGarbage(offset);
        pos_ = offset;
        state_ = State::kBetween;
        return true;
      }
    }
    if (eof_) {
      ReportGarbage(End());
      pos_ = End();
      state_ = State::kBetween;
      return false;
    }
    // The magic may straddle this chunk and the next.
    if (rest.size() >= kMagic.size()) scan_from_ = End() - (kMagic.size() - 1);
    return false;
  }

  void Resync(uint64_t from) {
    scan_from_ = from;
    state_ = State::kResync;
  }

  void ReportGarbage(uint64_t end) {
    if (!report_garbage_) return;
    report_garbage_ = false;
    uint64_t n = end - garbage_start_;
    if (end == End() && eof_ && counts_.records == 0) {
      std::string binary;
      if (garbage_start_ >= base_) binary = SniffBinary(From(garbage_start_).substr(0, 64 << 10));
      Error(binary.empty() ? "not a WARC archive (no WARC/1.0 or WARC/1.1 record found)"
                           : "not a WARC archive (" + binary + ")");
      return;
    }
    Error("byte " + std::to_string(garbage_start_) + ": " + std::to_string(n) +
          " bytes that are not a WARC record skipped");
  }

  // Reports the current record.
  void Reject(const std::string& reason) {
    Error("record " + std::to_string(number_) + " at byte " + std::to_string(record_start_) + ": " +
          reason);
  }

  // Reports the current record, cut off by the end of the input: as
  // "<what> (<detail>)", or as "<stream error> (<detail>)" when the stream
  // broke.
  void RejectCut(const std::string& what, const std::string& detail) {
    if (!stream_error_.empty() && !stream_error_reported_) {
      stream_error_reported_ = true;
      Reject(stream_error_ + " (" + detail + ")");
    } else {
      Reject(what + " (" + detail + ")");
    }
  }

  void Error(std::string reason) {
    ++counts_.rejected;
    on_error_(InputError{name_, std::move(reason)});
  }

  const std::string name_;
  const uint64_t max_record_bytes_;
  const std::function<void(Document)> on_document_;
  const std::function<void(const InputError&)> on_error_;
  WarcCounts counts_;
  RecordHandler handler_;

  std::string buffer_;
  uint64_t base_ = 0;  // Stream offset of buffer_[0].
  uint64_t pos_ = 0;   // Stream offset of the first byte not yet consumed.
  State state_ = State::kBetween;
  bool eof_ = false;
  std::string stream_error_;
  bool stream_error_reported_ = false;

  // The record being read.
  size_t number_ = 0;
  uint64_t record_start_ = 0;
  size_t header_scan_ = 0;  // Relative to record_start_.
  Headers headers_;
  uint64_t block_start_ = 0;
  uint64_t content_length_ = 0;
  uint64_t discard_left_ = 0;

  // Resynchronization.
  uint64_t scan_from_ = 0;
  bool report_garbage_ = false;
  uint64_t garbage_start_ = 0;
};

WarcReader::WarcReader(std::string name, uint64_t max_record_bytes,
                       const std::function<void(Document)>& on_document,
                       const std::function<void(const InputError&)>& on_error)
    : impl_(std::make_unique<Impl>(std::move(name), max_record_bytes, on_document, on_error)) {}

WarcReader::~WarcReader() = default;

void WarcReader::Feed(std::string_view bytes) { impl_->Feed(bytes); }

void WarcReader::Finish(std::string_view stream_error) { impl_->Finish(stream_error); }

const WarcCounts& WarcReader::counts() const { return impl_->counts(); }

uint64_t WarcReader::bytes() const { return impl_->bytes(); }

std::string WarcReader::NoDocumentsReason() const {
  const WarcCounts& counts = impl_->counts();
  std::string out = "no HTML pages among " + std::to_string(counts.records) +
                    (counts.records == 1 ? " record" : " records");
  std::string kinds;
  for (const auto& [kind, n] : counts.skipped) {
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  if (!kinds.empty()) out += " (" + kinds + ")";
  return out;
}

bool LooksLikeWarc(std::string_view bytes) { return bytes.starts_with(kMagic); }

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF"sv)) bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' ||
                              bytes[i] == '\n' || bytes[i] == '\f')) {
    ++i;
  }
  bytes.remove_prefix(i);
  return StartsWithNoCase(bytes, "<!doctype html") || StartsWithNoCase(bytes, "<html");
}

}  // namespace rashomon::ingest::internal
