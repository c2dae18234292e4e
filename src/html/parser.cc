// The HTML tokenizer and the simplified tree builder; see parser.h and
// docs/html.md. One pass over the input, no recursion: the tokenizer finds
// the next '<' with memchr, reads one tag, comment or run of text at a
// time, and hands it to the tree builder, which keeps the stack of open
// elements.
#include "html/parser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "base/status.h"
#include "html/entities.h"

namespace rashomon::html {
namespace {

// Properties of an element name.
enum ElementFlag : uint32_t {
  kVoid = 1u << 0,                 // Never has children (br, img, meta...).
  kClosesP = 1u << 1,              // Its start tag closes an open p (div, ul, h1...).
  kHeadContent = 1u << 2,          // Goes into head before the body starts.
  kRawText = 1u << 3,              // Content up to its end tag, kept as written.
  kRcdata = 1u << 4,               // Content up to its end tag, references decoded.
  kDropContent = 1u << 5,          // script, style: content not kept (but JSON-LD).
  kScopeBoundary = 1u << 6,        // End tags do not look past it (table, td...).
  kHeading = 1u << 7,              // h1..h6.
  kBreaksForeign = 1u << 8,        // Its start tag ends SVG or MathML content.
  kIntegrationPoint = 1u << 9,     // HTML inside SVG or MathML (foreignObject...).
  kPlaintext = 1u << 10,           // Everything to the end of the input is text.
  kOptgroup = 1u << 11,            // optgroup.
  kTableSection = 1u << 12,        // tbody, thead, tfoot.
  kSkipLeadingNewline = 1u << 13,  // pre, listing, textarea.
  kForeign = 1u << 14,             // Open elements only: an SVG or MathML element.
};

constexpr size_t kTagCount = static_cast<size_t>(Tag::kCount);

constexpr uint32_t FlagsOf(Tag tag) {
  switch (tag) {
    case Tag::kBase:
    case Tag::kLink:
    case Tag::kMeta:
      return kVoid | kHeadContent;
    case Tag::kBr:
    case Tag::kEmbed:
    case Tag::kImg:
      return kVoid | kBreaksForeign;
    case Tag::kInput:
    case Tag::kSource:
    case Tag::kWbr:
      return kVoid;
    case Tag::kHr:
      return kVoid | kClosesP | kBreaksForeign;
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kDetails:
    case Tag::kDialog:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kForm:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kMain:
    case Tag::kNav:
    case Tag::kSection:
    case Tag::kSummary:
      return kClosesP;
    case Tag::kBlockquote:
    case Tag::kCenter:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kMenu:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kUl:
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt:
      return kClosesP | kBreaksForeign;
    case Tag::kPre:
      return kClosesP | kBreaksForeign | kSkipLeadingNewline;
    case Tag::kTable:
      return kClosesP | kBreaksForeign | kScopeBoundary;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      return kClosesP | kBreaksForeign | kHeading;
    case Tag::kB:
    case Tag::kCode:
    case Tag::kEm:
    case Tag::kI:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kSpan:
    case Tag::kStrong:
    case Tag::kSub:
    case Tag::kSup:
    case Tag::kU:
      return kBreaksForeign;
    case Tag::kBody:
    case Tag::kHead:
      return kBreaksForeign;
    case Tag::kHtml:
    case Tag::kTd:
    case Tag::kTemplate:
    case Tag::kCaption:
    case Tag::kObject:
      return kScopeBoundary;
    case Tag::kTh:
      return kScopeBoundary;
    case Tag::kTbody:
    case Tag::kThead:
    case Tag::kTfoot:
      return kTableSection;
    case Tag::kScript:
    case Tag::kStyle:
      return kRawText | kDropContent | kHeadContent;
    case Tag::kNoscript:
      return kRawText | kHeadContent;
    case Tag::kTitle:
      return kRcdata | kHeadContent | kIntegrationPoint;
    case Tag::kTextarea:
      return kRcdata | kSkipLeadingNewline;
    case Tag::kIframe:
      return kRawText;
    default:
      return 0;
  }
}

constexpr std::array<uint32_t, kTagCount> kTagFlags = [] {
  std::array<uint32_t, kTagCount> flags{};
  for (size_t i = 0; i < kTagCount; ++i) flags[i] = FlagsOf(static_cast<Tag>(i));
  return flags;
}();

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

// Byte classes of the tokenizer.
enum ByteClass : uint8_t {
  kSpace = 1,        // \t \n \f \r and space.
  kTagNameEnd = 2,   // Space, '/', '>'.
  kAttrNameEnd = 4,  // Space, '/', '>', '='.
  kUnquotedEnd = 8,  // Space, '>'.
  kAsciiAlpha = 16,
};

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> c{};
  for (unsigned char s : {'\t', '\n', '\f', '\r', ' '}) {
    c[s] = kSpace | kTagNameEnd | kAttrNameEnd | kUnquotedEnd;
  }
  c['/'] = kTagNameEnd | kAttrNameEnd;
  c['>'] = kTagNameEnd | kAttrNameEnd | kUnquotedEnd;
  c['='] = kAttrNameEnd;
  for (int i = 'a'; i <= 'z'; ++i) c[i] = kAsciiAlpha;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = kAsciiAlpha;
  return c;
}();

inline bool Is(char c, uint8_t byte_class) {
  return (kByteClass[static_cast<unsigned char>(c)] & byte_class) != 0;
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

bool IsAllSpace(const char* b, const char* e) {
  for (; b < e; ++b) {
    if (!Is(*b, kSpace)) return false;
  }
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != lower[i]) return false;
  }
  return true;
}

