// html/encoding.h: find the character encoding of an HTML page and convert it to UTF-8.
//
// The order follows the HTML5 encoding sniffing algorithm, with a check of the
// declared encoding against the bytes: a byte order mark; the charset of the
// HTTP Content-Type (from a WARC record); a <meta charset> or <meta
// http-equiv="Content-Type"> in the first 4 KiB (prescan); then, when
// nothing is declared, the declared name is unknown, or the bytes contradict
// the declaration (a page declared UTF-8 that is not valid UTF-8), ICU's
// charset detector (text/charset.h). A page whose bytes are valid UTF-8 with
// non-ASCII characters is read as UTF-8 whatever it declares, since a valid
// UTF-8 byte sequence is almost never meant as a legacy encoding.
// ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do.
//
//   DecodedHtml page = DecodeHtml(bytes, "text/html; charset=windows-1251");
//   Result<Dom> dom = ParseHtml(page.utf8, ParseOptions());
//
// Thread-safety: reentrant.
#ifndef RSH_HTML_ENCODING_H_
#define RSH_HTML_ENCODING_H_

#include <string>
#include <string_view>
#include <vector>

namespace rashomon::html {

struct DecodedHtml {
  std::string utf8;     // The page as valid UTF-8 (bytes that do not convert become U+FFFD).
  std::string charset;  // Encoding used, canonical name such as "UTF-8" or "windows-1251".
  // Where it came from: "bom", "http", "meta", "detected", "utf8-valid" or "default".
  std::string source;
  // Problems, e.g. "declared UTF-8 but the bytes are not; detected windows-1251".
  std::vector<std::string> warnings;
};

// Decodes `bytes` (see the file comment). `content_type` is an HTTP
// Content-Type header value or "". Never fails; keeps no reference.
DecodedHtml DecodeHtml(std::string_view bytes, std::string_view content_type);

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8"
// gives "UTF-8"), or "".
std::string_view CharsetFromContentType(std::string_view content_type);

// The encoding declared by <meta> in the first 4 KiB of `bytes`, or "".
std::string PrescanMetaCharset(std::string_view bytes);

}  // namespace rashomon::html

#endif  // RSH_HTML_ENCODING_H_
