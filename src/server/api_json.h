// server/api_json.h: the JSON of the API (docs/api.md) and the parsing of
// its parameters and request bodies (internal to the server module).
//
// Pure functions, no I/O: server.cc calls the store and sends what these
// build, so the shapes can be tested without a socket.
//
// Thread-safety: reentrant.
#ifndef RSH_SERVER_API_JSON_H_
#define RSH_SERVER_API_JSON_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/document.h"
#include "base/result.h"
#include "base/status.h"
#include "store/store.h"

namespace rashomon::server::internal {

// Deepest nesting of arrays and objects accepted in a request body.
inline constexpr int kMaxJsonDepth = 32;

// The HTTP status for a failed store or collection call: 400 for
// kInvalidArgument, 404 for kNotFound, 413 for kResourceExhausted, 503 for
// kUnavailable, 500 otherwise.
int HttpStatusFor(StatusCode code);

// {"error": message}.
nlohmann::json ErrorJson(std::string_view message);

// The JSON text of `j` (no indentation; invalid UTF-8 replaced by U+FFFD).
std::string Dump(const nlohmann::json& j);

// Parses `text` as a decimal integer in [min, max]. kInvalidArgument naming
// `name` otherwise (signs, spaces and other characters included).
Result<int64_t> ParseInteger(std::string_view name, std::string_view text, int64_t min,
                             int64_t max);

// {"stories": [{"id", "title", "documents", "languages", "conflicts",
// "updated_at"}], "limit", "offset"}.
nlohmann::json StoriesJson(const std::vector<store::StorySummary>& stories, int limit, int offset);

// The document object of GET /api/documents/{id} (docs/api.md).
nlohmann::json DocumentJson(const store::StoredDocument& doc);

// {"hits": [{"document_id", "title", "snippet", "rank"}]}.
nlohmann::json SearchJson(const std::vector<store::SearchHit>& hits);

// Whether a Content-Type header value names JSON ("application/json",
// parameters and case ignored).
bool IsJsonContentType(std::string_view content_type);

// Turns the body of POST /api/documents into a Document to extract: a JSON
// object with a string "url" and exactly one of "html" (a kHtml document,
// read as UTF-8) and "text" (kText), optional strings "title", "published",
// "source" (default: the url), "outlet" and an array of strings "authors".
// kInvalidArgument with a message for the client otherwise (not JSON,
// nested deeper than kMaxJsonDepth, a missing or mistyped field, an empty
// page or text).
Result<Document> ParseNewDocument(std::string_view body);

}  // namespace rashomon::server::internal

#endif  // RSH_SERVER_API_JSON_H_
