// extract/metadata.h: title, date, authors, site and more from an HTML page.
//
// Reads the evidence a page carries about itself, strongest first:
// JSON-LD (NewsArticle and kin, also inside @graph and arrays), Open Graph
// and article:* meta tags, other meta tags (author, date, dc.*, parsely-*,
// sailthru.*), schema.org microdata (itemprop), <time datetime>, rel=author
// links and byline elements, the URL path (/2024/05/03/), and dates in the
// byline text in several languages. Junk is dropped: "Email the author",
// "5 min read", URLs and role words are not authors; a title loses its site
// suffix ("Headline | Site").
// The main text is not extracted here (extract/html_extract.h).
//
//   PageMetadata meta = ExtractMetadata(dom, "https://example.org/2024/05/03/story");
//
// Thread-safety: reentrant; no I/O.
#ifndef RSH_EXTRACT_METADATA_H_
#define RSH_EXTRACT_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace rashomon::extract {

struct PageMetadata {
  std::string title;                 // The headline, site suffix removed; "" if none.
  std::string published;             // ISO 8601: "2024-05-03T15:47:42+00:00", or
                                     // "2024-05-03T15:47:42" without a known offset, or
                                     // "2024-05-03" for a day only; "" if none.
  std::string modified;              // Same format; "" if none.
  std::vector<std::string> authors;  // Person (or agency) names, page order, no duplicates.
  std::string site;                  // Site or publisher name; "" if none.
  std::string canonical_url;         // <link rel=canonical> or og:url, absolute; "" if none.
  std::string description;           // og:description or meta description; "" if none.
  std::string language;              // ISO 639-1 from <html lang>, og:locale or
                                     // content-language ("de" from "de-AT"); "" if none.
  std::string image;                 // og:image; "" if none.
  // JSON-LD articleBody when the page has one (some extractors trust it; we
  // use it as a fallback and a check).
  std::string json_ld_body;
};

// Reads the metadata of `dom` (see the file comment). `page_url` is the URL
// the page was fetched from, or "" if unknown.
PageMetadata ExtractMetadata(const html::Dom& dom, std::string_view page_url);

// Normalizes a date string found in a page ("2024-05-03T15:47:42.389Z",
// "Fri, 03 May 2024 15:47:42 +0200", "3. Mai 2024, 15:47 Uhr", "May 3,
// 2024") to the ISO 8601 form above; "" if it is not a date.
std::string NormalizeDate(std::string_view text);

}  // namespace rashomon::extract

#endif  // RSH_EXTRACT_METADATA_H_
