#include "html/encoding.h"

#include <cctype>
#include <cstddef>
#include <utility>

#include "text/charset.h"
#include "text/utf8.h"

namespace rashomon::html {
namespace {

using std::string_view_literals::operator""sv;

// The prescan looks this far into the page (HTML5 says 1024 bytes; pages
// with long <head> scripts put <meta charset> later, and browsers look
// further too).
constexpr size_t kPrescanBytes = 4096;

// A page that is not valid UTF-8 is still read as UTF-8 when it holds at
// least this many valid multi-byte sequences per invalid byte: a page cut
// off in a character, or a stray legacy byte in a UTF-8 page.
constexpr size_t kUtf8SequencesPerBadByte = 4;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[at + i]) != prefix[i]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithNoCase(a, 0, b);
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------- Prescan

struct Attribute {
  std::string name;  // Lower case.
  std::string value;
};

// The HTML5 "get an attribute" step over `s` from `*pos`. Returns false at
// the end of the tag (or of the input), leaving `*pos` on the `>` or at the
// end.
bool NextAttribute(std::string_view s, size_t* pos, Attribute* attribute) {
  size_t i = *pos;
  while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
  *pos = i;
  if (i >= s.size() || s[i] == '>') return false;
  attribute->name.clear();
  attribute->value.clear();
  // The name: a first '=' belongs to it ("<meta =x>").
  do {
    attribute->name += Lower(s[i++]);
  } while (i < s.size() && s[i] != '=' && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>');
  while (i < s.size() && IsSpace(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') {
    *pos = i;
    return true;  // No value.
  }
  ++i;
  while (i < s.size() && IsSpace(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    char quote = s[i++];
    size_t end = s.find(quote, i);
    if (end == std::string_view::npos) {
      *pos = s.size();  // Unterminated: the prescan ends.
      return false;
    }
    attribute->value.assign(s.substr(i, end - i));
    *pos = end + 1;
    return true;
  }
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') attribute->value += s[i++];
  *pos = i;
  return true;
}

// The HTML5 "extract a character encoding from a meta element" step: the
// value of `charset=` inside a content attribute, or "".
std::string_view CharsetFromMetaContent(std::string_view content) {
  size_t i = 0;
  for (;;) {
    size_t found = std::string_view::npos;
    for (size_t j = i; j + 7 <= content.size(); ++j) {
      if (StartsWithNoCase(content, j, "charset")) {
        found = j;
        break;
      }
    }
    if (found == std::string_view::npos) return "";
    i = found + 7;
    while (i < content.size() && IsSpace(content[i])) ++i;
    if (i < content.size() && content[i] == '=') break;
  }
  ++i;
  while (i < content.size() && IsSpace(content[i])) ++i;
  if (i >= content.size()) return "";
  if (content[i] == '"' || content[i] == '\'') {
    size_t end = content.find(content[i], i + 1);
    if (end == std::string_view::npos) return "";
    return content.substr(i + 1, end - i - 1);
  }
  size_t end = i;
  while (end < content.size() && !IsSpace(content[end]) && content[end] != ';') ++end;
  return content.substr(i, end - i);
}

// The label declared by the <meta> tag whose attributes start at `*pos`,
// or "". Moves `*pos` to the end of the tag.
std::string MetaLabel(std::string_view s, size_t* pos) {
  bool got_pragma = false;
  bool need_pragma = false;
  bool has_charset = false;
  bool seen_http_equiv = false, seen_content = false, seen_charset = false;
  std::string label;
  Attribute attribute;
  while (NextAttribute(s, pos, &attribute)) {
    // Only the first of attributes with the same name counts.
    if (attribute.name == "http-equiv" && !seen_http_equiv) {
      seen_http_equiv = true;
      got_pragma = EqualsNoCase(TrimSpace(attribute.value), "content-type");
    } else if (attribute.name == "content" && !seen_content) {
      seen_content = true;
      std::string_view found = CharsetFromMetaContent(attribute.value);
      if (!has_charset && !found.empty()) {
        label.assign(found);
        has_charset = need_pragma = true;
      }
    } else if (attribute.name == "charset" && !seen_charset) {
      seen_charset = true;
      label = attribute.value;
      has_charset = true;
      need_pragma = false;
    }
  }
  if (!has_charset || (need_pragma && !got_pragma)) return "";
  return std::string(TrimSpace(label));
}

// Skips the attributes of a tag whose name starts at `*pos`.
void SkipTag(std::string_view s, size_t* pos) {
  while (*pos < s.size() && !IsSpace(s[*pos]) && s[*pos] != '>') ++*pos;
  Attribute attribute;
  while (NextAttribute(s, pos, &attribute)) {
  }
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ---------------------------------------------------------------- Decoding

// What a pass over the bytes found about UTF-8.
struct Utf8Shape {
  bool non_ascii = false;
  size_t sequences = 0;  // Valid multi-byte sequences.
  size_t bad_bytes = 0;  // Bytes in invalid sequences.
  bool valid() const { return bad_bytes == 0; }
  bool mostly_utf8() const { return sequences >= kUtf8SequencesPerBadByte * bad_bytes; }
};

Utf8Shape ScanUtf8(std::string_view bytes) {
  Utf8Shape shape;
  size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    shape.non_ascii = true;
    size_t start = pos;
    char32_t cp = text::DecodeUtf8Lenient(bytes, &pos);
    if (cp == 0xFFFD && bytes.substr(start, pos - start) != "\xEF\xBF\xBD"sv) {
      shape.bad_bytes += pos - start;
    } else {
      ++shape.sequences;
    }
  }
  return shape;
}

// The declared charset, canonical, and where it was declared.
struct Declaration {
  std::string charset;  // Canonical name, or "" when none or unknown.
  std::string source;   // "http" or "meta".
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Reads the HTTP and <meta> declarations; warns about unknown labels and
// disagreements.
Declaration FindDeclaration(std::string_view bytes, std::string_view content_type,
                            std::vector<std::string>* warnings) {
  Declaration http;
  if (std::string_view label = CharsetFromContentType(content_type); !label.empty()) {
    http.charset = text::CanonicalCharset(label);
    http.source = "http";
    if (http.charset.empty()) {
      warnings->push_back("unknown charset " + Quoted(label) + " in the HTTP Content-Type");
    }
  }
  Declaration meta;
  if (std::string label = PrescanMetaCharset(bytes); !label.empty()) {
    meta.charset = text::CanonicalCharset(label);
    meta.source = "meta";
    if (meta.charset.empty()) {
      warnings->push_back("unknown charset " + Quoted(label) + " in <meta>");
    } else if (meta.charset.starts_with("UTF-16") || meta.charset.starts_with("UTF-32")) {
      // A page whose <meta> the prescan could read is ASCII-compatible
      // (HTML5 reads such a declaration as UTF-8).
      meta.charset = "UTF-8";
    }
  }
  if (!http.charset.empty()) {
    if (!meta.charset.empty() && meta.charset != http.charset) {
      warnings->push_back("HTTP declares " + http.charset + " but <meta> declares " + meta.charset +
                          "; the HTTP header wins");
    }
    return http;
  }
  return meta;
}

void Use(std::string charset, std::string source, DecodedHtml* out) {
  out->charset = std::move(charset);
  out->source = std::move(source);
}

// Reads `bytes` as UTF-8, replacing invalid bytes; warns when there were
// any.
void RepairAsUtf8(std::string_view bytes, DecodedHtml* out) {
  size_t bad = text::RepairUtf8(bytes, &out->utf8);
  if (bad > 0) {
    out->warnings.push_back(std::to_string(bad) + " invalid UTF-8 bytes replaced with U+FFFD");
  }
}

// Decodes a page that starts with a byte order mark; false when it has none.
bool DecodeWithBom(std::string_view bytes, DecodedHtml* out) {
  std::string charset;
  size_t bom = 0;
  if (bytes.starts_with("\xEF\xBB\xBF"sv)) {
    charset = "UTF-8";
    bom = 3;
  } else if (bytes.starts_with("\xFF\xFE"sv)) {
    charset = "UTF-16LE";
    bom = 2;
  } else if (bytes.starts_with("\xFE\xFF"sv)) {
    charset = "UTF-16BE";
    bom = 2;
  } else {
    return false;
  }
  bytes.remove_prefix(bom);
  if (charset == "UTF-8") {
    RepairAsUtf8(bytes, out);
  } else {
    text::ConvertToUtf8(bytes, charset, &out->utf8);
  }
  Use(charset, "bom", out);
  return true;
}

// Decodes a page whose bytes are not valid UTF-8 and that declares UTF-8,
// an unknown charset, or nothing: the bytes decide.
void DecodeUndeclared(std::string_view bytes, const Utf8Shape& shape, const Declaration& declared,
                      DecodedHtml* out) {
  bool says_utf8 = declared.charset == "UTF-8";
  if (shape.mostly_utf8()) {
    RepairAsUtf8(bytes, out);
    Use("UTF-8", says_utf8 ? declared.source : "detected", out);
    return;
  }
  text::CharsetGuess guess = text::DetectCharset(bytes);
  if (!guess.name.empty() && guess.name != "UTF-8" &&
      text::ConvertToUtf8(bytes, guess.name, &out->utf8)) {
    out->warnings.push_back((says_utf8 ? "declared UTF-8 but the bytes are not; detected "
                                       : "no usable charset declared; detected ") +
                            guess.name + " (confidence " + std::to_string(guess.confidence) + ")");
    Use(guess.name, "detected", out);
    return;
  }
  if (says_utf8) {
    RepairAsUtf8(bytes, out);
    Use("UTF-8", declared.source, out);
    return;
  }
  text::ConvertToUtf8(bytes, "windows-1252", &out->utf8);
  out->warnings.push_back("no charset declared or detected; read as windows-1252");
  Use("windows-1252", "default", out);
}

}  // namespace

std::string_view CharsetFromContentType(std::string_view content_type) {
  size_t semicolon = content_type.find(';');
  while (semicolon != std::string_view::npos) {
    std::string_view rest = content_type.substr(semicolon + 1);
    size_t next = rest.find(';');
    std::string_view parameter = TrimSpace(rest.substr(0, next));
    semicolon = next == std::string_view::npos ? next : semicolon + 1 + next;
    size_t equals = parameter.find('=');
    if (equals == std::string_view::npos ||
        !EqualsNoCase(TrimSpace(parameter.substr(0, equals)), "charset")) {
      continue;
    }
    std::string_view value = TrimSpace(parameter.substr(equals + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = TrimSpace(value.substr(1, value.size() - 2));
    }
    return value;
  }
  return "";
}

std::string PrescanMetaCharset(std::string_view bytes) {
  std::string_view s = bytes.substr(0, kPrescanBytes);
  std::string first_label;  // Returned when no label is known.
  size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] != '<') {
      ++pos;
    } else if (s.substr(pos).starts_with("<!--")) {
      // Ends at a '>' preceded by "--", which may overlap the opening ("<!-->").
      size_t end = s.find("-->", pos + 2);
      if (end == std::string_view::npos) break;
      pos = end + 3;
    } else if (StartsWithNoCase(s, pos, "<meta") && pos + 5 < s.size() &&
               (IsSpace(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      std::string label = MetaLabel(s, &pos);
      if (!label.empty()) {
        if (!text::CanonicalCharset(label).empty()) return label;
        if (first_label.empty()) first_label = std::move(label);
      }
    } else if (pos + 1 < s.size() &&
               (IsAsciiAlpha(s[pos + 1]) ||
                (s[pos + 1] == '/' && pos + 2 < s.size() && IsAsciiAlpha(s[pos + 2])))) {
      ++pos;
      SkipTag(s, &pos);
    } else if (pos + 1 < s.size() &&
               (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      size_t end = s.find('>', pos + 2);
      if (end == std::string_view::npos) break;
      pos = end + 1;
    } else {
      ++pos;
    }
  }
  return first_label;
}

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view content_type) {
  DecodedHtml out;
  if (DecodeWithBom(bytes, &out)) return out;
  Declaration declared = FindDeclaration(bytes, content_type, &out.warnings);
  Utf8Shape shape = ScanUtf8(bytes);
  if (shape.non_ascii && shape.valid()) {
    // Valid UTF-8 with non-ASCII characters is UTF-8, whatever it says.
    if (!declared.charset.empty() && declared.charset != "UTF-8") {
      out.warnings.push_back("declared " + declared.charset + " (" + declared.source +
                             ") but the bytes are valid UTF-8; read as UTF-8");
    }
    out.utf8.assign(bytes);
    Use("UTF-8", declared.charset == "UTF-8" ? declared.source : "utf8-valid", &out);
    return out;
  }
  if (!declared.charset.empty() && declared.charset != "UTF-8") {
    text::ConvertToUtf8(bytes, declared.charset, &out.utf8);
    Use(declared.charset, declared.source, &out);
    return out;
  }
  if (!shape.non_ascii) {
    // ASCII reads the same in UTF-8 and windows-1252.
    out.utf8.assign(bytes);
    if (declared.charset == "UTF-8") {
      Use("UTF-8", declared.source, &out);
    } else {
      Use("windows-1252", "default", &out);
    }
    return out;
  }
  DecodeUndeclared(bytes, shape, declared, &out);
  return out;
}

}  // namespace rashomon::html