// Stored attributes per element; more are dropped (a warning says so).
// Bounds the quadratic duplicate check on hostile tags.
constexpr size_t kMaxAttributes = 128;

// The stack search budget (see DomBuilder::PopThroughNearest): steps per
// input byte, steps for free, and the depth of a search past the budget.
// The 91 extraction-dev pages use at most 0.001 steps per byte.
constexpr size_t kSearchStepsPerByte = 1;
constexpr size_t kSearchStepsFree = size_t{1} << 16;
constexpr size_t kShortSearch = 16;

// Longest text moved in the pool to merge it with the next run; see
// DomBuilder::OnText.
constexpr uint32_t kMaxTextMove = 4096;

// Inputs past 1 GiB are refused whatever the options say, so offsets into
// the pool (which holds at most 3 bytes per input byte) fit in 32 bits.
constexpr size_t kHardMaxBytes = size_t{1} << 30;

}  // namespace

// Builds a Dom from HTML in one pass; see parser.h. Not reusable: one
// DomBuilder per parse.
class DomBuilder {
 public:
  DomBuilder(std::string_view html, const ParseOptions& options, Dom* dom)
      : begin_(html.data()),
        cur_(html.data()),
        end_(html.data() + html.size()),
        max_nodes_(options.max_nodes),
        max_depth_(options.max_depth),
        nodes_(dom->nodes_),
        attributes_(dom->attributes_),
        pool_(dom->pool_),
        dom_(dom),
        search_budget_(kSearchStepsPerByte * html.size() + kSearchStepsFree) {}

  void Parse();

 private:
  enum class Mode { kInitial, kBeforeHead, kInHead, kAfterHead, kInBody };

  struct Open {
    NodeId id;
    Tag tag;
    uint32_t flags;
  };

  // A start or end tag as read by the tokenizer. Its attributes (start
  // tags only) are already at the end of attributes_, its strings at the
  // end of pool_.
  struct Token {
    Tag tag = Tag::kOther;
    uint32_t flags = 0;
    bool self_closing = false;
    uint32_t offset = 0;       // Of the '<'.
    uint32_t name_offset = 0;  // kOther start tags: the lower-case name in the pool.
    uint32_t name_length = 0;
    uint32_t attr_begin = 0;  // First attribute in attributes_.
    size_t pool_mark = 0;     // pool_ size before the token.
  };

  // --- Tokenizer.
  void ReadTag();
  void ReadMarkupDeclaration();
  void SkipPast(const char* from, char c);
  bool ReadTagName(const char*& q, Token* token);
  bool ReadAttributes(const char*& q, bool store, Token* token);
  void StoreAttribute(const char* name, const char* name_end, const char* value,
                      const char* value_end, Token* token);
  void ReadRawContent(const Token& token, NodeId element);
  const char* FindRawEnd(std::string_view lower_name, const char** after) const;
  static bool IsJsonLd(const Dom& dom, const Token& token);

