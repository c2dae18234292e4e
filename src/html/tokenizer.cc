// The tokenizer half of DomBuilder (see tokenizer.h and docs/html.md):
// tags, attributes, comments, doctypes, CDATA, raw text and character
// references, one token at a time, handed to the tree builder in
// parser.cc.
#include "html/tokenizer.h"

#include <cstring>
#include <string>
#include <string_view>

#include "html/dom.h"
#include "html/entities.h"

namespace rashomon::html {
namespace {

using internal::Is;
using internal::kAsciiAlpha;
using internal::kAttrNameEnd;
using internal::kBreaksForeign;
using internal::kClosesP;
using internal::kDropContent;
using internal::kForeign;
using internal::kIntegrationPoint;
using internal::kMaxAttributes;
using internal::kOptgroup;
using internal::kPlaintext;
using internal::kRawText;
using internal::kRcdata;
using internal::kScopeBoundary;
using internal::kSkipLeadingNewline;
using internal::kSpace;
using internal::kTagFlags;
using internal::kTagNameEnd;
using internal::kUnquotedEnd;
using internal::kVoid;

// Names outside enum Tag whose element behaves specially.
struct OtherElement {
  std::string_view name;
  uint32_t flags;
};
constexpr OtherElement kOtherElements[] = {
    {"area", kVoid},
    {"col", kVoid},
    {"param", kVoid},
    {"track", kVoid},
    {"keygen", kVoid},
    {"basefont", kVoid},
    {"bgsound", kVoid},
    {"frame", kVoid},
    {"xmp", kRawText | kClosesP},
    {"noembed", kRawText},
    {"noframes", kRawText},
    {"plaintext", kPlaintext | kClosesP},
    {"marquee", kScopeBoundary},
    {"applet", kScopeBoundary},
    {"listing", kClosesP | kBreaksForeign | kSkipLeadingNewline},
    {"dir", kClosesP},
    {"search", kClosesP},
    {"optgroup", kOptgroup},
    {"nobr", kBreaksForeign},
    {"big", kBreaksForeign},
    {"strike", kBreaksForeign},
    {"tt", kBreaksForeign},
    {"var", kBreaksForeign},
    {"ruby", kBreaksForeign},
    {"foreignobject", kIntegrationPoint},
    {"desc", kIntegrationPoint},
    {"mi", kIntegrationPoint},
    {"mo", kIntegrationPoint},
    {"mn", kIntegrationPoint},
    {"ms", kIntegrationPoint},
    {"mtext", kIntegrationPoint},
};

uint32_t FlagsOfOther(std::string_view lower_name) {
  if (lower_name.size() < 2 || lower_name.size() > 13) return 0;
  for (const OtherElement& e : kOtherElements) {
    if (e.name[0] == lower_name[0] && e.name == lower_name) return e.flags;
  }
  return 0;
}

inline char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// The first '&' or NUL in [b, e), or e. Looks at 8 bytes at a time: text
// runs and attribute values are most of the bytes copied.
inline const char* FindAmpOrNul(const char* b, const char* e) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  constexpr uint64_t kAmps = kOnes * '&';
  while (e - b >= 8) {
    uint64_t v;
    std::memcpy(&v, b, 8);
    const uint64_t x = v ^ kAmps;
    // Nonzero when a byte of v is 0 or a byte of x is 0 (v has '&').
    if (((v - kOnes) & ~v & kHighs) | ((x - kOnes) & ~x & kHighs)) break;
    b += 8;
  }
  while (b < e && *b != '&' && *b != '\0') ++b;
  return b;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace

// --- Text ----------------------------------------------------------------

void DomBuilder::AppendDecoded(const char* b, const char* e, bool in_attribute, NulMode nul) {
  while (b < e) {
    const char* s = FindAmpOrNul(b, e);
    pool_.append(b, static_cast<size_t>(s - b));
    if (s == e) return;
    if (*s == '\0') {
      // HTML5 drops NUL in body text and makes it U+FFFD elsewhere.
      if (nul == NulMode::kReplace) pool_.append("\xEF\xBF\xBD");
      b = s + 1;
      continue;
    }
    size_t used = internal::DecodeCharRef(std::string_view(s, static_cast<size_t>(e - s)),
                                          in_attribute, &pool_);
    if (used == 0) {
      pool_.push_back('&');
      used = 1;
    }
    b = s + used;
  }
}

// --- Tokenizer -----------------------------------------------------------

void DomBuilder::Parse() {
  const size_t size = static_cast<size_t>(end_ - begin_);
  nodes_.reserve(size / 32 + 16);
  attributes_.reserve(size / 64 + 16);
  pool_.reserve(size / 2 + 64);
  stack_.reserve(64);
  while (cur_ < end_ && !stopped_) {
    const char* lt = static_cast<const char*>(std::memchr(cur_, '<', end_ - cur_));
    if (lt == nullptr) lt = end_;
    if (lt > cur_) OnText(cur_, lt);
    cur_ = lt;
    if (cur_ == end_ || stopped_) break;
    if (cur_ + 1 == end_) {  // '<' at the end of the input is text.
      OnText(cur_, end_);
      cur_ = end_;
      break;
    }
    const char c = cur_[1];
    if (Is(c, kAsciiAlpha) || c == '/') {
      ReadTag();
    } else if (c == '!') {
      ReadMarkupDeclaration();
    } else if (c == '?') {
      SkipPast(cur_ + 2, '>');  // Bogus comment (<?xml ...?>).
    } else {
      OnText(cur_, cur_ + 1);  // A '<' that opens nothing.
      ++cur_;
    }
  }
  Finish();
}

// Moves cur_ past the next `c` at or after `from`, or to the end.
void DomBuilder::SkipPast(const char* from, char c) {
  const char* hit =
      from < end_ ? static_cast<const char*>(std::memchr(from, c, end_ - from)) : nullptr;
  cur_ = hit ? hit + 1 : end_;
}

// "<!--...-->", "<!DOCTYPE ...>", "<![CDATA[...]]>" and other "<!...>".
void DomBuilder::ReadMarkupDeclaration() {
  const char* q = cur_ + 2;
  if (end_ - q >= 2 && q[0] == '-' && q[1] == '-') {
    // A comment ends at "-->" or "--!>"; "<!-->" and "<!--->" are empty
    // comments. Unterminated: it runs to the end.
    const char* content = q + 2;
    for (const char* s = content; s < end_;) {
      const char* gt = static_cast<const char*>(std::memchr(s, '>', end_ - s));
      if (gt == nullptr) break;
      if ((gt - 2 >= q && gt[-1] == '-' && gt[-2] == '-') ||
          (gt - 3 >= content && gt[-1] == '!' && gt[-2] == '-' && gt[-3] == '-')) {
        cur_ = gt + 1;
        return;
      }
      s = gt + 1;
    }
    cur_ = end_;
    return;
  }
  constexpr std::string_view kCdata = "[CDATA[";
  if (static_cast<size_t>(end_ - q) >= kCdata.size() &&
      std::memcmp(q, kCdata.data(), kCdata.size()) == 0 && mode_ == Mode::kInBody &&
      (stack_.back().flags & kForeign) != 0) {
    // CDATA is text only in SVG and MathML; elsewhere it is a bogus comment.
    const char* text = q + kCdata.size();
    const char* stop = text;
    while (stop < end_ && !(end_ - stop >= 3 && std::memcmp(stop, "]]>", 3) == 0)) {
      stop = static_cast<const char*>(std::memchr(stop + 1, ']', end_ - stop - 1));
      if (stop == nullptr) stop = end_;
    }
    const size_t start = pool_.size();
    pool_.append(text, static_cast<size_t>(stop - text));
    AttachText(stack_.back().id, start, Offset(text));
    cur_ = stop < end_ ? stop + 3 : end_;
    return;
  }
  SkipPast(q, '>');  // Doctype, bogus comment.
}

// Reads the tag name at q (just after "<" or "</"), lower-cases it into
// name_ and sets token->tag and token->flags. False at the end of input.
bool DomBuilder::ReadTagName(const char*& q, Token* token) {
  const char* name = q;
  while (q < end_ && !Is(*q, kTagNameEnd)) ++q;
  if (q == end_) return false;
  const size_t n = static_cast<size_t>(q - name);
  name_.resize(n);
  for (size_t i = 0; i < n; ++i) name_[i] = ToLower(name[i]);
  token->tag = LookupTag(name_);
  token->flags =
      token->tag == Tag::kOther ? FlagsOfOther(name_) : kTagFlags[static_cast<size_t>(token->tag)];
  return true;
}

// A start tag, an end tag or "</...>" that is not one. cur_ is at '<'.
void DomBuilder::ReadTag() {
  const bool end_tag = cur_[1] == '/';
  const char* q = cur_ + (end_tag ? 2 : 1);
  if (end_tag) {
    if (q == end_) {  // "</" at the end is text.
      OnText(cur_, end_);
      cur_ = end_;
      return;
    }
    if (*q == '>') {  // "</>" is dropped.
      cur_ = q + 1;
      return;
    }
    if (!Is(*q, kAsciiAlpha)) {  // "</3..." is a bogus comment.
      SkipPast(q, '>');
      return;
    }
  }
  Token token;
  token.offset = Offset(cur_);
  token.attr_begin = static_cast<uint32_t>(attributes_.size());
  token.pool_mark = pool_.size();
  attr_hashes_.clear();
  // A tag cut by the end of the input is dropped, as in HTML5.
  if (!ReadTagName(q, &token)) {
    cur_ = end_;
    return;
  }
  if (!end_tag && token.tag == Tag::kOther) {
    token.name_offset = static_cast<uint32_t>(pool_.size());
    token.name_length = static_cast<uint32_t>(name_.size());
    pool_.append(name_);
  }
  if (!ReadAttributes(q, /*store=*/!end_tag, &token)) {
    Discard(token);
    cur_ = end_;
    return;
  }
  cur_ = q;
  if (end_tag) {
    OnEndTag(token);
  } else {
    OnStartTag(token);
  }
}

// Reads attributes up to and including '>'. False at the end of input.
bool DomBuilder::ReadAttributes(const char*& q, bool store, Token* token) {
  for (;;) {
    while (q < end_ && Is(*q, kSpace)) ++q;
    if (q == end_) return false;
    if (*q == '>') {
      ++q;
      return true;
    }
    if (*q == '/') {
      ++q;
      if (q < end_ && *q == '>') {
        token->self_closing = true;
        ++q;
        return true;
      }
      continue;
    }
    // The name; a leading '=' belongs to it.
    const char* name = q++;
    while (q < end_ && !Is(*q, kAttrNameEnd)) ++q;
    const char* name_end = q;
    while (q < end_ && Is(*q, kSpace)) ++q;
    const char* value = q;
    const char* value_end = q;
    if (q < end_ && *q == '=') {
      ++q;
      while (q < end_ && Is(*q, kSpace)) ++q;
      if (q == end_) return false;
      if (*q == '"' || *q == '\'') {
        const char* close = static_cast<const char*>(std::memchr(q + 1, *q, end_ - q - 1));
        if (close == nullptr) return false;
        value = q + 1;
        value_end = close;
        q = close + 1;
      } else {
        value = q;
        while (q < end_ && !Is(*q, kUnquotedEnd)) ++q;
        value_end = q;
      }
    }
    if (store) StoreAttribute(name, name_end, value, value_end, token);
  }
}

void DomBuilder::StoreAttribute(const char* name, const char* name_end, const char* value,
                                const char* value_end, Token* token) {
  const size_t count = attributes_.size() - token->attr_begin;
  if (count >= kMaxAttributes) {
    if (!attributes_warned_) {
      attributes_warned_ = true;
      dom_->warnings_.push_back("an element has over " + std::to_string(kMaxAttributes) +
                                " attributes: the rest were dropped");
    }
    return;
  }
  Attribute a;
  a.name_offset = static_cast<uint32_t>(pool_.size());
  a.name_length = static_cast<uint32_t>(name_end - name);
  pool_.append(name, a.name_length);
  char* lower = pool_.data() + a.name_offset;
  uint64_t fnv = 0xcbf29ce484222325ull;  // FNV-1a.
  for (uint32_t i = 0; i < a.name_length; ++i) {
    lower[i] = ToLower(lower[i]);
    fnv = (fnv ^ static_cast<uint8_t>(lower[i])) * 0x100000001b3ull;
  }
  const uint32_t hash = static_cast<uint32_t>(fnv ^ (fnv >> 32));
  // Duplicates are looked for by hash first, four at a time without
  // branches: a tag of 128 attributes would otherwise cost 8,000 string
  // compares.
  const uint32_t* hashes = attr_hashes_.data();
  const size_t n = attr_hashes_.size();
  uint32_t hits = 0;
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    hits |= static_cast<uint32_t>(hashes[k] == hash) | (hashes[k + 1] == hash) |
            (hashes[k + 2] == hash) | (hashes[k + 3] == hash);
  }
  for (; k < n; ++k) hits |= static_cast<uint32_t>(hashes[k] == hash);
  if (hits != 0) {
    for (size_t i = 0; i < attr_hashes_.size(); ++i) {
      const Attribute& old = attributes_[token->attr_begin + i];
      if (attr_hashes_[i] == hash && old.name_length == a.name_length &&
          std::memcmp(pool_.data() + old.name_offset, lower, a.name_length) == 0) {
        pool_.resize(a.name_offset);  // Duplicate: the first one wins.
        return;
      }
    }
  }
  attr_hashes_.push_back(hash);
  a.value_offset = static_cast<uint32_t>(pool_.size());
  AppendDecoded(value, value_end, /*in_attribute=*/true, NulMode::kReplace);
  a.value_length = static_cast<uint32_t>(pool_.size() - a.value_offset);
  attributes_.push_back(a);
}

bool DomBuilder::IsJsonLd(const Dom& dom, const Token& token) {
  for (size_t i = token.attr_begin; i < dom.attributes_.size(); ++i) {
    const Attribute& a = dom.attributes_[i];
    if (dom.pool_view(a.name_offset, a.name_length) != "type") continue;
    std::string_view v = dom.pool_view(a.value_offset, a.value_length);
    while (!v.empty() && Is(v.front(), kSpace)) v.remove_prefix(1);
    while (!v.empty() && Is(v.back(), kSpace)) v.remove_suffix(1);
    return EqualsIgnoreCase(v, "application/ld+json");
  }
  return false;
}

// The start of the end tag "</name" (any case, followed by space, '/' or
// '>') that closes raw text starting at cur_, or end_; *after is just past
// that end tag.
const char* DomBuilder::FindRawEnd(std::string_view lower_name, const char** after) const {
  const size_t n = lower_name.size();
  for (const char* s = cur_; s < end_;) {
    const char* lt = static_cast<const char*>(std::memchr(s, '<', end_ - s));
    if (lt == nullptr) break;
    const char* name = lt + 2;
    if (end_ - name > static_cast<ptrdiff_t>(n) && lt[1] == '/' && Is(name[n], kTagNameEnd) &&
        EqualsIgnoreCase(std::string_view(name, n), lower_name)) {
      const char* gt = static_cast<const char*>(std::memchr(name + n, '>', end_ - name - n));
      *after = gt ? gt + 1 : end_;
      return lt;
    }
    s = lt + 1;
  }
  *after = end_;
  return end_;
}

// Content of a raw text element (script, style, title, textarea...) that
// was just inserted as `element` (not pushed).
void DomBuilder::ReadRawContent(const Token& token, NodeId element) {
  const char* content = cur_;
  const char* after = end_;
  const char* stop = end_;
  if ((token.flags & kPlaintext) == 0) {
    stop = FindRawEnd(name_, &after);  // name_ still holds the start tag's name.
  }
  if ((token.flags & kSkipLeadingNewline) && content < stop) {
    if (*content == '\n') {
      ++content;
    } else if (*content == '\r') {
      content += (stop - content >= 2 && content[1] == '\n') ? 2 : 1;
    }
  }
  cur_ = after;
  const bool keep = (token.flags & kDropContent) == 0 || IsJsonLd(*dom_, token);
  if (!keep || content >= stop || !HaveRoom()) return;
  const size_t start = pool_.size();
  if (token.flags & kRcdata) {
    AppendDecoded(content, stop, /*in_attribute=*/false, NulMode::kReplace);
  } else {
    pool_.append(content, static_cast<size_t>(stop - content));
  }
  if (pool_.size() == start) return;
  NodeId id = NewNode(NodeType::kText, Tag::kOther, Offset(content));
  nodes_[id].text_offset = static_cast<uint32_t>(start);
  nodes_[id].text_length = static_cast<uint32_t>(pool_.size() - start);
  AppendChild(element, id);
}

}  // namespace rashomon::html
