#include "extract/metadata.h"

#include <algorithm>
#include <exception>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "html/dom.h"
#include "html/parser.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace {

using html::Dom;
using html::kNoNode;
using html::NodeId;
using html::Tag;
using Json = nlohmann::json;

// Budgets for untrusted input.
constexpr size_t kMaxJsonLdBytes = size_t{2} << 20;  // All JSON-LD scripts together.
constexpr size_t kMaxJsonLdScripts = 64;
constexpr int kMaxJsonDepth = 32;         // Deeper JSON-LD values are not read.
constexpr size_t kMaxJsonObjects = 4096;  // Objects visited per page.
constexpr size_t kMaxCandidates = 64;     // Byline, date and time elements kept.
constexpr size_t kMaxBylineBytes = 600;   // Text read from one byline element.
constexpr size_t kMaxAuthors = 32;
constexpr size_t kMaxAuthorBytes = 80;  // A longer "name" is a sentence.
constexpr int kMaxAuthorWords = 6;

// ---------------------------------------------------------------------------
// Small string helpers.

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

template <size_t N>
bool InTable(std::string_view word, const char* const (&table)[N]) {
  for (const char* w : table)
    if (word == w) return true;
  return false;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Whitespace folded; invalid UTF-8 repaired first so the text module's
// preconditions hold.
std::string Fold(std::string_view s) {
  if (text::IsValidUtf8(s)) return text::CollapseWhitespace(s);
  std::string repaired;
  text::RepairUtf8(s, &repaired);
  return text::CollapseWhitespace(repaired);
}

// Case- and punctuation-insensitive key without spaces ("Der Spiegel" and
// "DER-SPIEGEL" give "derspiegel").
std::string CompactKey(std::string_view s) {
  std::string key = text::LooseKey(Fold(s));
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

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

// ---------------------------------------------------------------------------
// URLs.

bool HasScheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

// "https://host" of an absolute URL, or "".
std::string_view Origin(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  size_t end = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, end);
}

// The host of `url` in lower case without "www." and port.
std::string Host(std::string_view url) {
  std::string_view origin = Origin(url);
  if (origin.empty()) return "";
  std::string_view host = origin.substr(origin.find("://") + 3);
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  std::string out = AsciiLower(host);
  if (StartsWith(out, "www.")) out.erase(0, 4);
  return out;
}

// Removes "." and ".." segments from an absolute path.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(i, slash - i);
    bool last = slash == path.size();
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
      if (last) out.push_back("");
    } else if (seg == ".") {
      if (last) out.push_back("");
    } else {
      out.push_back(seg);
    }
    i = slash + 1;
  }
  std::string joined;
  for (size_t k = 0; k < out.size(); ++k) {
    if (k > 0) joined += '/';
    joined += out[k];
  }
  return joined;
}

// `ref` resolved against the absolute URL `base`; "" when it cannot be made
// an absolute http(s) URL.
std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = Fold(ref);
  if (r.empty()) return "";
  if (HasScheme(r)) {
    std::string lower = AsciiLower(r.substr(0, 8));
    return StartsWith(lower, "http://") || StartsWith(lower, "https://") ? r : "";
  }
  std::string_view origin = Origin(base);
  if (origin.empty()) return "";
  if (StartsWith(r, "//")) return std::string(origin.substr(0, origin.find(':') + 1)) + r;
  std::string_view rest = base.substr(origin.size());
  std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  if (r[0] == '#') return std::string(base.substr(0, base.find('#'))) + r;
  if (r[0] == '?') return std::string(origin) + std::string(path) + r;
  std::string target;
  if (r[0] == '/') {
    target = r;
  } else {
    size_t slash = path.rfind('/');
    target = (slash == std::string_view::npos ? std::string("/")
                                              : std::string(path.substr(0, slash + 1))) +
             r;
  }
  size_t query = target.find_first_of("?#");
  std::string tail = query == std::string::npos ? "" : target.substr(query);
  return std::string(origin) + RemoveDotSegments(target.substr(0, query)) + tail;
}

// A URL reduced for comparison: host without "www.", path without a
// trailing slash, no scheme, query or fragment.
std::string UrlKey(std::string_view url) {
  std::string host = Host(url);
  if (host.empty()) return "";
  std::string_view origin = Origin(url);
  std::string_view rest = url.substr(origin.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  return host + std::string(rest);
}

// ---------------------------------------------------------------------------
// One pass over the DOM collects what the readers below need.

struct MetaTag {
  std::string key;  // Lower-cased property, name, itemprop or http-equiv.
  std::string_view value;
};

struct PageFacts {
  std::vector<MetaTag> metas;
  std::string_view html_lang;
  std::string title_tag;
  std::string_view canonical;
  std::vector<NodeId> h1s, rel_authors /* and author-page links */, itemprop_authors,
      itemprop_dates, times, bylines, date_boxes;
  std::vector<std::string> json_ld;
  NodeId article = kNoNode;  // First <article>, else first <main>.
  NodeId main = kNoNode;
};

bool HasToken(std::string_view list, std::string_view token) {
  std::string lower = AsciiLower(list);
  size_t i = 0;
  while (i < lower.size()) {
    size_t end = lower.find_first_of(" \t\n\r\f", i);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(i, end - i) == token) return true;
    i = end + 1;
  }
  return false;
}

