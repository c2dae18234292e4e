// The Dom accessors, the pre-order walk and the tag name table.
#include "html/dom.h"

#include <array>
#include <cstring>

namespace rashomon::html {
namespace {

constexpr size_t kTagCount = static_cast<size_t>(Tag::kCount);

// Names in the order of enum Tag; kOther has none.
constexpr std::array<std::string_view, kTagCount> kTagNames = {
    "",        "a",          "abbr",   "address",  "article",    "aside",   "audio",   "b",
    "base",    "blockquote", "body",   "br",       "button",     "canvas",  "caption", "center",
    "cite",    "code",       "dd",     "del",      "details",    "dialog",  "div",     "dl",
    "dt",      "em",         "embed",  "fieldset", "figcaption", "figure",  "font",    "footer",
    "form",    "h1",         "h2",     "h3",       "h4",         "h5",      "h6",      "head",
    "header",  "hgroup",     "hr",     "html",     "i",          "iframe",  "img",     "input",
    "ins",     "label",      "legend", "li",       "link",       "main",    "mark",    "math",
    "menu",    "meta",       "nav",    "noscript", "object",     "ol",      "option",  "p",
    "picture", "pre",        "q",      "s",        "script",     "section", "select",  "small",
    "source",  "span",       "strong", "style",    "sub",        "summary", "sup",     "svg",
    "table",   "tbody",      "td",     "template", "textarea",   "tfoot",   "th",      "thead",
    "time",    "title",      "tr",     "u",        "ul",         "video",   "wbr"};

static_assert(kTagNames[static_cast<size_t>(Tag::kBlockquote)] == "blockquote");
static_assert(kTagNames[static_cast<size_t>(Tag::kH1)] == "h1");
static_assert(kTagNames[static_cast<size_t>(Tag::kNoscript)] == "noscript");
static_assert(kTagNames[static_cast<size_t>(Tag::kWbr)] == "wbr");

// LookupTag hashes the first 8 bytes of the name plus its length with a
// multiplier chosen so that the 94 names land in distinct slots of 512
// (checked at compile time below), then confirms the name: one multiply,
// one load and one short compare per tag.
constexpr int kSlotBits = 9;
constexpr uint64_t kMagic = 0xf96ecfaa46399371ull;
constexpr size_t kMaxTagLength = 10;  // "blockquote", "figcaption".

constexpr uint64_t HashName(const char* name, size_t length) {
  uint64_t packed = 0;
  for (size_t i = 0; i < length && i < 8; ++i) {
    packed |= uint64_t{static_cast<uint8_t>(name[i])} << (8 * i);
  }
  return ((packed + length) * kMagic) >> (64 - kSlotBits);
}

struct SlotTable {
  std::array<uint8_t, size_t{1} << kSlotBits> tag{};
  bool collision = false;
};

constexpr SlotTable BuildSlots() {
  SlotTable t;
  for (size_t i = 1; i < kTagCount; ++i) {
    uint64_t h = HashName(kTagNames[i].data(), kTagNames[i].size());
    if (t.tag[h] != 0) t.collision = true;
    t.tag[h] = static_cast<uint8_t>(i);
  }
  return t;
}

constexpr SlotTable kSlots = BuildSlots();
static_assert(!kSlots.collision, "kMagic no longer separates the tag names");

}  // namespace

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < kTagCount ? kTagNames[i] : std::string_view();
}

Tag LookupTag(std::string_view lower_name) {
  const size_t n = lower_name.size();
  if (n == 0 || n > kMaxTagLength) return Tag::kOther;
  uint8_t t = kSlots.tag[HashName(lower_name.data(), n)];
  if (t == 0) return Tag::kOther;
  std::string_view want = kTagNames[t];
  if (want.size() != n || std::memcmp(want.data(), lower_name.data(), n) != 0) return Tag::kOther;
  return static_cast<Tag>(t);
}

Dom::Dom() {
  Node document;
  document.type = NodeType::kDocument;
  nodes_.push_back(document);
}

std::string_view Dom::text(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.type != NodeType::kText) return {};
  return pool_view(n.text_offset, n.text_length);
}

std::string_view Dom::tag_name(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.type != NodeType::kElement) return {};
  if (n.tag != Tag::kOther) return TagName(n.tag);
  return pool_view(n.text_offset, n.text_length);
}

std::string_view Dom::attr(NodeId id, std::string_view lower_name) const {
  for (const Attribute* a = attrs_begin(id); a != attrs_end(id); ++a) {
    if (pool_view(a->name_offset, a->name_length) == lower_name) {
      return pool_view(a->value_offset, a->value_length);
    }
  }
  return {};
}

bool Dom::has_attr(NodeId id, std::string_view lower_name) const {
  for (const Attribute* a = attrs_begin(id); a != attrs_end(id); ++a) {
    if (pool_view(a->name_offset, a->name_length) == lower_name) return true;
  }
  return false;
}

NodeId Dom::Next(NodeId id, NodeId scope, bool skip_children) const {
  if (!skip_children && nodes_[id].first_child != kNoNode) return nodes_[id].first_child;
  while (id != scope) {
    const Node& n = nodes_[id];
    if (n.next_sibling != kNoNode) return n.next_sibling;
    id = n.parent;
    if (id == kNoNode) break;
  }
  return kNoNode;
}

std::string Dom::InnerText(NodeId id) const {
  std::string out;
  for (NodeId n = id; n != kNoNode; n = Next(n, id)) {
    if (nodes_[n].type == NodeType::kText) out.append(text(n));
  }
  return out;
}

}  // namespace rashomon::html
