// JSON-LD: picks the page's main article object and reads it; see
// metadata_internal.h and docs/metadata.md.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/metadata_internal.h"
#include "html/dom.h"
#include "html/parser.h"

namespace rashomon::extract::internal {
namespace {

using html::Dom;
using Json = nlohmann::json;

// JSON-LD text is raw script text, so some publishers' values still carry
// character references ("Rock &amp; Roll", "&#8217;"). The HTML parser
// decodes them in the text of a <title> (escapable raw text: references are
// decoded, tags are not read).
std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string doc = "<title>";
  doc += s;
  Result<Dom> dom = html::ParseHtml(doc, html::ParseOptions());
  if (!dom.ok()) return std::string(s);
  return dom->InnerText(dom->root());
}

std::string JsonString(const Json& v) {
  if (v.is_string()) return DecodeEntities(v.get_ref<const std::string&>());
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_array() && !v.empty() && v.front().is_string())
    return DecodeEntities(v.front().get_ref<const std::string&>());
  if (v.is_object()) {
    for (const char* key : {"@value", "name", "url"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string())
        return DecodeEntities(it->get_ref<const std::string&>());
    }
  }
  return "";
}

std::string Field(const Json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it == obj.end() ? "" : JsonString(*it);
}

// 3 for NewsArticle and kin, 2 for other articles and postings, 1 for web
// pages, 0 otherwise.
int TypeRank(const Json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return 0;
  std::vector<std::string> types;
  if (it->is_string()) types.push_back(it->get<std::string>());
  if (it->is_array())
    for (const Json& t : *it)
      if (t.is_string()) types.push_back(t.get<std::string>());
  int rank = 0;
  for (std::string t : types) {
    size_t slash = t.find_last_of("/:");
    if (slash != std::string::npos) t.erase(0, slash + 1);
    if (EndsWith(t, "NewsArticle") || t == "ReportageNews" || t == "SatiricalArticle")
      rank = std::max(rank, 3);
    else if (EndsWith(t, "Article") || EndsWith(t, "Posting") || t == "Report")
      rank = std::max(rank, 2);
    else if (EndsWith(t, "WebPage") || t == "ItemPage")
      rank = std::max(rank, 1);
  }
  return rank;
}

struct JsonObject {
  const Json* obj;
  int depth;
  int rank;
};

// Flattens the objects of all documents, document order, bounded depth.
void CollectObjects(const std::vector<Json>& docs, std::vector<JsonObject>* objects,
                    std::vector<std::pair<std::string, const Json*>>* ids) {
  for (const Json& doc : docs) {
    std::vector<std::pair<const Json*, int>> stack = {{&doc, 0}};
    while (!stack.empty() && objects->size() < kMaxJsonObjects) {
      auto [v, depth] = stack.back();
      stack.pop_back();
      if (depth > kMaxJsonDepth) continue;
      if (v->is_object()) {
        objects->push_back({v, depth, TypeRank(*v)});
        auto id = v->find("@id");
        if (id != v->end() && id->is_string() && v->size() > 1)
          ids->emplace_back(id->get<std::string>(), v);
      }
      if (!v->is_object() && !v->is_array()) continue;
      // Push in reverse so that children come out in document order.
      std::vector<const Json*> children;
      for (const Json& child : *v)
        if (child.is_object() || child.is_array()) children.push_back(&child);
      for (auto c = children.rbegin(); c != children.rend(); ++c) stack.emplace_back(*c, depth + 1);
    }
  }
}

// Where an article object says it lives.
std::vector<std::string> ObjectUrls(const Json& obj) {
  std::vector<std::string> urls;
  for (const char* key : {"url", "@id", "mainEntityOfPage"}) {
    auto it = obj.find(key);
    if (it == obj.end()) continue;
    if (it->is_object()) {
      for (const char* sub : {"@id", "url"}) urls.push_back(Field(*it, sub));
    } else {
      urls.push_back(JsonString(*it));
    }
  }
  return urls;
}

// The main article: one at the page's URL, else the best-ranked shallow
// one, else the first article.
const Json* PickArticle(const std::vector<JsonObject>& objects, std::string_view page_key) {
  const Json* best = nullptr;
  int best_score = -1;
  for (const JsonObject& o : objects) {
    if (o.rank < 2) continue;
    int score = o.rank;
    if (o.depth <= 3) score += 10;
    if (!page_key.empty()) {
      for (const std::string& u : ObjectUrls(*o.obj))
        if (UrlKey(u) == page_key) score += 20;
    }
    if (o.obj->contains("headline")) score += 4;
    if (score > best_score) {
      best = o.obj;
      best_score = score;
    }
  }
  return best;
}

