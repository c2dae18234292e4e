#include "server/api_json.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <system_error>
#include <utility>

#include "base/document_json.h"

namespace rashomon::server::internal {
namespace {

using Json = nlohmann::json;

// The nesting depth of the JSON text `body`, counted without parsing (and
// without recursion) so that a deeply nested body is refused before the
// parser sees it. Brackets inside strings do not count.
int NestingDepth(std::string_view body) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Reads the optional string field `key` of `obj` into `*out`.
Status OptionalString(const Json& obj, const char* key, std::string* out) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string())
    return InvalidArgumentError(std::string("\"") + key + "\" must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

Json ErrorJson(std::string_view message) { return Json{{"error", std::string(message)}}; }

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Result<int64_t> ParseInteger(std::string_view name, std::string_view text, int64_t min,
                             int64_t max) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  // from_chars accepts a leading '-'; only digits are allowed here.
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  const std::from_chars_result parsed = std::from_chars(text.data(), end, value);
  if (!digits || parsed.ec != std::errc() || parsed.ptr != end || value < min || value > max) {
    return InvalidArgumentError(std::string(name) + " must be an integer from " +
                                std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

namespace {

// The near-copies of a document: [{"id", "jaccard", "copies"}], "copies"
// true when the document copies that one (stored before it).
Json CopiesJson(const std::vector<store::StoredDocument::Copy>& copies) {
  Json out = Json::array();
  for (const store::StoredDocument::Copy& c : copies) {
    out.push_back({{"id", c.document_id}, {"jaccard", c.jaccard}, {"copies", c.earlier}});
  }
  return out;
}

}  // namespace

Json StoriesJson(const std::vector<store::StorySummary>& stories, int limit, int offset) {
  Json list = Json::array();
  for (const store::StorySummary& s : stories) {
    list.push_back({{"id", s.id},
                    {"title", s.title},
                    {"documents", s.documents},
                    {"languages", s.languages},
                    {"conflicts", s.conflicts},
                    {"updated_at", s.updated_at}});
  }
  return {{"stories", std::move(list)}, {"limit", limit}, {"offset", offset}};
}

Json DocumentJson(const store::StoredDocument& stored) {
  const Document& d = stored.document;
  return {{"id", stored.id},
          {"source", d.source},
          {"url", d.url},
          {"title", d.title},
          {"language", d.language},
          {"published", d.published},
          {"outlet", d.outlet},
          {"authors", d.authors},
          {"format", d.format == DocFormat::kHtml ? "html" : "text"},
          {"canonical_url", d.canonical_url},
          {"description", d.description},
          {"fetched", d.fetched},
          {"charset", d.charset},
          {"warnings", d.warnings},
          {"raw", d.raw},
          {"text", stored.text},
          {"blocks", BlocksJson(d.blocks)},
          {"removed", RemovedJson(d.removed)},
          {"content_hash", stored.content_hash},
          {"stories", stored.stories},
          {"copies", CopiesJson(stored.copies)}};
}

Json SearchJson(const std::vector<store::SearchHit>& hits) {
  Json list = Json::array();
  for (const store::SearchHit& h : hits) {
    list.push_back({{"document_id", h.document_id},
                    {"title", h.title},
                    {"snippet", h.snippet},
                    {"rank", h.rank}});
  }
  return {{"hits", std::move(list)}};
}

bool IsJsonContentType(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && std::isspace(static_cast<unsigned char>(media.back()))) {
    media.remove_suffix(1);
  }
  while (!media.empty() && std::isspace(static_cast<unsigned char>(media.front()))) {
    media.remove_prefix(1);
  }
  constexpr std::string_view kJson = "application/json";
  return media.size() == kJson.size() &&
         std::equal(media.begin(), media.end(), kJson.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

Result<Document> ParseNewDocument(std::string_view body) {
  if (NestingDepth(body) > kMaxJsonDepth) {
    return InvalidArgumentError("the body nests deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  }
  const Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("the body is not valid JSON");
  if (!j.is_object()) return InvalidArgumentError("the body must be a JSON object");
  Document doc;
  const auto url = j.find("url");
  if (url == j.end() || !url->is_string() || url->get_ref<const std::string&>().empty()) {
    return InvalidArgumentError("\"url\" must be a non-empty string");
  }
  doc.url = url->get<std::string>();
  const bool has_html = j.contains("html"), has_text = j.contains("text");
  if (has_html == has_text) {
    return InvalidArgumentError("give exactly one of \"html\" and \"text\"");
  }
  const Json& content = j.at(has_html ? "html" : "text");
  if (!content.is_string()) {
    return InvalidArgumentError(has_html ? "\"html\" must be a string"
                                         : "\"text\" must be a string");
  }
  doc.raw = content.get<std::string>();
  if (IsBlank(doc.raw)) {
    return InvalidArgumentError(has_html ? "\"html\" is empty" : "\"text\" is empty");
  }
  if (has_html) {
    doc.format = DocFormat::kHtml;
    doc.content_type = "text/html; charset=utf-8";  // JSON strings are UTF-8.
  }
  RSH_RETURN_IF_ERROR(OptionalString(j, "title", &doc.given_title));
  RSH_RETURN_IF_ERROR(OptionalString(j, "published", &doc.published));
  RSH_RETURN_IF_ERROR(OptionalString(j, "outlet", &doc.outlet));
  RSH_RETURN_IF_ERROR(OptionalString(j, "source", &doc.source));
  if (doc.source.empty()) doc.source = doc.url;
  if (const auto authors = j.find("authors"); authors != j.end() && !authors->is_null()) {
    const bool ok = authors->is_array() && std::all_of(authors->begin(), authors->end(),
                                                       [](const Json& a) { return a.is_string(); });
    if (!ok) return InvalidArgumentError("\"authors\" must be an array of strings");
    doc.authors = authors->get<std::vector<std::string>>();
  }
  return doc;
}

}  // namespace rashomon::server::internal
