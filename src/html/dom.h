// html/dom.h: a compact, read-only DOM built by html/parser.h.
//
// Nodes live in one arena and refer to each other by index; strings (text,
// attribute names and values, names of unknown tags) live in one pool. Text
// is UTF-8 with character references decoded; whitespace is kept as in the
// source. Element and attribute names are lower case. Comments and doctypes
// are not kept. This is a DOM for reading articles, not a browser DOM: there
// is no mutation, no script, no style resolution.
//
//   Result<Dom> dom = ParseHtml(html, ParseOptions());
//   for (NodeId id = dom->first_child(dom->root()); id != kNoNode; id = dom->next_sibling(id))
//     if (dom->tag(id) == Tag::kBody) ...
//
// Thread-safety: a Dom is immutable after parsing; concurrent reads are safe.
#ifndef RSH_HTML_DOM_H_
#define RSH_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rashomon::html {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

// Element names the extractor cares about. kOther covers every other name
// (see Dom::tag_name for the actual name).
enum class Tag : uint8_t {
  kOther,
  kA,
  kAbbr,
  kAddress,
  kArticle,
  kAside,
  kAudio,
  kB,
  kBase,
  kBlockquote,
  kBody,
  kBr,
  kButton,
  kCanvas,
  kCaption,
  kCenter,
  kCite,
  kCode,
  kDd,
  kDel,
  kDetails,
  kDialog,
  kDiv,
  kDl,
  kDt,
  kEm,
  kEmbed,
  kFieldset,
  kFigcaption,
  kFigure,
  kFont,
  kFooter,
  kForm,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHead,
  kHeader,
  kHgroup,
  kHr,
  kHtml,
  kI,
  kIframe,
  kImg,
  kInput,
  kIns,
  kLabel,
  kLegend,
  kLi,
  kLink,
  kMain,
  kMark,
  kMath,
  kMenu,
  kMeta,
  kNav,
  kNoscript,
  kObject,
  kOl,
  kOption,
  kP,
  kPicture,
  kPre,
  kQ,
  kS,
  kScript,
  kSection,
  kSelect,
  kSmall,
  kSource,
  kSpan,
  kStrong,
  kStyle,
  kSub,
  kSummary,
  kSup,
  kSvg,
  kTable,
  kTbody,
  kTd,
  kTemplate,
  kTextarea,
  kTfoot,
  kTh,
  kThead,
  kTime,
  kTitle,
  kTr,
  kU,
  kUl,
  kVideo,
  kWbr,
  kCount  // Number of tags; not a tag.
};

// Lower-case name of `tag` ("div"); "" for kOther.
std::string_view TagName(Tag tag);
// The Tag for a lower-case element name, kOther if not listed.
Tag LookupTag(std::string_view lower_name);

enum class NodeType : uint8_t { kDocument, kElement, kText };

struct Attribute {
  uint32_t name_offset, name_length;    // In the pool.
  uint32_t value_offset, value_length;  // In the pool; decoded.
};

struct Node {
  NodeType type = NodeType::kElement;
  Tag tag = Tag::kOther;
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId next_sibling = kNoNode;
  NodeId prev_sibling = kNoNode;
  // kText: the text. kElement with Tag::kOther: the element name.
  uint32_t text_offset = 0, text_length = 0;
  // kElement: attributes [attr_begin, attr_begin + attr_count) of Dom::attributes().
  uint32_t attr_begin = 0, attr_count = 0;
  // Byte offset of the node's start in the parsed input.
  uint32_t source_offset = 0;
};

class Dom {
 public:
  Dom();  // A document node only.

  // The document node; its children are the top-level elements (normally one <html>).
  NodeId root() const { return 0; }
  size_t size() const { return nodes_.size(); }

  const Node& node(NodeId id) const { return nodes_[id]; }
  NodeType type(NodeId id) const { return nodes_[id].type; }
  Tag tag(NodeId id) const { return nodes_[id].tag; }
  bool is_element(NodeId id) const { return nodes_[id].type == NodeType::kElement; }
  bool is_text(NodeId id) const { return nodes_[id].type == NodeType::kText; }
  NodeId parent(NodeId id) const { return nodes_[id].parent; }
  NodeId first_child(NodeId id) const { return nodes_[id].first_child; }
  NodeId last_child(NodeId id) const { return nodes_[id].last_child; }
  NodeId next_sibling(NodeId id) const { return nodes_[id].next_sibling; }
  NodeId prev_sibling(NodeId id) const { return nodes_[id].prev_sibling; }

  // Text of a text node ("" for others). Views are valid while the Dom lives.
  std::string_view text(NodeId id) const;
  // Element name ("div", or the source name of an unknown element, lower case).
  std::string_view tag_name(NodeId id) const;
  // Value of attribute `lower_name` of element `id`, or "" when absent.
  std::string_view attr(NodeId id, std::string_view lower_name) const;
  // True when element `id` carries attribute `lower_name` (even empty).
  bool has_attr(NodeId id, std::string_view lower_name) const;
  // All attributes of element `id`.
  const Attribute* attrs_begin(NodeId id) const {
    return attributes_.data() + nodes_[id].attr_begin;
  }
  const Attribute* attrs_end(NodeId id) const {
    return attributes_.data() + nodes_[id].attr_begin + nodes_[id].attr_count;
  }
  std::string_view pool_view(uint32_t offset, uint32_t length) const {
    return std::string_view(pool_).substr(offset, length);
  }

  // The next node after `id` in document order (pre-order), staying inside
  // the subtree of `scope`; kNoNode at the end. With `skip_children`, the
  // children of `id` are skipped. Lets callers walk without recursion:
  //   for (NodeId n = scope; n != kNoNode; n = dom.Next(n, scope)) ...
  NodeId Next(NodeId id, NodeId scope, bool skip_children = false) const;

  // All text inside `id`, in document order, concatenated as is.
  std::string InnerText(NodeId id) const;

  // Parsing facts.
  bool truncated() const { return truncated_; }  // A budget stopped the parse early.
  int max_depth_seen() const { return max_depth_seen_; }
  // Problems met, e.g. "depth budget of 512 reached: deeper elements flattened".
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  friend class DomBuilder;
  std::vector<Node> nodes_;
  std::vector<Attribute> attributes_;
  std::string pool_;
  bool truncated_ = false;
  int max_depth_seen_ = 0;
  std::vector<std::string> warnings_;
};

}  // namespace rashomon::html

#endif  // RSH_HTML_DOM_H_
