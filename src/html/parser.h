// html/parser.h: a tolerant, fast HTML parser with budgets.
//
// ParseHtml tokenizes UTF-8 HTML (after html/encoding or text/charset has
// converted it) and builds a Dom. It follows the HTML5 tokenizer for tags,
// attributes, comments, doctypes, CDATA, raw text (script, style, textarea,
// title, xmp, iframe, noembed, noframes, noscript, plaintext) and character
// references (named, decimal, hexadecimal; Windows-1252 fix-ups for
// &#128;..&#159;), and a simplified tree construction: void elements, the
// implied end tags of p, li, dt, dd, option, tr, td, th, thead, tbody,
// head; end tags close the nearest open element of that name unless a
// scope boundary (table, td, th, html, template...) comes first; stray end
// tags are ignored; no adoption agency, no foster parenting, no
// reconstruction of formatting elements. Parsing is iterative (no
// recursion), so any nesting is safe.
//
// Budgets: input bytes (over: kResourceExhausted, nothing parsed), nodes
// (over: the parse stops, Dom::truncated() is true, a warning says so),
// depth (deeper elements are attached at the depth limit, a warning says
// so). Never fails on malformed markup or any byte sequence; invalid UTF-8
// is kept as is (callers convert first).
//
//   ParseOptions options;
//   Result<Dom> dom = ParseHtml(utf8_html, options);
//
// Thread-safety: reentrant; no globals.
#ifndef RSH_HTML_PARSER_H_
#define RSH_HTML_PARSER_H_

#include <cstddef>
#include <string_view>

#include "base/result.h"
#include "html/dom.h"

namespace rashomon::html {

struct ParseOptions {
  // Largest input parsed, in bytes; larger input is refused with
  // kResourceExhausted. Default 20 MiB.
  size_t max_bytes = size_t{20} << 20;
  // Most nodes built; the parse stops there (Dom::truncated). Default 2,000,000.
  size_t max_nodes = 2'000'000;
  // Deepest element nesting; deeper elements are attached at this depth. Default 512.
  int max_depth = 512;
};

// Parses `html` (see the file comment). Keeps no reference to `html`.
// Errors: kResourceExhausted when `html` is longer than `options.max_bytes`.
Result<Dom> ParseHtml(std::string_view html, const ParseOptions& options);

}  // namespace rashomon::html

#endif  // RSH_HTML_PARSER_H_
