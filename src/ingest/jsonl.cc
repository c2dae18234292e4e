#include "ingest/jsonl.h"

#include <simdjson.h>

#include <cstring>
#include <utility>
#include <vector>

namespace rashomon::ingest::internal {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// A line buffer grown past this is released after its line.
constexpr size_t kKeepCarryBytes = 1 << 20;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (!IsJsonSpace(c)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string JsonError(simdjson::error_code error) {
  return std::string("invalid JSON: ") + simdjson::error_message(error);
}

void AddAuthors(std::string_view value, std::vector<std::string>* authors) {
  // "A, B and C" style parsing is left to later stages: only ", " splits.
  for (;;) {
    size_t comma = value.find(", ");
    std::string_view one = Trim(value.substr(0, comma));
    if (!one.empty()) authors->emplace_back(one);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 2);
  }
}

void WarnIgnored(std::string_view key, std::string_view wanted, Document* doc) {
  doc->warnings.push_back("field \"" + std::string(key) + "\" is not " + std::string(wanted) +
                          "; ignored");
}

// What ParseLine found besides the Document fields.
struct LineFields {
  bool has_text = false;
  bool has_html = false;
  std::string html;  // Moved into Document::raw when present: html wins over text.
  std::string id;
};

// Fills `*out` from a string value. Other types leave it alone; all but
// null add a warning.
simdjson::error_code ReadString(std::string_view key, od::value& value, std::string* out,
                                Document* doc) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type == od::json_type::string) {
    std::string_view s;
    if (auto e = value.get_string().get(s)) return e;
    out->assign(s);
  } else if (type != od::json_type::null) {
    WarnIgnored(key, "a string", doc);
  }
  return simdjson::SUCCESS;
}

simdjson::error_code ReadId(od::value& value, LineFields* fields, Document* doc) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type == od::json_type::number) {
    // Keep the number as written ("007", "1e3"); get_double validates it.
    std::string_view token = Trim(value.raw_json_token());
    double unused;
    if (auto e = value.get_double().get(unused)) return e;
    fields->id.assign(token);
    return simdjson::SUCCESS;
  }
  if (type == od::json_type::string || type == od::json_type::null) {
    return ReadString("id", value, &fields->id, doc);
  }
  WarnIgnored("id", "a string or a number", doc);
  return simdjson::SUCCESS;
}

simdjson::error_code ReadAuthors(od::value& value, Document* doc) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type == od::json_type::string) {
    std::string_view s;
    if (auto e = value.get_string().get(s)) return e;
    AddAuthors(s, &doc->authors);
  } else if (type == od::json_type::array) {
    od::array array;
    if (auto e = value.get_array().get(array)) return e;
    bool warned = false;
    for (auto element_result : array) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) return e;
      od::json_type element_type;
      if (auto e = element.type().get(element_type)) return e;
      if (element_type == od::json_type::string) {
        std::string_view s;
        if (auto e = element.get_string().get(s)) return e;
        std::string_view name = Trim(s);
        if (!name.empty()) doc->authors.emplace_back(name);
      } else if (!warned) {
        warned = true;
        doc->warnings.push_back("field \"authors\" holds a value that is not a string; ignored");
      }
    }
  } else if (type != od::json_type::null) {
    WarnIgnored("authors", "a string or an array of strings", doc);
  }
  return simdjson::SUCCESS;
}

simdjson::error_code ReadField(std::string_view key, od::value& value, LineFields* fields,
                               Document* doc) {
  if (key == "text") {
    od::json_type type;
    if (auto e = value.type().get(type)) return e;
    if (type != od::json_type::string) return simdjson::SUCCESS;  // Reported by the caller.
    std::string_view s;
    if (auto e = value.get_string().get(s)) return e;
    doc->raw.assign(s);
    fields->has_text = true;
    return simdjson::SUCCESS;
  }
  if (key == "html") {
    od::json_type type;
    if (auto e = value.type().get(type)) return e;
    if (type != od::json_type::string) {
      if (type != od::json_type::null) WarnIgnored(key, "a string", doc);
      return simdjson::SUCCESS;
    }
    std::string_view s;
    if (auto e = value.get_string().get(s)) return e;
    fields->html.assign(s);
    fields->has_html = true;
    return simdjson::SUCCESS;
  }
  if (key == "content_type") return ReadString(key, value, &doc->content_type, doc);
  if (key == "id") return ReadId(value, fields, doc);
  if (key == "url") return ReadString(key, value, &doc->url, doc);
  if (key == "title") return ReadString(key, value, &doc->given_title, doc);
  if (key == "published") return ReadString(key, value, &doc->published, doc);
  if (key == "outlet") return ReadString(key, value, &doc->outlet, doc);
  if (key == "authors") return ReadAuthors(value, doc);
  return simdjson::SUCCESS;  // Unknown fields are skipped by the iterator.
}

