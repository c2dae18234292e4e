// base/document.h: the document model shared by every stage.
//
// A Document is one report as read by ingest (source, raw bytes, metadata
// given by the input) and, after cleaning by extract, its title, language,
// ordered blocks and the audit trail of removed lines. The model holds data
// only; the stages that fill it live in ingest/ and extract/.
//
// Thread-safety: a plain value type.
#ifndef RSH_BASE_DOCUMENT_H_
#define RSH_BASE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace rashomon {

// What a kept block of an article is.
enum class BlockKind {
  kTitle,
  kStandfirst,  // The deck or lead summary printed under the title.
  kDateline,    // "WASHINGTON:" or "Paris, 3 May —".
  kHeading,     // An intertitle inside the body.
  kBody,
  kQuote,    // A paragraph that is a quotation.
  kCaption,  // Text describing a picture or slide, credit cut off.
  kSummary,  // Bullet points of a "key points" box.
};

// Stable lower-case name, e.g. "standfirst".
std::string_view BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kBody;
  std::string text;
  int line = 0;  // 1-based line of the cleaned input where it starts; 0 if unknown.
};

// Why a line was removed. Names are part of the JSON output and of
// docs/cleaning.md.
enum class RemoveReason {
  kAdMarker,        // "Advertisement", "Sponsored content".
  kPromo,           // Self-promotion: apps, newsletters, "latest news on X".
  kCredit,          // Photo or copyright credit.
  kCaption,         // A photo caption marked as such ("(file photo)").
  kWidget,          // Share, comment, tag and follow widgets.
  kRelatedLink,     // "Read also", "More from", teaser links.
  kRepeat,          // A line printed earlier in the same document.
  kTemplate,        // Template text: CMS placeholders, AI notices, lines
                    // shared by unrelated documents of one batch.
  kAuthorBio,       // "About the author" boxes.
  kByline,          // "By Jane Roe, Example Agency": kept as Document::authors.
  kTimestamp,       // "Updated: 14 March 2025, 10:05" lines.
  kOutsideArticle,  // HTML text outside the article's container: menus,
                    // sidebars, footers, teasers of other stories.
  kComments,        // HTML reader comments.
};

// Stable lower_snake name, e.g. "ad_marker".
std::string_view RemoveReasonName(RemoveReason reason);

struct RemovedLine {
  std::string text;
  RemoveReason reason = RemoveReason::kTemplate;
  // Name of the rule that fired, for auditing ("ui_label", "cross_doc").
  std::string rule;
  int line = 0;  // 1-based line of the input it was on; 0 if unknown.
};

// What `Document::raw` holds.
enum class DocFormat {
  kText,  // Plain text, one paragraph or furniture line a line.
  kHtml,  // An HTML page, bytes as fetched (any charset).
};

struct Document {
  // Where the document came from: a path, `path:line` or an id for a JSONL
  // line, a URL, or `stdin:N`. Used in every output.
  std::string source;
  std::string url;        // Empty when unknown.
  std::string published;  // As given by the input (ISO 8601 when known).
  std::string outlet;     // Publisher or site name given by the input or found in the page.
  std::vector<std::string> authors;
  std::string given_title;  // Title given by the input, if any.

  // The bytes as read; for JSONL the `text` (or `html`) field. After HTML
  // extraction, the extracted text lines (format becomes kText).
  std::string raw;
  DocFormat format = DocFormat::kText;
  // HTTP Content-Type of an HTML page when known (from a WARC record), for its charset.
  std::string content_type;
  // When the page was fetched (WARC-Date, ISO 8601), if known. Not the publication date.
  std::string fetched;

  // Filled by HTML extraction (html metadata) unless the input gave them.
  std::string canonical_url;
  std::string description;
  std::string charset;  // Encoding the page was read in, e.g. "windows-1251".

  // Filled by cleaning.
  std::string title;
  std::string language;              // ISO 639-1 code such as "en", or "und".
  double language_confidence = 0.0;  // 0..1.
  std::vector<Block> blocks;
  std::vector<RemovedLine> removed;
  // Non-fatal problems such as replaced invalid UTF-8 bytes.
  std::vector<std::string> warnings;

  // The kept blocks joined by blank lines.
  std::string CleanText() const;
  // The article's own text: the kept blocks except the title and picture
  // captions, joined by blank lines.
  std::string ArticleText() const;
};

}  // namespace rashomon

#endif  // RSH_BASE_DOCUMENT_H_