  // --- Appending decoded text to the pool.
  enum class NulMode { kDrop, kReplace };
  void AppendDecoded(const char* b, const char* e, bool in_attribute, NulMode nul);

  // --- Tree construction.
  void OnText(const char* b, const char* e);
  void AttachText(NodeId parent, size_t start, uint32_t offset);
  void OnStartTag(Token& token);
  void OnEndTag(const Token& token);
  void InsertInBody(const Token& token);
  void InsertLeaf(const Token& token, NodeId parent);
  void ApplyImpliedEndTags(const Token& token);
  void ClosePInButtonScope();
  bool PopNearestP();
  template <typename Match, typename Stop>
  bool PopThroughNearest(Match match, Stop stop);
  void MergeAttributes(NodeId node, const Token& token);
  void Discard(const Token& token);
  bool IsNamed(const Open& open, const Token& token) const;

  void EnsureHtml(uint32_t offset);
  void EnsureHead(uint32_t offset);
  void CloseHead();
  void EnsureBody(uint32_t offset);
  void Finish();

  // --- Nodes and the stack.
  bool HaveRoom();
  NodeId NewNode(NodeType type, Tag tag, uint32_t offset);
  NodeId NewElement(const Token& token, NodeId parent, bool structural);
  void AppendChild(NodeId parent, NodeId child);
  void Push(NodeId id, Tag tag, uint32_t flags, bool structural = false);
  void Pop();
  void PopTo(size_t size);
  Token Synthetic(Tag tag) const;

  uint32_t Offset(const char* p) const { return static_cast<uint32_t>(p - begin_); }

  const char* const begin_;
  const char* cur_;
  const char* const end_;
  const size_t max_nodes_;
  const int max_depth_;

  std::vector<Node>& nodes_;
  std::vector<Attribute>& attributes_;
  std::string& pool_;
  Dom* const dom_;

  Mode mode_ = Mode::kInitial;
  NodeId html_ = kNoNode;
  NodeId head_ = kNoNode;
  NodeId body_ = kNoNode;
  std::vector<Open> stack_;
  std::array<uint32_t, kTagCount> open_count_{};
  std::string name_;                   // Lower-case name of the current tag.
  std::vector<uint32_t> attr_hashes_;  // Hashes of the current tag's attribute names.
  bool stopped_ = false;
  bool depth_warned_ = false;
  bool attributes_warned_ = false;
  // Elements looked at by PopThroughNearest, and how many it may look at
  // before searches get short.
  size_t search_steps_ = 0;
  const size_t search_budget_;
  bool search_warned_ = false;
};

// --- Nodes and the stack -------------------------------------------------

bool DomBuilder::HaveRoom() {
  if (nodes_.size() < max_nodes_) return true;
  if (!stopped_) {
    stopped_ = true;
    dom_->truncated_ = true;
    dom_->warnings_.push_back("node budget of " + std::to_string(max_nodes_) +
                              " reached: the rest of the page was not parsed");
  }
  return false;
}

NodeId DomBuilder::NewNode(NodeType type, Tag tag, uint32_t offset) {
  NodeId id = static_cast<NodeId>(nodes_.size());
  Node& n = nodes_.emplace_back();
  n.type = type;
  n.tag = tag;
  n.source_offset = offset;
  return id;
}

void DomBuilder::AppendChild(NodeId parent, NodeId child) {
  Node& p = nodes_[parent];
  Node& c = nodes_[child];
  c.parent = parent;
  c.prev_sibling = p.last_child;
  if (p.last_child == kNoNode) {
    p.first_child = child;
  } else {
    nodes_[p.last_child].next_sibling = child;
  }
  p.last_child = child;
}

// The element of `token` as the last child of `parent`; kNoNode when the
// node budget is spent. html, head and body (`structural`) are exempt from
// the budget so that every Dom has them.
NodeId DomBuilder::NewElement(const Token& token, NodeId parent, bool structural) {
  if (!structural && !HaveRoom()) return kNoNode;
  NodeId id = NewNode(NodeType::kElement, token.tag, token.offset);
  Node& n = nodes_[id];
  if (token.tag == Tag::kOther) {
    n.text_offset = token.name_offset;
    n.text_length = token.name_length;
  }
  n.attr_begin = token.attr_begin;
  n.attr_count = static_cast<uint32_t>(attributes_.size() - token.attr_begin);
  AppendChild(parent, id);
  return id;
}

