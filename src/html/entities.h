// html/entities.h: HTML5 character references (internal to the html module).
//
// Decodes "&amp;", "&copy" (legacy names without ';'), "&#233;" and
// "&#xE9;" the way the HTML5 tokenizer does: the longest matching name of
// the 2,231 names of the HTML5 table, the legacy names without ';' (and
// not in attribute values when followed by '=' or an alphanumeric
// character), Windows-1252 for &#128;..&#159;, and U+FFFD for zero,
// surrogates and code points past U+10FFFF. The tokenizer lives in
// html/tokenizer.cc, the tree builder in html/parser.cc.
//
//   std::string out;
//   AppendDecoded("caf&eacute; &amp tea", /*in_attribute=*/false, &out);  // "café & tea"
//
// Thread-safety: stateless; the tables are constant.
#ifndef RSH_HTML_ENTITIES_H_
#define RSH_HTML_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rashomon::html::internal {

// Decodes the character reference at the start of `in`, where in[0] is
// '&'. On a match appends the decoded UTF-8 to `out` and returns the
// number of bytes consumed (at least 2); returns 0 and appends nothing when
// `in` does not start with a reference (the caller keeps the '&' as text).
// `in_attribute` applies the attribute-value rule for names without ';'.
size_t DecodeCharRef(std::string_view in, bool in_attribute, std::string* out);

// Appends `in` to `out` with every character reference decoded.
void AppendDecoded(std::string_view in, bool in_attribute, std::string* out);

// The UTF-8 value of the named reference `name` given without '&' (with
// its ';' when it has one: "amp;", "amp", "NotEqualTilde;"); "" when
// `name` is not in the HTML5 table.
std::string_view LookupNamedRef(std::string_view name);

// Number of names in the table (2,231 for HTML5: 2,125 with ';', 106
// legacy names without it).
size_t NamedRefCount();

}  // namespace rashomon::html::internal

#endif  // RSH_HTML_ENTITIES_H_
