// extract/metadata_internal.h: what the parts of ExtractMetadata share
// (internal to the extract module; the public entry point is
// extract/metadata.h).
//
// ExtractMetadata (extract/metadata.cc) makes one pass over the DOM into
// PageFacts, reads the JSON-LD scripts into JsonLdFacts
// (extract/metadata_jsonld.cc), finds the authors
// (extract/metadata_authors.cc), and chooses the title, dates, site,
// canonical URL, description and language itself. docs/metadata.md
// describes the sources of each field and their order.
//
//   JsonLdFacts ld = ReadJsonLd(facts, UrlKey(page_url));
//   std::vector<std::string> authors = FindAuthors(dom, facts, ld, sites, h1);
//
// Thread-safety: reentrant; no I/O.
#ifndef RSH_EXTRACT_METADATA_INTERNAL_H_
#define RSH_EXTRACT_METADATA_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace rashomon::extract::internal {

// Budgets for untrusted input.
inline constexpr size_t kMaxJsonLdBytes = size_t{2} << 20;  // All JSON-LD scripts together.
inline constexpr size_t kMaxJsonLdScripts = 64;
inline constexpr int kMaxJsonDepth = 32;         // Deeper JSON-LD values are not read.
inline constexpr size_t kMaxJsonObjects = 4096;  // Objects visited per page.
inline constexpr size_t kMaxCandidates = 64;     // Byline, date and time elements kept.
inline constexpr size_t kMaxBylineBytes = 600;   // Text read from one byline element.
inline constexpr size_t kMaxAuthors = 32;
inline constexpr size_t kMaxAuthorBytes = 80;  // A longer "name" is a sentence.
inline constexpr int kMaxAuthorWords = 6;

// Marks element boundaries in LineText; names and dates never contain it.
inline constexpr char kBoundary = '\x1F';

// ---------------------------------------------------------------------------
// Small helpers (metadata.cc).

// `s` with ASCII letters lower-cased.
std::string AsciiLower(std::string_view s);

// `word` is one of the strings of `table`.
template <size_t N>
bool InTable(std::string_view word, const char* const (&table)[N]) {
  for (const char* w : table)
    if (word == w) return true;
  return false;
}

bool StartsWith(std::string_view s, std::string_view p);
bool EndsWith(std::string_view s, std::string_view p);

// Whitespace folded; invalid UTF-8 repaired first so the text module's
// preconditions hold.
std::string Fold(std::string_view s);

// `token` is one of the whitespace-separated tokens of `list`, ASCII case
// ignored. REQUIRES: `token` is lower case.
bool HasToken(std::string_view list, std::string_view token);

// A URL reduced for comparison: host without "www.", path without a
// trailing slash, no scheme, query or fragment; "" if `url` has no host.
std::string UrlKey(std::string_view url);

// `n` is `ancestor` or inside it; false when `ancestor` is kNoNode.
bool IsInside(const html::Dom& dom, html::NodeId n, html::NodeId ancestor);

// ---------------------------------------------------------------------------
// What one pass over the DOM collects (metadata.cc). Views point into the
// Dom.

struct MetaTag {
  std::string key;  // Lower-cased property, name, itemprop or http-equiv.
  std::string_view value;
};

struct PageFacts {
  std::vector<MetaTag> metas;
  std::string_view html_lang;
  std::string title_tag;
  std::string_view canonical;
  std::vector<html::NodeId> h1s, rel_authors /* and author-page links */, itemprop_authors,
      itemprop_dates, times, bylines, date_boxes;
  std::vector<std::string> json_ld;
  html::NodeId article = html::kNoNode;  // First <article>, else first <main>.
  html::NodeId main = html::kNoNode;
};

// The first non-empty value of meta `key` (lower case); "" if none.
std::string_view Meta(const PageFacts& facts, std::string_view key);

// ---------------------------------------------------------------------------
// Site names (metadata.cc).

struct SiteNames {
  std::vector<std::string> names;  // Site and publisher names, folded.
  std::vector<std::string> keys;   // CompactKey of those, of the host and its labels.
};

// `part` names the site: its key equals a site name or host key, or, unless
// `exact`, one mostly contains the other ("DER SPIEGEL" and "spiegel").
bool IsSiteName(std::string_view part, const SiteNames& sites, bool exact = false);

// ---------------------------------------------------------------------------
// JSON-LD (metadata_jsonld.cc).

// What the page's main article object says; "" or empty where it says
// nothing.
struct JsonLdFacts {
  std::string headline, published, modified, body, description, image, publisher;
  std::vector<std::string> authors;
  std::string page_published;  // datePublished of a WebPage object.
};

// Reads the JSON-LD scripts of `facts`: the article object at the page
// whose UrlKey is `page_key` ("" if unknown), else the best-ranked one.
// Never fails; malformed scripts and values are skipped.
JsonLdFacts ReadJsonLd(const PageFacts& facts, std::string_view page_key);

// ---------------------------------------------------------------------------
// Bylines and authors (metadata_authors.cc).

// Text of `scope` with a kBoundary at each boundary of a non-inline
// element, so that "<a>Anna</a><time>3 May</time>" reads as two lines.
// Stops after about `max_bytes`.
std::string LineText(const html::Dom& dom, html::NodeId scope, size_t max_bytes);

// The elements of `nodes` inside `article` first, then the rest, each in
// page order.
std::vector<html::NodeId> ArticleFirst(const html::Dom& dom, const std::vector<html::NodeId>& nodes,
                                       html::NodeId article);

// `raw` without labels ("Autor:", "By", "Von"), parenthesized parts, a
// trailing CJK job title and surrounding punctuation.
std::string StripNameLabels(std::string_view raw);

// The authors of the page (page order, no duplicates, junk dropped) from
// the first of these sources that names someone besides the site itself:
// JSON-LD, meta tags, itemprop=author, byline elements, links to author
// pages after `h1` (the main headline, or kNoNode). Names from page
// elements count only when they look like people's. Failing that, the
// first source with any names.
std::vector<std::string> FindAuthors(const html::Dom& dom, const PageFacts& facts,
                                     const JsonLdFacts& ld, const SiteNames& sites,
                                     html::NodeId h1);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_METADATA_INTERNAL_H_