void DomBuilder::Push(NodeId id, Tag tag, uint32_t flags, bool structural) {
  if (!structural && stack_.size() >= static_cast<size_t>(std::max(max_depth_, 0))) {
    if (!depth_warned_) {
      depth_warned_ = true;
      dom_->warnings_.push_back("depth budget of " + std::to_string(max_depth_) +
                                " reached: deeper elements flattened");
    }
    return;
  }
  stack_.push_back(Open{id, tag, flags});
  ++open_count_[static_cast<size_t>(tag)];
  dom_->max_depth_seen_ = std::max(dom_->max_depth_seen_, static_cast<int>(stack_.size()));
}

void DomBuilder::Pop() {
  --open_count_[static_cast<size_t>(stack_.back().tag)];
  stack_.pop_back();
}

void DomBuilder::PopTo(size_t size) {
  while (stack_.size() > size) Pop();
}

DomBuilder::Token DomBuilder::Synthetic(Tag tag) const {
  Token t;
  t.tag = tag;
  t.flags = kTagFlags[static_cast<size_t>(tag)];
  t.offset = Offset(cur_);
  t.attr_begin = static_cast<uint32_t>(attributes_.size());
  t.pool_mark = pool_.size();
  return t;
}

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

void DomBuilder::OnText(const char* b, const char* e) {
  if (mode_ != Mode::kInBody) {
    // Space before the body is layout of the source, not content.
    if (IsAllSpace(b, e)) return;
    EnsureBody(Offset(b));
  }
  const Open& top = stack_.back();
  if (top.tag == Tag::kScript || top.tag == Tag::kStyle) return;  // SVG script or style.
  const size_t start = pool_.size();
  AppendDecoded(b, e, /*in_attribute=*/false, NulMode::kDrop);
  AttachText(top.id, start, Offset(b));
}

