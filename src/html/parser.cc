// The tree-construction half of DomBuilder and ParseHtml; see parser.h,
// tokenizer.h and docs/html.md. The tokenizer (tokenizer.cc) hands over
// one tag or run of text at a time; the builder keeps the stack of open
// elements.
#include "html/parser.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "html/tokenizer.h"

namespace rashomon::html {
namespace {

using internal::Is;
using internal::kBreaksForeign;
using internal::kClosesP;
using internal::kForeign;
using internal::kHeadContent;
using internal::kHeading;
using internal::kIntegrationPoint;
using internal::kMaxAttributes;
using internal::kOptgroup;
using internal::kPlaintext;
using internal::kRawText;
using internal::kRcdata;
using internal::kScopeBoundary;
using internal::kSkipLeadingNewline;
using internal::kSpace;
using internal::kTableSection;
using internal::kTagFlags;
using internal::kVoid;

bool IsAllSpace(const char* b, const char* e) {
  for (; b < e; ++b) {
    if (!Is(*b, kSpace)) return false;
  }
  return true;
}

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

DomBuilder::DomBuilder(std::string_view html, const ParseOptions& options, Dom* dom)
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
