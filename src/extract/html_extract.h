// extract/html_extract.h: find the article in an HTML page.
//
// ExtractMainContent cuts the page's body into text blocks (paragraphs,
// headings, list items, quotes, captions, lines split at <br>), scores
// each block by its shape (length, sentences, link density) and the
// evidence of its ancestors (tag, class, id, role: "article-body" helps,
// "comments", "related", "share", "newsletter", "cookie", nav, aside and
// footer hurt), and takes the element whose subtree holds the most article
// text net of furniture as the article's container, with its sibling
// blocks that continue the article. Inside the container, furniture blocks
// are dropped again by their evidence. When this finds too little text, it
// falls back to every article-shaped block of the page, then to the
// JSON-LD articleBody. Every dropped block with words in it is recorded
// with a reason. docs/extraction.md describes the scoring.
// Metadata is read by extract/metadata.h; line cleaning by extract/cleaner.h.
//
//   html::Dom dom = ...;
//   HtmlArticle article = ExtractMainContent(dom, metadata);
//
// Thread-safety: reentrant; no I/O.
#ifndef RSH_EXTRACT_HTML_EXTRACT_H_
#define RSH_EXTRACT_HTML_EXTRACT_H_

#include <string>
#include <vector>

#include "base/document.h"
#include "extract/metadata.h"
#include "html/dom.h"

namespace rashomon::extract {

struct ExtractedBlock {
  // What the markup says the block is: kHeading (h2..h6), kQuote
  // (blockquote), kCaption (figure, figcaption, caption classes),
  // kStandfirst (prose between the headline and the article's container),
  // else kBody.
  BlockKind kind = BlockKind::kBody;
  std::string text;  // Whitespace collapsed, one line.
};

struct HtmlArticle {
  std::vector<ExtractedBlock> blocks;  // In page order.
  std::vector<RemovedLine> removed;    // Dropped blocks; `line` is 0.
  // How the text was found: "container", "container_retry" (the container
  // found after dropping the furniture evidence that hid most of the
  // page's prose), "page" (fallback to all article-shaped blocks) or
  // "json_ld" (fallback to JSON-LD articleBody).
  std::string method;
};

struct MainContentOptions {
  // Below this many characters of article text the fallbacks are tried. Default 250.
  size_t min_article_chars = 250;
  // Record dropped blocks in HtmlArticle::removed. Default true.
  bool record_removed = true;
  // When set, receives the chosen container and one line per block with
  // its decision and evidence, for tuning and bug reports. Default null.
  std::string* trace = nullptr;
};

// Extracts the article of `dom` (see the file comment). `metadata` supplies
// the title (an h1 repeating it is not a block) and the JSON-LD body.
HtmlArticle ExtractMainContent(const html::Dom& dom, const PageMetadata& metadata,
                               const MainContentOptions& options = MainContentOptions());

}  // namespace rashomon::extract

#endif  // RSH_EXTRACT_HTML_EXTRACT_H_