// Makes pool_[start, end) the text of a new last child of `parent`, or
// adds it to the text node that is the last child already.
void DomBuilder::AttachText(NodeId parent, size_t start, uint32_t offset) {
  const size_t length = pool_.size() - start;
  if (length == 0) return;
  // Merge with a text node just before (text around a comment, a stray
  // end tag, a lone '<').
  const NodeId last = nodes_[parent].last_child;
  if (last != kNoNode && nodes_[last].type == NodeType::kText) {
    Node& t = nodes_[last];
    if (t.text_offset + t.text_length == start) {
      t.text_length += static_cast<uint32_t>(length);
      return;
    }
    // Attributes merged into <html> or <body> went to the pool in between:
    // move the old text next to the new one, unless it is long (hostile
    // input, which then gets a second text node).
    if (t.text_length <= kMaxTextMove) {
      std::string joined(pool_, t.text_offset, t.text_length);
      joined.append(pool_, start, length);
      pool_.resize(start);
      t.text_offset = static_cast<uint32_t>(pool_.size());
      pool_.append(joined);
      t.text_length = static_cast<uint32_t>(joined.size());
      return;
    }
  }
  if (!HaveRoom()) {
    pool_.resize(start);
    return;
  }
  NodeId id = NewNode(NodeType::kText, Tag::kOther, offset);
  nodes_[id].text_offset = static_cast<uint32_t>(start);
  nodes_[id].text_length = static_cast<uint32_t>(length);
  AppendChild(parent, id);
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

// --- Tree construction ---------------------------------------------------

void DomBuilder::EnsureHtml(uint32_t offset) {
  if (html_ != kNoNode) return;
  Token t = Synthetic(Tag::kHtml);
  t.offset = offset;
  html_ = NewElement(t, dom_->root(), /*structural=*/true);
  Push(html_, Tag::kHtml, t.flags, /*structural=*/true);
  mode_ = Mode::kBeforeHead;
}

void DomBuilder::EnsureHead(uint32_t offset) {
  EnsureHtml(offset);
  if (mode_ != Mode::kBeforeHead) return;
  Token t = Synthetic(Tag::kHead);
  t.offset = offset;
  head_ = NewElement(t, html_, /*structural=*/true);
  Push(head_, Tag::kHead, t.flags, /*structural=*/true);
  mode_ = Mode::kInHead;
}

void DomBuilder::CloseHead() {
  if (mode_ != Mode::kInHead) return;
  PopTo(1);  // Back to <html>.
  mode_ = Mode::kAfterHead;
}

void DomBuilder::EnsureBody(uint32_t offset) {
  if (mode_ == Mode::kInBody) return;
  EnsureHead(offset);
  CloseHead();
  Token t = Synthetic(Tag::kBody);
  t.offset = offset;
  body_ = NewElement(t, html_, /*structural=*/true);
  Push(body_, Tag::kBody, t.flags, /*structural=*/true);
  mode_ = Mode::kInBody;
}

void DomBuilder::Finish() {
  const uint32_t offset = Offset(end_);
  EnsureBody(offset);
}

// Drops the attributes and strings of a token that makes no element.
void DomBuilder::Discard(const Token& token) {
  attributes_.resize(token.attr_begin);
  pool_.resize(token.pool_mark);
}

// A second <html> or <body> start tag adds its attributes to the element
// (HTML5); names already there keep their value.
void DomBuilder::MergeAttributes(NodeId node, const Token& token) {
  if (attributes_.size() == token.attr_begin) return;
  const Dom& dom = *dom_;
  std::vector<Attribute> merged(dom.attrs_begin(node), dom.attrs_end(node));
  const size_t old_count = merged.size();
  for (size_t i = token.attr_begin; i < attributes_.size(); ++i) {
    const Attribute& a = attributes_[i];
    std::string_view name = dom.pool_view(a.name_offset, a.name_length);
    bool present = false;
    for (size_t j = 0; j < old_count && !present; ++j) {
      present = dom.pool_view(merged[j].name_offset, merged[j].name_length) == name;
    }
    if (!present && merged.size() < kMaxAttributes) merged.push_back(a);
  }
  if (merged.size() == old_count) {
    // Nothing new: drop the strings too, so that text around the tag stays
    // contiguous in the pool. Hence at most 2 * kMaxAttributes merges
    // leave strings behind (see OnText).
    Discard(token);
    return;
  }
  attributes_.resize(token.attr_begin);
  nodes_[node].attr_begin = static_cast<uint32_t>(attributes_.size());
  nodes_[node].attr_count = static_cast<uint32_t>(merged.size());
  attributes_.insert(attributes_.end(), merged.begin(), merged.end());
}

void DomBuilder::OnStartTag(Token& token) {
  if (token.tag == Tag::kHtml) {
    if (html_ == kNoNode) {
      html_ = NewElement(token, dom_->root(), /*structural=*/true);
      Push(html_, Tag::kHtml, token.flags, /*structural=*/true);
      mode_ = Mode::kBeforeHead;
    } else {
      MergeAttributes(html_, token);
    }
    return;
  }
  if (mode_ != Mode::kInBody) {
    EnsureHtml(token.offset);
    if (mode_ == Mode::kBeforeHead && token.tag == Tag::kHead) {
      head_ = NewElement(token, html_, /*structural=*/true);
      Push(head_, Tag::kHead, token.flags, /*structural=*/true);
      mode_ = Mode::kInHead;
      return;
    }
    EnsureHead(token.offset);
    if (token.tag == Tag::kHead) {
      Discard(token);
      return;
    }
    if (token.flags & kHeadContent) {
      // meta, link, title, script, style, base, noscript: all void or raw
      // text, so they never stay open in head.
      InsertLeaf(token, head_);
      return;
    }
    CloseHead();
    if (token.tag == Tag::kBody) {
      body_ = NewElement(token, html_, /*structural=*/true);
      Push(body_, Tag::kBody, token.flags, /*structural=*/true);
      mode_ = Mode::kInBody;
      return;
    }
    EnsureBody(token.offset);
  } else if (token.tag == Tag::kBody) {
    MergeAttributes(body_, token);
    return;
  } else if (token.tag == Tag::kHead) {
    Discard(token);
    return;
  }
  InsertInBody(token);
}

// A void or raw text element under `parent`, which stays current.
void DomBuilder::InsertLeaf(const Token& token, NodeId parent) {
  NodeId id = NewElement(token, parent, /*structural=*/false);
  if (id == kNoNode) return;
  if (token.flags & (kRawText | kRcdata | kPlaintext)) ReadRawContent(token, id);
}

void DomBuilder::InsertInBody(const Token& token) {
  const Open* top = &stack_.back();
  bool foreign_parent = (top->flags & kForeign) && !(top->flags & kIntegrationPoint);
  if (foreign_parent && (token.flags & kBreaksForeign)) {
    // HTML5 "breakout": an HTML block element inside SVG or MathML ends it.
    while (stack_.size() > 2 && (stack_.back().flags & kForeign) &&
           !(stack_.back().flags & kIntegrationPoint)) {
      Pop();
    }
    foreign_parent = false;
  }
  const bool foreign = foreign_parent || token.tag == Tag::kSvg || token.tag == Tag::kMath;
  if (!foreign) ApplyImpliedEndTags(token);
  NodeId id = NewElement(token, stack_.back().id, /*structural=*/false);
  if (id == kNoNode) return;
  if (foreign) {
    // In SVG and MathML "/>" closes the element, and nothing is raw text.
    if (!token.self_closing) Push(id, token.tag, token.flags | kForeign);
    return;
  }
  if (token.flags & kVoid) return;
  if (token.flags & (kRawText | kRcdata | kPlaintext)) {
    ReadRawContent(token, id);
    return;
  }
  Push(id, token.tag, token.flags);
  if ((token.flags & kSkipLeadingNewline) && cur_ < end_) {
    // HTML5 drops a newline right after <pre> and <listing>.
    if (*cur_ == '\n') {
      ++cur_;
    } else if (*cur_ == '\r') {
      cur_ += (end_ - cur_ >= 2 && cur_[1] == '\n') ? 2 : 1;
    }
  }
}

// Pops the stack through the topmost open element for which `match` holds,
// looking no further down than an element for which `stop` holds (checked
// after `match`). Never pops <html> or <body>. True when one was found.
template <typename Match, typename Stop>
bool DomBuilder::PopThroughNearest(Match match, Stop stop) {
  // A search costs up to the depth of the stack. Hostile pages (millions of
  // tags that search a stack 500 deep in vain) would add that up to
  // seconds, so past a budget proportional to the input each search looks
  // at most kShortSearch elements down.
  size_t limit = stack_.size();
  if (search_steps_ > search_budget_) {
    limit = kShortSearch;
    if (!search_warned_) {
      search_warned_ = true;
      dom_->warnings_.push_back(
          "stack search budget spent: end tags and implied end tags look only " +
          std::to_string(kShortSearch) + " elements deep");
    }
  }
  size_t seen = 0;
  bool found = false;
  for (size_t i = stack_.size(); i-- > 1 && seen < limit; ++seen) {
    const Open& o = stack_[i];
    if (o.tag == Tag::kBody || o.tag == Tag::kHtml) break;
    if (match(o)) {
      PopTo(i);
      found = true;
      break;
    }
    if (stop(o)) break;
  }
  search_steps_ += seen;
  return found;
}

bool DomBuilder::PopNearestP() {
  if (open_count_[static_cast<size_t>(Tag::kP)] == 0) return false;
  return PopThroughNearest(
      [](const Open& o) { return o.tag == Tag::kP; },
      [](const Open& o) { return (o.flags & kScopeBoundary) || o.tag == Tag::kButton; });
}

void DomBuilder::ClosePInButtonScope() { PopNearestP(); }

void DomBuilder::ApplyImpliedEndTags(const Token& token) {
  if (token.flags & kClosesP) ClosePInButtonScope();
  auto boundary = [](const Open& o) { return (o.flags & kScopeBoundary) != 0; };
  auto table_or_section = [](const Open& o) {
    return o.tag == Tag::kTable || o.tag == Tag::kTemplate || (o.flags & kTableSection);
  };
  switch (token.tag) {
    case Tag::kLi:
      PopThroughNearest(
          [](const Open& o) { return o.tag == Tag::kLi; },
          [&](const Open& o) { return boundary(o) || o.tag == Tag::kUl || o.tag == Tag::kOl; });
      break;
    case Tag::kDd:
    case Tag::kDt:
      PopThroughNearest([](const Open& o) { return o.tag == Tag::kDd || o.tag == Tag::kDt; },
                        [&](const Open& o) { return boundary(o) || o.tag == Tag::kDl; });
      break;
    case Tag::kTr:
      PopThroughNearest([](const Open& o) { return o.tag == Tag::kTr; }, table_or_section);
      break;
    case Tag::kTd:
    case Tag::kTh:
      PopThroughNearest([](const Open& o) { return o.tag == Tag::kTd || o.tag == Tag::kTh; },
                        [&](const Open& o) { return o.tag == Tag::kTr || table_or_section(o); });
      break;
    case Tag::kTbody:
    case Tag::kThead:
    case Tag::kTfoot:
      PopThroughNearest(
          [](const Open& o) { return (o.flags & kTableSection) != 0; },
          [](const Open& o) { return o.tag == Tag::kTable || o.tag == Tag::kTemplate; });
      break;
    case Tag::kOption:
      if (stack_.back().tag == Tag::kOption) Pop();
      break;
    case Tag::kA:
    case Tag::kButton:
      // Nested links and buttons are not allowed; the new one closes the
      // old (a simplification of the adoption agency for <a>).
      if (open_count_[static_cast<size_t>(token.tag)] != 0) {
        const Tag tag = token.tag;
        PopThroughNearest([tag](const Open& o) { return o.tag == tag; }, boundary);
      }
      break;
    default:
      if (token.flags & kHeading) {
        if (stack_.back().flags & kHeading) Pop();
      } else if (token.flags & kOptgroup) {
        if (stack_.back().tag == Tag::kOption) Pop();
        if (stack_.back().flags & kOptgroup) Pop();
      }
      break;
  }
}

bool DomBuilder::IsNamed(const Open& open, const Token& token) const {
  if (open.tag != token.tag) return false;
  if (token.tag != Tag::kOther) return true;
  const Node& n = nodes_[open.id];
  return dom_->pool_view(n.text_offset, n.text_length) == name_;
}

void DomBuilder::OnEndTag(const Token& token) {
  if (mode_ != Mode::kInBody) {
    if (token.tag == Tag::kHead && mode_ == Mode::kInHead) {
      CloseHead();
      return;
    }
    if (token.tag != Tag::kBr) return;
    EnsureBody(token.offset);
  }
  switch (token.tag) {
    case Tag::kBody:
    case Tag::kHtml:
    case Tag::kHead:
      return;  // Whatever follows still goes into the body.
    case Tag::kBr: {
      Token br = Synthetic(Tag::kBr);  // "</br>" is read as "<br>".
      br.offset = token.offset;
      InsertInBody(br);
      return;
    }
    case Tag::kP:
      if (!PopNearestP()) {
        Token p = Synthetic(Tag::kP);  // "</p>" without <p> makes an empty p.
        p.offset = token.offset;
        NewElement(p, stack_.back().id, /*structural=*/false);
      }
      return;
    default:
      break;
  }
  if (token.flags & kHeading) {
    // Any open heading closes any other ("<h2>...</h3>").
    PopThroughNearest([](const Open& o) { return (o.flags & kHeading) != 0; },
                      [](const Open& o) { return (o.flags & kScopeBoundary) != 0; });
    return;
  }
  if (open_count_[static_cast<size_t>(token.tag)] == 0) return;  // Stray end tag.
  auto match = [&](const Open& o) { return IsNamed(o, token); };
  if (token.tag == Tag::kTr || token.tag == Tag::kTable || (token.flags & kTableSection)) {
    // Table structure end tags close open cells.
    PopThroughNearest(
        match, [](const Open& o) { return o.tag == Tag::kTable || o.tag == Tag::kTemplate; });
  } else if (token.tag == Tag::kLi) {
    PopThroughNearest(match, [](const Open& o) {
      return (o.flags & kScopeBoundary) || o.tag == Tag::kUl || o.tag == Tag::kOl;
    });
  } else {
    PopThroughNearest(match, [](const Open& o) { return (o.flags & kScopeBoundary) != 0; });
  }
}

Result<Dom> ParseHtml(std::string_view html, const ParseOptions& options) {
  const size_t budget = std::min(options.max_bytes, kHardMaxBytes);
  if (html.size() > budget) {
    return ResourceExhaustedError("HTML page of " + std::to_string(html.size()) +
                                  " bytes is over the " + std::to_string(budget) + "-byte budget");
  }
  Dom dom;
  DomBuilder builder(html, options, &dom);
  builder.Parse();
  return dom;
}

}  // namespace rashomon::html
