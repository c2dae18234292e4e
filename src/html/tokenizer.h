// html/tokenizer.h: the one-pass DomBuilder behind ParseHtml and the
// tables its tokenizer and tree builder share (internal to the html
// module; the public entry point is html/parser.h).
//
// The tokenizer half (html/tokenizer.cc) finds the next '<' with memchr,
// reads one tag, comment or run of text at a time, decodes character
// references into the pool and hands each token to the tree builder
// (html/parser.cc), which keeps the stack of open elements. docs/html.md
// describes both. DomBuilder is in namespace html, not internal, because
// Dom befriends it.
//
//   Dom dom;
//   DomBuilder builder(html, options, &dom);
//   builder.Parse();
//
// Thread-safety: the tables are constant; a DomBuilder serves one parse
// on one thread.
#ifndef RSH_HTML_TOKENIZER_H_
#define RSH_HTML_TOKENIZER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/parser.h"

namespace rashomon::html {
namespace internal {

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

inline constexpr size_t kTagCount = static_cast<size_t>(Tag::kCount);

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

inline constexpr std::array<uint32_t, kTagCount> kTagFlags = [] {
  std::array<uint32_t, kTagCount> flags{};
  for (size_t i = 0; i < kTagCount; ++i) flags[i] = FlagsOf(static_cast<Tag>(i));
  return flags;
}();

// Byte classes of the tokenizer.
enum ByteClass : uint8_t {
  kSpace = 1,        // \t \n \f \r and space.
  kTagNameEnd = 2,   // Space, '/', '>'.
  kAttrNameEnd = 4,  // Space, '/', '>', '='.
  kUnquotedEnd = 8,  // Space, '>'.
  kAsciiAlpha = 16,
};

inline constexpr std::array<uint8_t, 256> kByteClass = [] {
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

// Stored attributes per element; more are dropped (a warning says so).
// Bounds the quadratic duplicate check on hostile tags.
inline constexpr size_t kMaxAttributes = 128;

}  // namespace internal

// Builds a Dom from HTML in one pass; see parser.h. Not reusable: one
// DomBuilder per parse. The tokenizer and text decoding are in
// tokenizer.cc, the nodes, the stack and tree construction in parser.cc.
class DomBuilder {
 public:
  DomBuilder(std::string_view html, const ParseOptions& options, Dom* dom);

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

  // --- Tokenizer (tokenizer.cc).
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

  // --- Appending decoded text to the pool (tokenizer.cc).
  enum class NulMode { kDrop, kReplace };
  void AppendDecoded(const char* b, const char* e, bool in_attribute, NulMode nul);

  // --- Tree construction (parser.cc).
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

  // --- Nodes and the stack (parser.cc).
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
  std::array<uint32_t, internal::kTagCount> open_count_{};
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

}  // namespace rashomon::html

#endif  // RSH_HTML_TOKENIZER_H_