// A link to an author's page ("/author/jane-doe", "/autoren/name/...").
bool IsAuthorPage(std::string_view href) {
  static constexpr const char* kSegments[] = {
      "/author/",      "/authors/",      "/autor/",    "/autoren/", "/auteur/",
      "/auteurs/",     "/autore/",       "/autori/",   "/autores/", "/journalist/",
      "/journalists/", "/journalisten/", "/reporter/", "/profile/", "/profil/"};
  if (href.size() > 512) return false;
  std::string lower = AsciiLower(href);
  for (const char* seg : kSegments)
    if (lower.find(seg) != std::string::npos) return true;
  return false;
}

void PushCapped(std::vector<NodeId>* v, NodeId n) {
  if (v->size() < kMaxCandidates) v->push_back(n);
}

void VisitMeta(const Dom& dom, NodeId n, PageFacts* facts) {
  std::string_view content = dom.attr(n, "content");
  for (std::string_view key_attr : {"property", "name", "itemprop", "http-equiv"}) {
    std::string_view key = dom.attr(n, key_attr);
    if (!key.empty()) facts->metas.push_back({AsciiLower(Fold(key)), content});
  }
}

// Class or id names that mark bylines and date lines.
void VisitNames(const Dom& dom, NodeId n, PageFacts* facts) {
  std::string names = AsciiLower(dom.attr(n, "class"));
  names += ' ';
  names += AsciiLower(dom.attr(n, "id"));
  if (names.size() <= 1) return;
  // Comment threads and forms name their own authors ("comment-author").
  bool comment = names.find("comment") != std::string::npos;
  if (!comment &&
      (names.find("byline") != std::string::npos || names.find("author") != std::string::npos ||
       names.find("autor") != std::string::npos))
    PushCapped(&facts->bylines, n);
  if (names.find("date") != std::string::npos || names.find("time") != std::string::npos ||
      names.find("publish") != std::string::npos || names.find("byline") != std::string::npos)
    PushCapped(&facts->date_boxes, n);
}

void VisitScript(const Dom& dom, NodeId n, PageFacts* facts, size_t* json_bytes) {
  if (AsciiLower(dom.attr(n, "type")).find("ld+json") == std::string::npos) return;
  if (facts->json_ld.size() >= kMaxJsonLdScripts) return;
  std::string body = dom.InnerText(n);
  if (*json_bytes + body.size() > kMaxJsonLdBytes) return;
  *json_bytes += body.size();
  facts->json_ld.push_back(std::move(body));
}

// Records element `n`; returns true when its children need no visit.
bool Visit(const Dom& dom, NodeId n, PageFacts* facts, size_t* json_bytes) {
  switch (dom.tag(n)) {
    case Tag::kSvg:
    case Tag::kStyle:
    case Tag::kTemplate:
      return true;
    case Tag::kHtml:
      if (facts->html_lang.empty()) facts->html_lang = dom.attr(n, "lang");
      break;
    case Tag::kMeta:
      VisitMeta(dom, n, facts);
      break;
    case Tag::kLink:
      if (HasToken(dom.attr(n, "rel"), "canonical") && facts->canonical.empty())
        facts->canonical = dom.attr(n, "href");
      break;
    case Tag::kTitle:
      if (facts->title_tag.empty()) facts->title_tag = Fold(dom.InnerText(n));
      return true;
    case Tag::kH1:
      PushCapped(&facts->h1s, n);
      break;
    case Tag::kScript:
      VisitScript(dom, n, facts, json_bytes);
      return true;
    case Tag::kTime:
      PushCapped(&facts->times, n);
      break;
    case Tag::kArticle:
      if (facts->article == kNoNode) facts->article = n;
      break;
    case Tag::kMain:
      if (facts->main == kNoNode) facts->main = n;
      break;
    default:
      break;
  }
  if (dom.tag(n) == Tag::kA &&
      (HasToken(dom.attr(n, "rel"), "author") || IsAuthorPage(dom.attr(n, "href"))))
    PushCapped(&facts->rel_authors, n);
  std::string_view itemprop = dom.attr(n, "itemprop");
  if (!itemprop.empty() && dom.tag(n) != Tag::kMeta) {
    if (HasToken(itemprop, "author") || HasToken(itemprop, "creator"))
      PushCapped(&facts->itemprop_authors, n);
    if (HasToken(itemprop, "datepublished")) PushCapped(&facts->itemprop_dates, n);
  }
  VisitNames(dom, n, facts);
  return false;
}

PageFacts CollectFacts(const Dom& dom) {
  PageFacts facts;
  size_t json_bytes = 0;
  NodeId n = dom.root();
  while (n != kNoNode) {
    bool skip = dom.is_element(n) && Visit(dom, n, &facts, &json_bytes);
    n = dom.Next(n, dom.root(), skip);
  }
  if (facts.article == kNoNode) facts.article = facts.main;
  return facts;
}

// The first non-empty value of meta `key`.
std::string_view Meta(const PageFacts& facts, std::string_view key) {
  for (const MetaTag& m : facts.metas)
    if (m.key == key && !m.value.empty()) return m.value;
  return "";
}

std::string_view FirstMeta(const PageFacts& facts, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    std::string_view v = Meta(facts, key);
    if (!Fold(v).empty()) return v;
  }
  return "";
}

bool IsInside(const Dom& dom, NodeId n, NodeId ancestor) {
  if (ancestor == kNoNode) return false;
  for (NodeId p = n; p != kNoNode; p = dom.parent(p))
    if (p == ancestor) return true;
  return false;
}

bool HasAncestor(const Dom& dom, NodeId n, Tag tag) {
  for (NodeId p = dom.parent(n); p != kNoNode; p = dom.parent(p))
    if (dom.is_element(p) && dom.tag(p) == tag) return true;
  return false;
}