// Parses one line with a reused parser and a reused padded buffer.
class LineParser {
 public:
  // Fills `*doc` from the JSON object on `line`; its source is set from `id`
  // or `url` when present, else left empty. Returns "" on success, else why
  // the line is rejected.
  std::string Parse(std::string_view line, Document* doc) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end.
    buffer_.assign(line.data(), line.size());
    buffer_.append(simdjson::SIMDJSON_PADDING, ' ');
    od::document json;
    if (auto e = parser_.iterate(buffer_.data(), line.size(), buffer_.size()).get(json)) {
      return JsonError(e);
    }
    od::json_type type;
    if (auto e = json.type().get(type)) return JsonError(e);
    if (type != od::json_type::object) return "not a JSON object";
    od::object object;
    if (auto e = json.get_object().get(object)) return JsonError(e);
    LineFields fields;
    for (auto field_result : object) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return JsonError(e);
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return JsonError(e);
      if (auto e = ReadField(key, field.value(), &fields, doc)) return JsonError(e);
    }
    const char* rest = nullptr;
    if (json.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
      return "invalid JSON: more content after the object";
    }
    if (fields.has_html) {
      doc->raw = std::move(fields.html);
      doc->format = DocFormat::kHtml;
    } else if (!fields.has_text) {
      return "no string field \"text\"";
    }
    if (!fields.id.empty()) {
      doc->source = std::move(fields.id);
    } else if (!doc->url.empty()) {
      doc->source = doc->url;
    }
    return "";
  }

 private:
  od::parser parser_;
  std::string buffer_;
};

}  // namespace

std::string SizeLimitMessage(std::string_view what, uint64_t size, uint64_t limit) {
  return std::string(what) + " holds " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(limit) + " bytes (raise it with --max-bytes)";
}

struct JsonlReader::Impl {
  std::string name;
  uint64_t max_line_bytes;
  std::function<void(Document)> on_document;
  std::function<void(const InputError&)> on_error;
  LineParser parser;
  std::string carry;        // The start of a line split across chunks.
  uint64_t line_bytes = 0;  // Length of the pending line so far.
  bool oversize = false;    // The pending line passed max_line_bytes.
  size_t line_number = 0;
  size_t documents = 0;
  size_t non_blank_lines = 0;

  bool LinePending() const { return line_bytes > 0 || !carry.empty(); }

  void Append(std::string_view part) {
    line_bytes += part.size();
    if (oversize) return;
    if (line_bytes > max_line_bytes) {
      oversize = true;
      std::string().swap(carry);
      return;
    }
    carry.append(part);
  }

  // Ends the pending line, whose bytes are `line` unless it is oversize.
  void EndLine(std::string_view line) {
    ++line_number;
    if (oversize) {
      ++non_blank_lines;
      on_error({LineSource(), SizeLimitMessage("line", line_bytes, max_line_bytes)});
    } else {
      Handle(line);
    }
    line_bytes = 0;
    oversize = false;
    if (carry.capacity() > kKeepCarryBytes) {
      std::string().swap(carry);
    } else {
      carry.clear();
    }
  }

  void Handle(std::string_view line) {
    if (line_number == 1 && line.starts_with(kUtf8Bom)) line.remove_prefix(kUtf8Bom.size());
    if (IsBlank(line)) return;
    ++non_blank_lines;
    Document doc;
    std::string reason = parser.Parse(line, &doc);
    if (!reason.empty()) {
      on_error({LineSource(), std::move(reason)});
      return;
    }
    if (doc.source.empty()) doc.source = LineSource();
    ++documents;
    on_document(std::move(doc));
  }

  std::string LineSource() const { return name + ":" + std::to_string(line_number); }
};

JsonlReader::JsonlReader(std::string name, uint64_t max_line_bytes,
                         const std::function<void(Document)>& on_document,
                         const std::function<void(const InputError&)>& on_error)
    : impl_(new Impl{std::move(name), max_line_bytes, on_document, on_error, {}, {}}) {}

JsonlReader::~JsonlReader() = default;

void JsonlReader::Feed(std::string_view bytes) {
  Impl& s = *impl_;
  while (!bytes.empty()) {
    const void* found = std::memchr(bytes.data(), '\n', bytes.size());
    if (found == nullptr) {
      s.Append(bytes);
      return;
    }
    size_t length = static_cast<const char*>(found) - bytes.data();
    std::string_view part = bytes.substr(0, length);
    if (!s.LinePending()) {
      // The common case: the whole line is in `bytes`; no copy.
      s.line_bytes = length;
      s.oversize = length > s.max_line_bytes;
      s.EndLine(part);
    } else {
      s.Append(part);
      s.EndLine(s.carry);
    }
    bytes.remove_prefix(length + 1);
  }
}

void JsonlReader::Finish(bool complete) {
  Impl& s = *impl_;
  if (!s.LinePending()) return;
  if (complete) {
    s.EndLine(s.carry);
  } else {
    s.line_bytes = 0;
    s.oversize = false;
    std::string().swap(s.carry);
  }
}

size_t JsonlReader::documents() const { return impl_->documents; }

size_t JsonlReader::non_blank_lines() const { return impl_->non_blank_lines; }

bool LooksLikeJsonl(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  size_t start = 0;
  while (start < bytes.size() && IsJsonSpace(bytes[start])) ++start;
  if (start == bytes.size() || bytes[start] != '{') return false;
  std::string_view line = bytes.substr(start);
  line = line.substr(0, line.find('\n'));
  LineParser parser;
  Document doc;
  return parser.Parse(line, &doc).empty();
}

}  // namespace rashomon::ingest::internal