using IdMap = std::vector<std::pair<std::string, const Json*>>;

const Json* Resolve(const Json& v, const IdMap& ids) {
  if (!v.is_object() || v.size() != 1) return &v;
  auto id = v.find("@id");
  if (id == v.end() || !id->is_string()) return &v;
  for (const auto& [key, obj] : ids)
    if (key == id->get_ref<const std::string&>()) return obj;
  return &v;
}

// Person or organization names in an author value: a string, an object
// with a name (or given and family names), an @id reference, or an array.
void JsonNames(const Json& value, const IdMap& ids, std::vector<std::string>* out) {
  std::vector<std::pair<const Json*, int>> stack = {{&value, 0}};
  while (!stack.empty() && out->size() < kMaxAuthors) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > 4) continue;
    v = Resolve(*v, ids);
    if (v->is_string()) {
      out->push_back(DecodeEntities(v->get_ref<const std::string&>()));
    } else if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) stack.emplace_back(&*it, depth + 1);
    } else if (v->is_object()) {
      auto name = v->find("name");
      if (name != v->end()) {
        if (name->is_string() || name->is_array()) stack.emplace_back(&*name, depth + 1);
      } else {
        std::string full = Field(*v, "givenName") + " " + Field(*v, "familyName");
        if (full.size() > 1) out->push_back(full);
      }
    }
  }
}

// An image value: a URL, an ImageObject, or an array of either.
std::string ImageUrl(const Json& v) {
  const Json* image = &v;
  if (image->is_array()) {
    if (image->empty()) return "";
    image = &image->front();
  }
  if (image->is_object()) return Field(*image, "url");
  return JsonString(*image);
}

void ReadArticle(const Json& a, const IdMap& ids, JsonLdFacts* out) {
  out->headline = Field(a, "headline");
  if (out->headline.empty()) out->headline = Field(a, "name");
  out->published = Field(a, "datePublished");
  if (out->published.empty()) out->published = Field(a, "dateCreated");
  out->modified = Field(a, "dateModified");
  out->body = Field(a, "articleBody");
  out->description = Field(a, "description");
  auto image = a.find("image");
  if (image != a.end()) out->image = ImageUrl(*image);
  for (const char* key : {"author", "creator"}) {
    auto it = a.find(key);
    if (it != a.end() && out->authors.empty()) JsonNames(*it, ids, &out->authors);
  }
  auto publisher = a.find("publisher");
  if (publisher != a.end()) {
    std::vector<std::string> names;
    JsonNames(*publisher, ids, &names);
    if (!names.empty()) out->publisher = names.front();
  }
}

// JSON-LD scripts sometimes hold raw line breaks inside strings, which
// strict JSON refuses; outside strings they are whitespace either way.
std::string SanitizeJson(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

// Nesting depth of brackets outside strings; parsing stops being useful
// long before the depth a hostile page could reach.
int JsonNesting(std::string_view s) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

}  // namespace

JsonLdFacts ReadJsonLd(const PageFacts& facts, std::string_view page_key) {
  JsonLdFacts out;
  try {
    std::vector<Json> docs;
    for (const std::string& script : facts.json_ld) {
      if (JsonNesting(script) > 2 * kMaxJsonDepth) continue;
      Json doc = Json::parse(SanitizeJson(script), nullptr, /*allow_exceptions=*/false,
                             /*ignore_comments=*/true);
      if (!doc.is_discarded()) docs.push_back(std::move(doc));
    }
    std::vector<JsonObject> objects;
    IdMap ids;
    CollectObjects(docs, &objects, &ids);
    if (const Json* article = PickArticle(objects, page_key)) ReadArticle(*article, ids, &out);
    for (const JsonObject& o : objects) {
      if (o.rank == 1 && out.page_published.empty())
        out.page_published = Field(*o.obj, "datePublished");
    }
  } catch (const std::exception&) {
    // A malformed value in one page's JSON-LD: keep what was read.
  }
  return out;
}

}  // namespace rashomon::extract::internal