// Marks element boundaries in LineText; names and dates never contain it.
constexpr char kBoundary = '\x1F';

bool IsInlineTag(Tag tag) {
  switch (tag) {
    case Tag::kSpan:
    case Tag::kB:
    case Tag::kStrong:
    case Tag::kI:
    case Tag::kEm:
    case Tag::kU:
    case Tag::kSmall:
    case Tag::kFont:
    case Tag::kAbbr:
    case Tag::kMark:
    case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

// Text of `scope` with a line break at each boundary of a non-inline
// element, so that "<a>Anna</a><time>3 May</time>" reads as two lines.
// Stops after about `max_bytes`.
std::string LineText(const Dom& dom, NodeId scope, size_t max_bytes) {
  std::string out;
  NodeId n = scope;
  while (n != kNoNode && out.size() < max_bytes) {
    bool skip = false;
    if (dom.is_text(n)) {
      out += dom.text(n).substr(0, max_bytes - out.size());
    } else if (dom.is_element(n)) {
      Tag tag = dom.tag(n);
      skip = tag == Tag::kScript || tag == Tag::kStyle || tag == Tag::kSvg ||
             tag == Tag::kTemplate || tag == Tag::kNoscript;
      if (!IsInlineTag(tag)) out += kBoundary;
    }
    // Close the lines of the elements this step leaves.
    NodeId next = dom.Next(n, scope, skip);
    NodeId common = next == kNoNode ? scope : dom.parent(next);
    for (NodeId p = (skip || dom.first_child(n) == kNoNode) ? n : kNoNode;
         p != kNoNode && p != common && p != scope; p = dom.parent(p))
      if (dom.is_element(p) && !IsInlineTag(dom.tag(p))) out += kBoundary;
    n = next;
  }
  return out;
}

// ---------------------------------------------------------------------------
// JSON-LD.

struct JsonLdFacts {
  std::string headline, published, modified, body, description, image, publisher;
  std::vector<std::string> authors;
  std::string page_published;  // datePublished of a WebPage object.
};

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

// An <h1> readers do not see as the headline: hidden, for search engines
// only, or part of a breadcrumb or logo.
bool IsHiddenH1(const Dom& dom, NodeId n) {
  if (dom.has_attr(n, "hidden") || dom.attr(n, "aria-hidden") == "true") return true;
  std::string style = AsciiLower(dom.attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  std::string names = AsciiLower(dom.attr(n, "class"));
  names += ' ';
  names += AsciiLower(dom.attr(n, "id"));
  for (const char* word :
       {"seo", "breadcrumb", "sr-only", "visually-hidden", "screen-reader", "logo"})
    if (names.find(word) != std::string::npos) return true;
  return false;
}

NodeId MainH1(const Dom& dom, const PageFacts& facts) {
  NodeId first = kNoNode;
  for (NodeId n : facts.h1s) {
    if (IsHiddenH1(dom, n) || Fold(dom.InnerText(n)).empty()) continue;
    if (IsInside(dom, n, facts.article)) return n;
    if (first == kNoNode) first = n;
  }
  return first;
}

// ---------------------------------------------------------------------------
// Site names.

struct SiteNames {
  std::vector<std::string> names;  // Site and publisher names, folded.
  std::vector<std::string> keys;   // CompactKey of those, of the host and its labels.
};

SiteNames MakeSiteNames(const std::vector<std::string>& names, std::string_view host) {
  SiteNames sites;
  for (const std::string& n : names) {
    std::string key = CompactKey(n);
    if (key.size() < 2) continue;
    sites.names.push_back(Fold(n));
    sites.keys.push_back(key);
  }
  if (!host.empty()) sites.keys.push_back(CompactKey(host));
  size_t i = 0;
  while (i < host.size()) {
    size_t dot = host.find('.', i);
    if (dot == std::string_view::npos) break;  // The last label is the TLD.
    std::string label(host.substr(i, dot - i));
    static constexpr const char* kGenericLabels[] = {"www", "m",   "amp", "mobile", "news", "co",
                                                     "com", "org", "net", "gov",    "ac",   "edu"};
    if (label.size() >= 2 && !InTable(label, kGenericLabels))
      sites.keys.push_back(CompactKey(label));
    i = dot + 1;
  }
  return sites;
}

// `part` names the site: its key equals a site name or host key, or, unless
// `exact`, one mostly contains the other ("DER SPIEGEL" and "spiegel").
bool IsSiteName(std::string_view part, const SiteNames& sites, bool exact = false) {
  if (CountWords(part) > 6) return false;
  std::string key = CompactKey(part);
  if (key.size() < 2) return false;
  for (const std::string& site : sites.keys) {
    if (key == site) return true;
    if (exact) continue;
    // Containment counts when the shorter is most of the longer, so that a
    // headline fragment that merely mentions the site stays.
    const std::string& shorter = key.size() < site.size() ? key : site;
    const std::string& longer = key.size() < site.size() ? site : key;
    if (shorter.size() >= 4 && shorter.size() * 2 >= longer.size() &&
        longer.find(shorter) != std::string::npos)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Authors.

// Words that show a byline fragment is not a name.
constexpr const char* kJunkWords[] = {
    "email",     "e-mail",     "mail",        "updated",      "update",         "published",
    "read",      "min",        "mins",        "minute",       "minutes",        "follow",
    "share",     "comment",    "comments",    "aktualisiert", "veröffentlicht", "lesezeit",
    "mehr",      "more",       "view",        "profile",      "posts",          "articles",
    "subscribe", "newsletter", "photo",       "photos",       "foto",           "fotos",
    "image",     "images",     "video",       "getty",        "credit",         "copyright",
    "©",         "hours",      "ago",         "today",        "yesterday",      "click",
    "here",      "twitter",    "facebook",    "instagram",    "linkedin",       "whatsapp",
    "print",     "teilen",     "kommentare",  "artikel",      "stand",          "uhr",
    "publié",    "publicado",  "actualizado", "pubblicato",   "listen",         "audio",
    "anhören",   "sign",       "login",       "menu",         "search",         "contact",
    "about",     "über"};

// Words that name a role; a fragment made only of these is no name.
constexpr const char* kRoleWords[] = {
    "staff",        "writer",    "writers",    "reporter",  "reporters",   "correspondent",
    "editor",       "editors",   "senior",     "chief",     "contributor", "contributors",
    "contributing", "columnist", "journalist", "redakteur", "redakteurin", "author",
    "authors",      "autor",     "autorin",    "autoren",   "editorial",   "team",
    "news",         "desk",      "special",    "the",       "our",         "by",
    "and",          "von",       "und",        "de",        "par",         "por",
    "et",           "y",         "e",          "mit",       "with",        "foreign",
    "deputy",       "associate", "managing",   "executive", "producer",    "freelance",
    "guest",        "opinion",   "analyst",    "host",      "digital",     "online",
    "redaktion",    "rédaction", "redacción",  "redazione", "redactie",    "di",
    "door",         "av",        "af",         "text",      "texte",       "from",
    "in",           "a",         "an",         "political", "business",    "sports",
    "politics",     "economics", "science",    "posted",    "reports",     "report",
    "on",           "at",        "for",        "of",        "to"};

// Prefixes before names ("By", "Von", "Par", "Por", "Di", "Door", "Av",
// "Af"), "|"-separated.
constexpr std::string_view kNamePrefixes =
    "by|von|par|por|di|door|av|af|from|written by|reporting by|words by|posted by|text von|"
    "ein kommentar von|verfasst von|geschrieben von|publié par|escrito por|scritto da|"
    "geschreven door";

// Job titles that end a description of the previous name.
constexpr const char* kJobTitles[] = {
    "writer",      "reporter",      "correspondent",   "editor",       "columnist",
    "contributor", "producer",      "analyst",         "journalist",   "redakteur",
    "redakteurin", "korrespondent", "korrespondentin", "photographer", "intern"};

// Academic and professional credentials written after names.
constexpr const char* kCredentials[] = {"ms",  "ma", "mba", "md",  "phd",  "mph", "rd",
                                        "rdn", "ld", "rn",  "cpt", "cscs", "dds", "cpa",
                                        "jd",  "jr", "sr",  "msc", "bsc",  "ba",  "bs"};

// Job titles written after a name in Korean, Japanese and Chinese bylines.
constexpr std::string_view kNameTitles[] = {"\uAE30\uC790", "\uD2B9\uD30C\uC6D0", "\u8A18\u8005",
                                            "\u7279\u6D3E\u54E1", "\u8BB0\u8005"};

// Lower-cased words of `s`, split at spaces and ASCII punctuation except
// '-' and '.'.
std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> words;
  std::string key = text::LooseKey(s);
  size_t i = 0;
  while (i < key.size()) {
    size_t end = key.find(' ', i);
    if (end == std::string::npos) end = key.size();
    if (end > i) words.push_back(key.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

bool IsJunkAuthor(std::string_view name) {
  if (name.size() < 2 || name.size() > kMaxAuthorBytes) return true;
  if (CountWords(name) > static_cast<size_t>(kMaxAuthorWords)) return true;
  if (name.find("://") != std::string_view::npos || StartsWith(name, "www.") ||
      name.find('@') != std::string_view::npos || name.find('/') != std::string_view::npos)
    return true;
  for (char c : name)
    if (c >= '0' && c <= '9') return true;
  std::vector<std::string> words = LowerWords(name);
  if (words.empty()) return true;
  bool all_roles = true;
  for (const std::string& w : words) {
    if (InTable(w, kJunkWords)) return true;
    if (!InTable(w, kRoleWords)) all_roles = false;
  }
  return all_roles;
}

// Removes a leading label ("Autor:", "By", "Von") and surrounding punctuation.
std::string StripNameLabels(std::string_view raw) {
  std::string s = Fold(raw);
  // "Elena Muster (emu)": initials or a role in parentheses.
  for (size_t open = s.find('('); open != std::string::npos; open = s.find('(')) {
    size_t close = s.find(')', open);
    s = Fold(s.erase(open, close == std::string::npos ? std::string::npos : close - open + 1));
  }
  for (std::string_view title : kNameTitles) {
    if (EndsWith(s, title) && s.size() > title.size())
      s = Fold(s.substr(0, s.size() - title.size()));
  }
  for (int round = 0; round < 3; ++round) {
    size_t colon = s.find(':');
    if (colon != std::string::npos && CountWords(s.substr(0, colon)) <= 2) {
      s = Fold(s.substr(colon + 1));
      continue;
    }
    std::string lower = AsciiLower(s);
    bool stripped = false;
    for (std::string_view rest = kNamePrefixes; !rest.empty() && !stripped;) {
      std::string_view prefix = rest.substr(0, rest.find('|'));
      rest = prefix.size() < rest.size() ? rest.substr(prefix.size() + 1) : "";
      if (StartsWith(lower, prefix) && lower.size() > prefix.size() &&
          lower[prefix.size()] == ' ') {
        s = Fold(s.substr(prefix.size()));
        stripped = true;
      }
    }
    if (!stripped) break;
  }
  auto is_edge = [](char c) {
    return c == ' ' || c == '-' || c == '|' || c == ',' || c == '.' || c == ';' || c == '(' ||
           c == ')' || c == '*' || c == '"' || c == '\'';
  };
  size_t b = 0, e = s.size();
  while (b < e && is_edge(s[b])) ++b;
  // Keep a final '.' that ends an initial ("Jr.", "A.").
  while (e > b && is_edge(s[e - 1]) &&
         !(s[e - 1] == '.' && e >= 2 && s[e - 2] != ' ' &&
           (e - b <= 2 || s[e - 3] == ' ' || s[e - 3] == '.')))
    --e;
  return s.substr(b, e - b);
}

// Splits a list of names at separators. Structured values (JSON-LD, meta)
// use list punctuation and "and"/"und"; visible bylines also use the
// conjunctions of other languages and dashes.
std::vector<std::string> SplitNames(std::string_view raw, bool free_text) {
  std::string s(raw);
  static constexpr const char* kStructured[] = {",",      ";",     "|",     " & ",   "\u2022",
                                                "\u00B7", " and ", " und ", " AND ", " UND "};
  static constexpr const char* kFreeText[] = {" et ",  " y ",   " e ", " en ",     " og ",
                                              " och ", " und ", " - ", " \u2013 ", " \u2014 ",
                                              " ET ",  " Y ",   " E "};
  auto replace_all = [&s](std::string_view from) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
      s.replace(pos, from.size(), 1, kBoundary);
      pos += 1;
    }
  };
  for (const char* sep : kStructured) replace_all(sep);
  if (free_text)
    for (const char* sep : kFreeText) replace_all(sep);
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= s.size()) {
    size_t end = s.find(kBoundary, i);
    if (end == std::string::npos) end = s.size();
    parts.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return parts;
}

// Adds the names in `raw` to `*out` (page order, no duplicates).
// After a name in the same list, a credential ("Jane Doe, MS, RDN") or a
// job title ("Tom Doe, AP Auto Writer") describes that name.
bool DescribesPreviousName(std::string_view part) {
  std::vector<std::string> words = LowerWords(part);
  if (words.empty()) return false;
  if (words.size() == 1 && InTable(words[0], kCredentials)) return true;
  return InTable(words.back(), kJobTitles);
}

void AddNames(std::string_view raw, bool free_text, std::vector<std::string>* out) {
  bool after_name = false;
  for (const std::string& part : SplitNames(raw, free_text)) {
    if (out->size() >= kMaxAuthors) return;
    std::string name = StripNameLabels(part);
    if (name.empty()) continue;
    if (IsJunkAuthor(name) || (after_name && DescribesPreviousName(name))) continue;
    after_name = true;
    std::string key = text::LooseKey(name);
    bool seen = false;
    for (const std::string& have : *out) seen = seen || text::LooseKey(have) == key;
    if (!seen) out->push_back(name);
  }
}

// The name an itemprop=author element gives: its itemprop=name descendant,
// a content attribute, or its text.
std::string ItempropName(const Dom& dom, NodeId n) {
  for (NodeId d = dom.first_child(n) == kNoNode ? kNoNode : dom.Next(n, n); d != kNoNode;
       d = dom.Next(d, n)) {
    if (dom.is_element(d) && HasToken(dom.attr(d, "itemprop"), "name")) {
      std::string_view content = dom.attr(d, "content");
      return content.empty() ? LineText(dom, d, kMaxBylineBytes) : std::string(content);
    }
  }
  std::string_view content = dom.attr(n, "content");
  return content.empty() ? LineText(dom, n, kMaxBylineBytes) : std::string(content);
}

// Elements inside the article area first, then the rest, each in page order.
std::vector<NodeId> ArticleFirst(const Dom& dom, const std::vector<NodeId>& nodes, NodeId article) {
  std::vector<NodeId> out;
  for (NodeId n : nodes)
    if (IsInside(dom, n, article)) out.push_back(n);
  for (NodeId n : nodes)
    if (!IsInside(dom, n, article)) out.push_back(n);
  return out;
}

// Meta keys that name authors.
constexpr const char* kAuthorMetaKeys[] = {"author",
                                           "article:author",
                                           "og:article:author",
                                           "parsely-author",
                                           "sailthru.author",
                                           "dc.creator",
                                           "dcterms.creator",
                                           "byl",
                                           "cxenseparse:author",
                                           "twitter:misc:written by"};

// Labels of the twitter:labelN/twitter:dataN pairs that carry the author.
constexpr const char* kWrittenByLabels[] = {"written by",      "verfasst von", "geschrieben von",
                                            "écrit par",       "escrito por",  "scritto da",
                                            "geschreven door", "skrevet av",   "autor"};

std::vector<std::string> MetaAuthors(const PageFacts& facts) {
  std::vector<std::string> names;
  for (const MetaTag& m : facts.metas) {
    if (InTable(m.key, kAuthorMetaKeys)) AddNames(m.value, /*free_text=*/false, &names);
    if (StartsWith(m.key, "twitter:label") &&
        InTable(AsciiLower(Fold(m.value)), kWrittenByLabels)) {
      std::string data_key =
          "twitter:data" + m.key.substr(std::string_view("twitter:label").size());
      AddNames(Meta(facts, data_key), /*free_text=*/false, &names);
    }
  }
  return names;
}

// The nearest ancestor of `n` that starts a microdata item.
NodeId ItemScope(const Dom& dom, NodeId n) {
  for (NodeId p = dom.parent(n); p != kNoNode; p = dom.parent(p))
    if (dom.is_element(p) && dom.has_attr(p, "itemscope")) return p;
  return kNoNode;
}

// Names from itemprop=author elements of the same item as the first one
// (other items are teasers of other articles).
std::vector<std::string> ItempropAuthors(const Dom& dom, const PageFacts& facts) {
  std::vector<std::string> names;
  std::vector<NodeId> nodes = ArticleFirst(dom, facts.itemprop_authors, facts.article);
  if (nodes.empty()) return names;
  NodeId scope = ItemScope(dom, nodes.front());
  for (NodeId n : nodes)
    if (ItemScope(dom, n) == scope) AddNames(ItempropName(dom, n), /*free_text=*/false, &names);
  return names;
}

// Names from links to author pages: the first after the headline and the
// links beside it.
std::vector<std::string> LinkAuthors(const Dom& dom, const PageFacts& facts, NodeId h1) {
  std::vector<std::string> names;
  NodeId first = kNoNode;
  for (NodeId n : facts.rel_authors) {
    bool after = h1 != kNoNode ? dom.node(n).source_offset > dom.node(h1).source_offset
                               : facts.article == kNoNode || IsInside(dom, n, facts.article);
    if (after) {
      first = n;
      break;
    }
  }
  if (first == kNoNode) return names;
  NodeId parent = dom.parent(first);
  NodeId grandparent = parent == kNoNode ? kNoNode : dom.parent(parent);
  for (NodeId n : facts.rel_authors) {
    NodeId p = dom.parent(n);
    if (n == first || p == parent || (p != kNoNode && dom.parent(p) == grandparent))
      AddNames(LineText(dom, n, kMaxBylineBytes), /*free_text=*/true, &names);
  }
  return names;
}

std::vector<std::string> BylineAuthors(const Dom& dom, const PageFacts& facts) {
  std::vector<std::string> names;
  for (NodeId n : ArticleFirst(dom, facts.bylines, facts.article)) {
    if (HasAncestor(dom, n, Tag::kForm)) continue;
    std::string text = LineText(dom, n, kMaxBylineBytes);
    if (Fold(text).size() > kMaxBylineBytes / 2) continue;
    AddNames(text, /*free_text=*/true, &names);
    if (!names.empty()) break;
  }
  return names;
}

bool AllSiteNames(const std::vector<std::string>& names, const SiteNames& sites) {
  for (const std::string& n : names)
    if (!IsSiteName(n, sites, /*exact=*/true)) return false;
  return true;
}

// Every name has two words or more, or is written without spaces (CJK):
// what a byline gives for a person, not a place or an agency code.
bool LooksLikePeople(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    bool spaced = n.find(' ') != std::string::npos;
    bool ascii = std::all_of(n.begin(), n.end(), [](char c) { return (c & 0x80) == 0; });
    if (!spaced && ascii) return false;
  }
  return !names.empty();
}

// Drops the site's own name from a list that also names people.
std::vector<std::string> WithoutSiteNames(std::vector<std::string> names, const SiteNames& sites) {
  if (AllSiteNames(names, sites)) return names;
  names.erase(std::remove_if(
                  names.begin(), names.end(),
                  [&sites](const std::string& n) { return IsSiteName(n, sites, /*exact=*/true); }),
              names.end());
  return names;
}

// Sources from strongest to weakest; a source that names only the site
// itself gives way to a later one that names people.
std::vector<std::string> FindAuthors(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                                     const SiteNames& sites, NodeId h1) {
  std::vector<std::vector<std::string>> sources(5);
  for (const std::string& raw : ld.authors) AddNames(raw, /*free_text=*/false, &sources[0]);
  sources[1] = MetaAuthors(facts);
  for (size_t i = 0; i < sources.size(); ++i) {
    if (i == 2) sources[2] = ItempropAuthors(dom, facts);
    if (i == 3) sources[3] = BylineAuthors(dom, facts);
    if (i == 4) sources[4] = LinkAuthors(dom, facts, h1);
    // Page elements are noisier than declared metadata: they replace a
    // site name only with names that look like people's.
    bool usable = i < 2 ? !sources[i].empty() : LooksLikePeople(sources[i]);
    if (usable && !AllSiteNames(sources[i], sites))
      return WithoutSiteNames(std::move(sources[i]), sites);
  }
  for (std::vector<std::string>& names : sources)
    if (!names.empty()) return std::move(names);
  return {};
}

// ---------------------------------------------------------------------------
// Title.

// Separators between a headline and a site name.
constexpr const char* kTitleSeparators[] = {
    " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 ", " / ", " \u00BB ", " \u2022 "};

// A title part that only credits an author ("by Jane Doe").
bool IsAuthorCredit(std::string_view part, const std::vector<std::string>& authors) {
  std::string key = text::LooseKey(StripNameLabels(part));
  if (key.empty()) return false;
  for (const std::string& a : authors)
    if (text::LooseKey(a) == key) return true;
  return false;
}

// `title` without leading or trailing parts that name the site or credit
// the author ("Headline | Site", "Site - Headline", "Headline | Site | by Jane Doe").
std::string StripSiteName(std::string_view title, const SiteNames& sites,
                          const std::vector<std::string>& authors) {
  std::string s = Fold(title);
  auto is_furniture = [&](std::string_view part) {
    return IsSiteName(part, sites) || IsAuthorCredit(part, authors);
  };
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (const char* sep : kTitleSeparators) {
      size_t n = std::string_view(sep).size();
      size_t last = s.rfind(sep);
      if (last != std::string::npos && last > 0 && is_furniture(s.substr(last + n))) {
        s = Fold(s.substr(0, last));
        changed = true;
        break;
      }
      size_t first = s.find(sep);
      if (first != std::string::npos && first > 0 && first + n < s.size() &&
          is_furniture(s.substr(0, first))) {
        s = Fold(s.substr(first + n));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // "Headline：Site" and "Headline|Site" without spaces, common in CJK titles.
  for (const std::string& name : sites.names) {
    if (name.size() < 2 || s.size() < name.size() + 12 || !EndsWith(s, name)) continue;
    std::string_view head(s.data(), s.size() - name.size());
    for (std::string_view sep :
         {"\uFF1A", ":", "|", "\uFF5C", "-", "\u2013", "\u2014", "\u3163", "\u00B7", "/"}) {
      if (EndsWith(head, sep)) return Fold(head.substr(0, head.size() - sep.size()));
    }
  }
  return s;
}

// `shorter` ends in an ellipsis and what comes before it starts `longer`:
// a headline cut to a length limit.
bool IsTruncationOf(std::string_view shorter, std::string_view longer) {
  bool cut = false;
  for (std::string_view tail : {"\u2026", "..."}) {
    if (!cut && EndsWith(shorter, tail)) {
      shorter.remove_suffix(tail.size());
      cut = true;
    }
  }
  if (!cut) return false;
  while (!shorter.empty() && shorter.back() == ' ') shorter.remove_suffix(1);
  return shorter.size() >= 10 && shorter.size() < longer.size() && StartsWith(longer, shorter);
}

// `title` is `h1` followed by a short tail after a separator ("Headline -
// Section", "Headline – DW – 13.06.2023"): the page's own headline agrees
// with the shorter form.
bool IsH1WithTail(std::string_view title, std::string_view h1) {
  if (h1.size() < 10 || title.size() <= h1.size() || !StartsWith(title, h1)) return false;
  std::string tail = Fold(title.substr(h1.size()));
  for (std::string_view sep :
       {"|", "-", "\u2013", "\u2014", ":", "\u00B7", "/", "\u00BB", "\u2022", "\uFF1A"}) {
    if (StartsWith(tail, sep)) return CountWords(tail) <= 6;
  }
  return false;
}

// Open Graph first, then JSON-LD, twitter, <title>, <h1>. og:title is the
// headline a publisher picks for display and sharing; the JSON-LD headline
// is often a search-engine variant, and the two disagree on about one page
// in six. The visible <h1> wins when the choice is the <h1> plus a tail
// ("Headline - Section").
std::string FindTitle(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                      const SiteNames& sites, const std::vector<std::string>& authors,
                      NodeId h1_node) {
  std::string og = StripSiteName(Meta(facts, "og:title"), sites, authors);
  std::string headline = StripSiteName(ld.headline, sites, authors);
  std::string twitter = StripSiteName(Meta(facts, "twitter:title"), sites, authors);
  std::string tag = StripSiteName(facts.title_tag, sites, authors);
  std::string h1 = h1_node == kNoNode ? "" : Fold(dom.InnerText(h1_node));
  std::string title;
  for (const std::string* c : {&og, &headline, &twitter, &tag, &h1}) {
    if (!c->empty()) {
      title = *c;
      break;
    }
  }
  if (!headline.empty() && IsTruncationOf(title, headline)) title = headline;
  if (IsH1WithTail(title, h1)) return h1;
  if (title == tag && !h1.empty() && tag.find(h1) != std::string::npos) return h1;
  return title;
}

// ---------------------------------------------------------------------------
// Dates.

// Meta keys that carry the publication date, strongest first.
constexpr const char* kPublishedKeys[] = {"article:published_time",
                                          "og:article:published_time",
                                          "article:published:time",
                                          "article:published",
                                          "datepublished",
                                          "og:published_time",
                                          "published_time",
                                          "publishdate",
                                          "publish-date",
                                          "publish_date",
                                          "pubdate",
                                          "parsely-pub-date",
                                          "sailthru.date",
                                          "article.published",
                                          "dc.date.issued",
                                          "dcterms.issued",
                                          "dcterms.created",
                                          "dc.date",
                                          "dcterms.date",
                                          "citation_publication_date",
                                          "citation_date",
                                          "cxenseparse:recs:publishtime",
                                          "date"};

constexpr const char* kModifiedKeys[] = {"article:modified_time", "og:article:modified_time",
                                         "article:modified:time", "og:updated_time",
                                         "datemodified",          "dcterms.modified",
                                         "last-modified",         "article.updated"};

struct DateCandidate {
  internal::DateTime date;
  bool valid = false;
};

DateCandidate ParseCandidate(std::string_view text) {
  DateCandidate c;
  c.valid = !text.empty() && internal::ParseDateTime(text, &c.date);
  return c;
}

bool SameDay(const internal::DateTime& a, const internal::DateTime& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

// Takes the first candidate and lets later ones add what it lacks: a time
// for a bare day, an offset for the same local time.
std::string CombineDates(const std::vector<DateCandidate>& candidates) {
  const DateCandidate* best = nullptr;
  internal::DateTime date;
  for (const DateCandidate& c : candidates) {
    if (!c.valid) continue;
    if (best == nullptr) {
      best = &c;
      date = c.date;
      continue;
    }
    if (!SameDay(date, c.date)) continue;
    if (date.hour < 0 && c.date.hour >= 0) {
      date = c.date;
    } else if (!date.has_offset && c.date.has_offset && date.hour == c.date.hour &&
               date.minute == c.date.minute) {
      date.has_offset = true;
      date.offset_minutes = c.date.offset_minutes;
    }
  }
  return best == nullptr ? "" : internal::FormatDateTime(date);
}

std::string DateOfElement(const Dom& dom, NodeId n) {
  for (std::string_view attr : {"datetime", "content"}) {
    std::string_view v = dom.attr(n, attr);
    if (!v.empty()) return std::string(v);
  }
  return LineText(dom, n, 200);
}

std::string FindPublished(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                          std::string_view page_url, std::string_view canonical) {
  std::vector<DateCandidate> c;
  c.push_back(ParseCandidate(ld.published));
  for (const char* key : kPublishedKeys) c.push_back(ParseCandidate(Meta(facts, key)));
  c.push_back(ParseCandidate(ld.page_published));
  for (NodeId n : facts.itemprop_dates) c.push_back(ParseCandidate(DateOfElement(dom, n)));
  // <time> marked as the publication time, then the first in the article.
  for (NodeId n : facts.times) {
    std::string cls = AsciiLower(dom.attr(n, "class"));
    if (dom.has_attr(n, "pubdate") || cls.find("publish") != std::string::npos)
      c.push_back(ParseCandidate(DateOfElement(dom, n)));
  }
  for (NodeId n : ArticleFirst(dom, facts.times, facts.article))
    c.push_back(ParseCandidate(DateOfElement(dom, n)));
  for (NodeId n : ArticleFirst(dom, facts.date_boxes, facts.article)) {
    std::string text = LineText(dom, n, 300);
    if (Fold(text).size() <= 200) c.push_back(ParseCandidate(text));
  }
  c.push_back(ParseCandidate(internal::DateFromUrl(page_url)));
  c.push_back(ParseCandidate(internal::DateFromUrl(canonical)));
  return CombineDates(c);
}

std::string FindModified(const PageFacts& facts, const JsonLdFacts& ld) {
  std::vector<DateCandidate> c;
  c.push_back(ParseCandidate(ld.modified));
  for (const char* key : kModifiedKeys) c.push_back(ParseCandidate(Meta(facts, key)));
  return CombineDates(c);
}

// ---------------------------------------------------------------------------
// Language.

std::string NormalizeLanguage(std::string_view raw) {
  std::string s = AsciiLower(Fold(raw));
  s = s.substr(0, s.find_first_of("-_,; "));
  static constexpr std::pair<const char*, const char*> kThreeLetter[] = {
      {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"},
      {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"nld", "nl"}, {"dut", "nl"},
      {"rus", "ru"}, {"pol", "pl"}, {"tur", "tr"}, {"jpn", "ja"}, {"kor", "ko"},
      {"zho", "zh"}, {"chi", "zh"}, {"ukr", "uk"}, {"ces", "cs"}, {"cze", "cs"}};
  for (const auto& [three, two] : kThreeLetter)
    if (s == three) return two;
  if (s.size() != 2) return "";
  for (char c : s)
    if (c < 'a' || c > 'z') return "";
  return s;
}

std::string FindLanguage(const PageFacts& facts) {
  for (std::string_view raw :
       {facts.html_lang, Meta(facts, "og:locale"), Meta(facts, "content-language"),
        Meta(facts, "language"), Meta(facts, "dc.language"), Meta(facts, "inlanguage")}) {
    std::string lang = NormalizeLanguage(raw);
    if (!lang.empty()) return lang;
  }
  return "";
}

}  // namespace

PageMetadata ExtractMetadata(const html::Dom& dom, std::string_view page_url) {
  PageMetadata meta;
  PageFacts facts = CollectFacts(dom);

  std::string canonical = ResolveUrl(page_url, facts.canonical);
  if (canonical.empty()) canonical = ResolveUrl(page_url, Meta(facts, "og:url"));
  meta.canonical_url = canonical;
  std::string page_key = UrlKey(canonical.empty() ? page_url : canonical);
  JsonLdFacts ld = ReadJsonLd(facts, page_key);

  std::string host = Host(page_url.empty() ? std::string_view(canonical) : page_url);
  std::string og_site = Fold(Meta(facts, "og:site_name"));
  std::string app_name = Fold(Meta(facts, "application-name"));
  std::string publisher = Fold(ld.publisher);
  for (const std::string* s : {&og_site, &publisher, &app_name, &host}) {
    if (!s->empty()) {
      meta.site = *s;
      break;
    }
  }
  SiteNames sites = MakeSiteNames({og_site, publisher, app_name}, host);

  NodeId h1 = MainH1(dom, facts);
  meta.authors = FindAuthors(dom, facts, ld, sites, h1);
  meta.title = FindTitle(dom, facts, ld, sites, meta.authors, h1);
  meta.published = FindPublished(dom, facts, ld, page_url, canonical);
  meta.modified = FindModified(facts, ld);
  meta.description =
      Fold(FirstMeta(facts, {"og:description", "description", "twitter:description"}));
  if (meta.description.empty()) meta.description = Fold(ld.description);
  meta.language = FindLanguage(facts);
  std::string image(FirstMeta(facts, {"og:image", "og:image:url", "twitter:image"}));
  if (image.empty()) image = ld.image;
  meta.image = ResolveUrl(page_url.empty() ? std::string_view(canonical) : page_url, image);
  std::string body = ld.body;
  size_t b = body.find_first_not_of(" \t\r\n");
  size_t e = body.find_last_not_of(" \t\r\n");
  meta.json_ld_body = b == std::string::npos ? "" : body.substr(b, e - b + 1);
  return meta;
}

}  // namespace rashomon::extract
