#include "extract/html_extract.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_evidence.h"
#include "text/normalize.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace {

using html::Dom;
using html::kNoNode;
using html::NodeId;
using html::Tag;
using internal::Evidence;
using internal::Furniture;

// Per element facts computed in one walk.
struct ElementInfo {
  Evidence evidence;
  // Nearest ancestor-or-self element carrying furniture evidence.
  NodeId furniture_node = kNoNode;
  bool in_caption = false;  // Inside a figure or a caption.
};

struct TextBlock {
  std::string text;
  NodeId owner = kNoNode;  // The block-level element it belongs to.
  Tag owner_tag = Tag::kOther;
  BlockKind kind = BlockKind::kBody;
  NodeId furniture_node = kNoNode;
  size_t chars = 0;       // Code points, whitespace collapsed.
  size_t link_chars = 0;  // Of which inside <a>.
  int words = 0;
  bool heading = false;
  bool h1 = false;
  bool table_row = false;
  bool sentence_end = false;
  double value = 0;  // Article evidence; negative for furniture.
  bool article_shaped = false;
  bool teaser = false;  // The summary under a link headline in a small card,
                        // or that headline.
};

bool IsBlockTag(Tag tag) {
  switch (tag) {
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kBody:
    case Tag::kCaption:
    case Tag::kCenter:
    case Tag::kDd:
    case Tag::kDetails:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kForm:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kHr:
    case Tag::kHtml:
    case Tag::kLegend:
    case Tag::kLi:
    case Tag::kMain:
    case Tag::kMenu:
    case Tag::kNav:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kSection:
    case Tag::kSummary:
    case Tag::kTable:
    case Tag::kTbody:
    case Tag::kTfoot:
    case Tag::kThead:
    case Tag::kTr:
    case Tag::kUl:
      return true;
    default:
      return false;
  }
}

// Custom elements ("story-body", "amp-ad") wrap blocks, like div.
bool IsBlock(const Dom& dom, NodeId id) {
  const Tag tag = dom.tag(id);
  if (tag != Tag::kOther) return IsBlockTag(tag);
  return dom.tag_name(id).find('-') != std::string_view::npos;
}

bool IsHeading(Tag tag) {
  return tag == Tag::kH1 || tag == Tag::kH2 || tag == Tag::kH3 || tag == Tag::kH4 ||
         tag == Tag::kH5 || tag == Tag::kH6;
}

// Collects text blocks in document order, splitting at block elements and <br>.
class BlockCollector {
 public:
  BlockCollector(const Dom& dom, std::vector<ElementInfo>* info) : dom_(dom), info_(*info) {}

  std::vector<TextBlock> Collect(NodeId body) {
    struct Frame {
      NodeId id;
      bool exiting;
    };
    std::vector<Frame> stack;
    stack.push_back({body, false});
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const NodeId id = f.id;
      if (dom_.is_text(id)) {
        AddText(dom_.text(id));
        continue;
      }
      if (!dom_.is_element(id)) continue;
      const Tag tag = dom_.tag(id);
      if (f.exiting) {
        if (tag == Tag::kA) --link_depth_;
        if (IsBlock(dom_, id)) Flush();
        owner_stack_.pop_back();
        continue;
      }
      ElementInfo& ei = info_[id];
      ei.evidence = internal::ClassifyElement(dom_, id);
      const NodeId parent = dom_.parent(id);
      ei.furniture_node = parent < info_.size() ? info_[parent].furniture_node : kNoNode;
      if (ei.evidence.furniture != Furniture::kNone) ei.furniture_node = id;
      ei.in_caption = ei.evidence.caption || (parent < info_.size() && info_[parent].in_caption);
      if (ei.evidence.skip) continue;
      // Inline furniture inside a paragraph or caption ("<span
      // class=credit>", a share button) is cut out of the text.
      const bool block = IsBlock(dom_, id);
      if (!block && ei.evidence.strong && ei.evidence.furniture != Furniture::kNone) {
        continue;
      }
      if (tag == Tag::kBr || tag == Tag::kHr) {
        Flush();
        continue;
      }
      if (tag == Tag::kImg) continue;
      if (block) Flush();
      // The cells of a table row make one line, tab-separated.
      if ((tag == Tag::kTd || tag == Tag::kTh) && !current_.empty()) {
        current_ += '\t';
        ++chars_;
        pending_space_ = false;
      }
      owner_stack_.push_back(block ? id : owner_stack_.empty() ? id : owner_stack_.back());
      if (tag == Tag::kA) ++link_depth_;
      stack.push_back({id, true});
      // Children in reverse so the first child is processed first.
      for (NodeId c = dom_.last_child(id); c != kNoNode; c = dom_.prev_sibling(c)) {
        stack.push_back({c, false});
      }
    }
    Flush();
    return std::move(blocks_);
  }

 private:
  void AddText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !current_.empty();
        continue;
      }
      // U+00A0 no-break space counts as a space.
      if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        pending_space_ = !current_.empty();
        ++i;
        continue;
      }
      if (pending_space_) {
        current_.push_back(' ');
        ++chars_;
        if (link_depth_ > 0) ++link_chars_;
        pending_space_ = false;
      }
      current_.push_back(static_cast<char>(c));
      if ((c & 0xC0) != 0x80) {
        ++chars_;
        if (link_depth_ > 0) ++link_chars_;
      }
    }
  }

  void Flush() {
    pending_space_ = false;
    if (current_.empty()) return;
    TextBlock b;
    b.owner = owner_stack_.empty() ? dom_.root() : owner_stack_.back();
    b.owner_tag = dom_.tag(b.owner);
    b.furniture_node = b.owner < info_.size() ? info_[b.owner].furniture_node : kNoNode;
    b.chars = chars_;
    b.link_chars = link_chars_;
    b.text = std::move(current_);
    current_.clear();
    chars_ = link_chars_ = 0;
    blocks_.push_back(std::move(b));
  }

  const Dom& dom_;
  std::vector<ElementInfo>& info_;
  std::vector<TextBlock> blocks_;
  std::vector<NodeId> owner_stack_;
  std::string current_;
  size_t chars_ = 0, link_chars_ = 0;
  int link_depth_ = 0;
  bool pending_space_ = false;
};

bool EndsSentence(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      s.remove_suffix(1);
      continue;
    }
    // Closing quotes U+201D, U+2019, », and CJK full stop.
    if (s.size() >= 3 &&
        (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
      continue;
    }
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);
      continue;
    }
    if (s.size() >= 3 &&
        (s.substr(s.size() - 3) == "\xE3\x80\x82" || s.substr(s.size() - 3) == "\xEF\xBC\x81" ||
         s.substr(s.size() - 3) == "\xEF\xBC\x9F")) {
      return true;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return false;
}

// "Imprint · Privacy · Contact · Jobs": three separators or more make a
// menu, however many words it has.
bool IsSeparatedList(std::string_view s) {
  int separators = 0;
  for (std::string_view sep : {" \u00B7 ", " | ", " \u2022 ", " / ", " \u2013 "}) {
    for (size_t pos = s.find(sep); pos != std::string_view::npos; pos = s.find(sep, pos + 1)) {
      if (++separators >= 3) return true;
    }
  }
  return false;
}

// Words by text::CountWords, where each CJK character is a token; two of
// them count as one word, about the information of a word in spaced scripts.
int EffectiveWords(const TextBlock& b) {
  const int tokens = static_cast<int>(text::CountWords(b.text));
  return b.text.size() > b.chars * 2 ? tokens / 2 : tokens;
}

// Credit labels that end a caption: "... at the quay. Photo: Jane Roe".
constexpr std::string_view kCreditLabels[] = {
    "Photo:",   "Photos:",     "Photo by ",     "Photograph:",   "Picture:",      "Image:",
    "Images:",  "Credit:",     "Credits:",      "Illustration:", "Foto:",         "Fotos:",
    "Foto de ", "Fotografía:", "Bild:",         "Crédit:",       "Crédito:",      "Imagen:",
    "Фото:",    "Фото ",       "Иллюстрация:",  "写真：",        "Source:",       "Photo :",
    "Crédit :", "Crédits :",   "Image credit:", "Photo credit:", "Image credit :"};

// Byte offset where a labelled credit at the end of caption `text` starts,
// or npos: the label must follow the caption's text after a sentence end
// or a separator, and the credit must be short.
size_t FindCaptionCredit(std::string_view text) {
  for (std::string_view label : kCreditLabels) {
    for (size_t pos = text.find(label, 1); pos != std::string_view::npos;
         pos = text.find(label, pos + 1)) {
      size_t before = pos;
      while (before > 0 && text[before - 1] == ' ') --before;
      if (before == 0 || before == pos) continue;
      const char c = text[before - 1];
      if (c != '.' && c != '!' && c != '?' && c != '|' && c != '/' && c != '-' && c != '(' &&
          c != ')' && c != '"') {
        continue;
      }
      if (text::CountWords(text.substr(pos)) > 10 || text::CountWords(text.substr(0, before)) < 2)
        continue;
      return pos;
    }
  }
  return std::string_view::npos;
}

class Extractor {
 public:
  Extractor(const Dom& dom, const PageMetadata& meta, const MainContentOptions& options)
      : dom_(dom), meta_(meta), options_(options), info_(dom.size()) {}

  HtmlArticle Run() {
    HtmlArticle out;
    const NodeId body = FindBody();
    if (body == kNoNode) return out;
    BlockCollector collector(dom_, &info_);
    blocks_ = collector.Collect(body);
    title_key_ = text::LooseKey(meta_.title);
    for (TextBlock& b : blocks_) Measure(&b);
    NeutralizeWrappers();
    MarkTeasers();
    for (TextBlock& b : blocks_) Value(&b);
    NodeId container = ChooseContainer();
    std::vector<bool> keep(blocks_.size(), false);
    size_t kept_chars = SelectInContainer(container, &keep);
    kept_chars += SelectLead(container, &keep);
    out.method = "container";
    // Safety net: when furniture evidence has hidden most of the page's
    // prose ("subscriber-promo-body"), the article is probably inside it.
    if (kept_chars < options_.min_article_chars && NeutralizeLargestFurniture()) {
      for (TextBlock& b : blocks_) Value(&b);
      const NodeId retry = ChooseContainer();
      std::vector<bool> retry_keep(blocks_.size(), false);
      size_t retry_chars = SelectInContainer(retry, &retry_keep);
      retry_chars += SelectLead(retry, &retry_keep);
      if (retry_chars > kept_chars * 2 && retry_chars >= options_.min_article_chars) {
        container = retry;
        keep = std::move(retry_keep);
        kept_chars = retry_chars;
        out.method = "container_retry";
      }
    }
    if (kept_chars < options_.min_article_chars) {
      std::vector<bool> page(blocks_.size(), false);
      const size_t page_chars = SelectPage(&page);
      if (page_chars > kept_chars * 2 && page_chars >= options_.min_article_chars) {
        keep = std::move(page);
        kept_chars = page_chars;
        out.method = "page";
      }
    }
    const size_t ld_chars = meta_.json_ld_body.size();
    if (ld_chars >= options_.min_article_chars && ld_chars > 2 * ArticleBytes(keep) + 200) {
      EmitJsonLd(&out);
      out.method = "json_ld";
      return out;
    }
    if (options_.trace != nullptr) Trace(container, keep);
    Emit(keep, &out);
    return out;
  }

  std::string Path(NodeId n) const {
    std::string path;
    for (int depth = 0; n != kNoNode && n != dom_.root() && depth < 6;
         n = dom_.parent(n), ++depth) {
      std::string part(dom_.tag_name(n));
      std::string_view cls = dom_.attr(n, "class"), id = dom_.attr(n, "id");
      if (!id.empty()) part += "#" + std::string(id.substr(0, 30));
      if (!cls.empty()) part += "." + std::string(cls.substr(0, 40));
      path = path.empty() ? part : part + " < " + path;
    }
    return path;
  }

  void Trace(NodeId container, const std::vector<bool>& keep) {
    std::string& t = *options_.trace;
    t += "container: " + (container == kNoNode ? std::string("none") : Path(container)) + "\n";
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const TextBlock& b = blocks_[i];
      NodeId where = kNoNode;
      const Furniture f = FurnitureOf(b, &where);
      char head[96];
      std::snprintf(head, sizeof(head), "%c v=%-7.0f c=%-5zu l=%-5zu w=%-4d %s ",
                    keep[i] ? '+' : '-', b.value, b.chars, b.link_chars, b.words,
                    std::string(internal::FurnitureRule(f)).c_str());
      t += head;
      t += b.text.substr(0, 70);
      t += "  [" + Path(b.owner) + "]";
      if (where != kNoNode) t += " {" + Path(where) + "}";
      t += "\n";
    }
  }

 private:
  NodeId FindBody() const {
    for (NodeId n = dom_.root(); n != kNoNode; n = dom_.Next(n, dom_.root())) {
      if (dom_.is_element(n) && dom_.tag(n) == Tag::kBody) return n;
    }
    return dom_.size() > 1 ? dom_.root() : kNoNode;
  }

  void Measure(TextBlock* b) {
    b->words = EffectiveWords(*b);
    b->heading = IsHeading(b->owner_tag);
    b->h1 = b->owner_tag == Tag::kH1;
    // A data row has two cells or more; a layout table's row holds one.
    b->table_row = b->owner_tag == Tag::kTr && b->text.find('\t') != std::string::npos;
    b->sentence_end = EndsSentence(b->text);
    const double link_density = b->chars ? double(b->link_chars) / double(b->chars) : 0;
    b->article_shaped = link_density < 0.5 && !b->heading && !IsSeparatedList(b->text) &&
                        (b->words >= 12 || (b->words >= 6 && b->sentence_end));
    switch (b->owner_tag) {
      case Tag::kBlockquote:
        b->kind = BlockKind::kQuote;
        break;
      case Tag::kFigcaption:
        b->kind = BlockKind::kCaption;
        break;
      default:
        b->kind = b->heading && !b->h1 ? BlockKind::kHeading : BlockKind::kBody;
    }
    if (info_[b->owner].in_caption) {
      b->kind = BlockKind::kCaption;
      b->article_shaped = false;
    }
    if (b->article_shaped) total_article_chars_ += b->chars;
  }

  // Furniture words on a wrapper of most of the article ("page has-sidebar",
  // "layout-footer-sticky") describe the layout, not the text: such an
  // element stops counting as furniture.
  void NeutralizeWrappers() {
    if (total_article_chars_ == 0) return;
    std::vector<size_t>& article_chars = article_chars_;
    article_chars.assign(dom_.size(), 0);
    std::vector<uint8_t> has_marker(dom_.size(), 0);
    for (const TextBlock& b : blocks_) {
      if (b.article_shaped) article_chars[b.owner] += b.chars;
      if (b.h1) has_marker[b.owner] = 1;
    }
    for (NodeId n = 1; n < dom_.size(); ++n) {
      if (!dom_.is_element(n)) continue;
      const Evidence& ev = info_[n].evidence;
      if (ev.strong_positive || ((dom_.tag(n) == Tag::kArticle || dom_.tag(n) == Tag::kMain) &&
                                 ev.furniture == Furniture::kNone))
        has_marker[n] = 1;
    }
    for (NodeId n = static_cast<NodeId>(dom_.size()); n-- > 1;) {
      const NodeId p = dom_.parent(n);
      if (p == kNoNode) continue;
      article_chars[p] += article_chars[n];
      has_marker[p] |= has_marker[n];
    }
    neutral_.assign(dom_.size(), 0);
    for (NodeId n = 1; n < dom_.size(); ++n) {
      const Evidence& ev = info_[n].evidence;
      if (ev.furniture == Furniture::kNone) continue;
      const double share = double(article_chars[n]) / double(total_article_chars_);
      if (share >= 0.6 && has_marker[n]) neutral_[n] = 1;
    }
  }

  // Neutralizes the furniture element holding the most article-shaped
  // text, when that is at least 60 % of the page's; never comments (a
  // short article above a long thread is still the article). Returns
  // whether one was neutralized.
  bool NeutralizeLargestFurniture() {
    if (total_article_chars_ == 0 || neutral_.empty()) return false;
    NodeId best = kNoNode;
    for (NodeId n = 1; n < dom_.size(); ++n) {
      const Evidence& ev = info_[n].evidence;
      if (ev.furniture == Furniture::kNone || ev.furniture == Furniture::kComments || neutral_[n]) {
        continue;
      }
      if (best == kNoNode || article_chars_[n] > article_chars_[best]) best = n;
    }
    if (best == kNoNode || article_chars_[best] * 10 < total_article_chars_ * 6) return false;
    neutral_[best] = 1;
    return true;
  }

  bool IsLinkHeadline(const TextBlock& b) const {
    return b.words >= 3 && b.chars > 0 && double(b.link_chars) / double(b.chars) >= 0.6;
  }

  // Up to `max` ancestors-or-self of `n`, nearest first.
  int Ancestors(NodeId n, NodeId* out, int max) const {
    int k = 0;
    for (; n != kNoNode && n != dom_.root() && k < max; n = dom_.parent(n)) out[k++] = n;
    return k;
  }

  // Lists of other stories show cards: a link headline, maybe a date or an
  // author, then a summary that reads like prose. The summary is a teaser
  // when the smallest element holding the headline and it holds no other
  // prose block. Article paragraphs share their container with many others.
  void MarkTeasers() {
    constexpr int kMaxUp = 5;
    for (size_t i = 1; i < blocks_.size(); ++i) {
      TextBlock& b = blocks_[i];
      if (!b.article_shaped) continue;
      NodeId up[kMaxUp];
      const int n_up = Ancestors(b.owner, up, kMaxUp);
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        const TextBlock& h = blocks_[i - back];
        if (h.article_shaped) break;
        if (!IsLinkHeadline(h)) continue;
        NodeId hup[kMaxUp];
        const int n_hup = Ancestors(h.owner, hup, kMaxUp);
        NodeId card = kNoNode;
        for (int x = 0; x < n_up && card == kNoNode; ++x) {
          for (int y = 0; y < n_hup; ++y) {
            if (up[x] == hup[y]) {
              card = up[x];
              break;
            }
          }
        }
        if (card == kNoNode) break;
        // A card holds one summary: prose before the headline in the same
        // element means an article with linked subheadings.
        if (i > back && blocks_[i - back - 1].article_shaped &&
            Inside(blocks_[i - back - 1].owner, card)) {
          break;
        }
        // Cards are list items or articles, or carry a heading as headline.
        const Tag card_tag = dom_.tag(card);
        if (!h.heading && card_tag != Tag::kLi && card_tag != Tag::kArticle) break;
        const bool next_inside = i + 1 < blocks_.size() && blocks_[i + 1].article_shaped &&
                                 Inside(blocks_[i + 1].owner, card);
        if (!next_inside) {
          b.teaser = true;
          blocks_[i - back].teaser = true;
        }
        break;
      }
    }
  }

  // The furniture a block stands in, kNone if none (neutralized wrappers skipped).
  Furniture FurnitureOf(const TextBlock& b, NodeId* where) const {
    for (NodeId n = b.furniture_node; n != kNoNode;) {
      if (!neutral_.empty() && neutral_[n]) {
        const NodeId p = dom_.parent(n);
        n = p == kNoNode ? kNoNode : info_[p].furniture_node;
        continue;
      }
      if (where) *where = n;
      return info_[n].evidence.furniture;
    }
    return Furniture::kNone;
  }

  void Value(TextBlock* b) {
    const double c = double(b->chars);
    const double link_density = b->chars ? double(b->link_chars) / c : 0;
    NodeId where = kNoNode;
    if (FurnitureOf(*b, &where) != Furniture::kNone) {
      // Weak words (sidebar, footer, menu) are weaker evidence against prose.
      b->value = info_[where].evidence.strong || !b->article_shaped ? -c : -0.5 * c;
    } else if (link_density >= 0.5) {
      b->value = -c * link_density;
    } else if (b->teaser) {
      b->value = -0.5 * c;
    } else if (b->article_shaped) {
      b->value = c * (1.0 - link_density);
    } else if (b->heading || b->table_row || b->kind == BlockKind::kCaption ||
               (b->owner_tag == Tag::kLi && link_density < 0.3)) {
      // Headings, data rows, captions and list items of text (the steps of
      // a how-to, the points of a summary) neither help nor hurt.
      b->value = 0;
    } else {
      b->value = -0.3 * c;
    }
  }

  // The element whose subtree holds the most article text net of furniture.
  NodeId ChooseContainer() {
    std::vector<double> own(dom_.size(), 0.0);
    for (const TextBlock& b : blocks_) own[b.owner] += b.value;
    std::vector<double> plain = own;
    for (NodeId n = static_cast<NodeId>(dom_.size()); n-- > 1;) {
      const NodeId p = dom_.parent(n);
      if (p != kNoNode) plain[p] += plain[n];
    }
    // A box of other stories or an ad between two parts of the article
    // ("article-body__part", box, part) is dropped from the text anyway;
    // it must not split the article's container, so it adds nothing.
    std::vector<double> sum = own;
    for (NodeId n = static_cast<NodeId>(dom_.size()); n-- > 1;) {
      const NodeId p = dom_.parent(n);
      if (p == kNoNode) continue;
      if (sum[n] < 0 && dom_.is_element(n) && Sandwiched(n, plain)) continue;
      sum[p] += sum[n];
    }
    NodeId best = kNoNode;
    double best_sum = 0;
    for (NodeId n = 1; n < dom_.size(); ++n) {
      if (!dom_.is_element(n)) continue;
      double s = sum[n];
      if (info_[n].evidence.positive) s *= 1.05;
      if (s > best_sum * 1.0001 || (best != kNoNode && s >= best_sum && IsAncestor(best, n))) {
        best = n;
        best_sum = s;
      }
    }
    return best;
  }

  // Whether the nearest element siblings of `n` on both sides hold article text.
  bool Sandwiched(NodeId n, const std::vector<double>& plain) const {
    NodeId before = dom_.prev_sibling(n);
    while (before != kNoNode && !dom_.is_element(before)) before = dom_.prev_sibling(before);
    NodeId after = dom_.next_sibling(n);
    while (after != kNoNode && !dom_.is_element(after)) after = dom_.next_sibling(after);
    return before != kNoNode && after != kNoNode && plain[before] > 0 && plain[after] > 0;
  }

  bool IsAncestor(NodeId ancestor, NodeId n) const {
    int steps = 0;
    for (NodeId p = dom_.parent(n); p != kNoNode && steps < 4096; p = dom_.parent(p), ++steps) {
      if (p == ancestor) return true;
    }
    return false;
  }

  bool Inside(NodeId n, NodeId scope) const { return n == scope || IsAncestor(scope, n); }

  // Keeps the blocks of `container` that are not furniture.
  size_t SelectInContainer(NodeId container, std::vector<bool>* keep) {
    if (container == kNoNode) return 0;
    size_t chars = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const TextBlock& b = blocks_[i];
      if (!Inside(b.owner, container)) continue;
      if (!Keepable(b)) continue;
      (*keep)[i] = true;
      if (b.article_shaped) chars += b.chars;
    }
    return chars;
  }

  // The article starts at its headline: when the title's h1 stands
  // outside the container but near it (a header above the text), the
  // blocks between the two (standfirst, lead picture caption) are kept.
  size_t SelectLead(NodeId container, std::vector<bool>* keep) {
    if (container == kNoNode || title_key_.empty()) return 0;
    size_t first_in = blocks_.size();
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if ((*keep)[i]) {
        first_in = i;
        break;
      }
    }
    if (first_in == blocks_.size()) return 0;
    size_t h1 = blocks_.size();
    for (size_t i = first_in; i-- > 0;) {
      if (blocks_[i].h1 && text::LooseKey(blocks_[i].text) == title_key_) {
        h1 = i;
        break;
      }
    }
    if (h1 == blocks_.size() || first_in - h1 > 8) return 0;
    // Near: the h1 and the container meet within three levels above the container.
    NodeId meet = container;
    for (int up = 0; up < 3 && meet != kNoNode && !Inside(blocks_[h1].owner, meet); ++up) {
      meet = dom_.parent(meet);
    }
    if (meet == kNoNode || !Inside(blocks_[h1].owner, meet)) return 0;
    size_t chars = 0;
    for (size_t i = h1 + 1; i < first_in; ++i) {
      TextBlock& b = blocks_[i];
      if (!Keepable(b) || b.value < 0) continue;
      (*keep)[i] = true;
      if (b.article_shaped) {
        chars += b.chars;
        if (b.kind == BlockKind::kBody) b.kind = BlockKind::kStandfirst;  // The deck.
      }
    }
    return chars;
  }

  bool Keepable(const TextBlock& b) const {
    NodeId where = kNoNode;
    if (FurnitureOf(b, &where) != Furniture::kNone &&
        (info_[where].evidence.strong || !b.article_shaped)) {
      return false;
    }
    const double link_density = b.chars ? double(b.link_chars) / double(b.chars) : 0;
    if (link_density >= 0.6 && !b.heading) return false;
    if (b.h1 && text::LooseKey(b.text) == title_key_) return false;
    return !b.teaser;
  }

  // Every article-shaped block of the page, with the headings between them.
  size_t SelectPage(std::vector<bool>* keep) {
    size_t chars = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const TextBlock& b = blocks_[i];
      if (!b.article_shaped || !Keepable(b)) continue;
      (*keep)[i] = true;
      chars += b.chars;
    }
    return chars;
  }

  // Bytes of the kept article-shaped blocks (offers, dates and labels
  // around a paywalled teaser do not count).
  size_t ArticleBytes(const std::vector<bool>& keep) const {
    size_t n = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (keep[i] && blocks_[i].article_shaped) n += blocks_[i].text.size() + 1;
    }
    return n;
  }

  void Emit(const std::vector<bool>& keep, HtmlArticle* out) {
    for (size_t i = 0; i < blocks_.size(); ++i) {
      TextBlock& b = blocks_[i];
      if (keep[i]) {
        if (b.kind == BlockKind::kCaption) CutCaptionCredit(&b.text, out);
        out->blocks.push_back({b.kind, std::move(b.text)});
        continue;
      }
      if (!options_.record_removed) continue;
      if (b.h1 && text::LooseKey(b.text) == title_key_) continue;  // It is the title.
      NodeId where = kNoNode;
      const Furniture f = FurnitureOf(b, &where);
      RemovedLine r;
      r.text = std::move(b.text);
      r.reason = internal::FurnitureReason(f);
      r.rule = std::string(internal::FurnitureRule(f));
      if (f == Furniture::kNone && b.chars && double(b.link_chars) / double(b.chars) >= 0.6) {
        r.reason = RemoveReason::kRelatedLink;
        r.rule = "html_link_dense";
      } else if (f == Furniture::kNone && b.teaser) {
        r.reason = RemoveReason::kRelatedLink;
        r.rule = "html_teaser";
      }
      out->removed.push_back(std::move(r));
    }
  }

  void CutCaptionCredit(std::string* text, HtmlArticle* out) const {
    const size_t cut = FindCaptionCredit(*text);
    if (cut == std::string::npos) return;
    if (options_.record_removed) {
      RemovedLine r;
      r.text = text->substr(cut);
      r.reason = RemoveReason::kCredit;
      r.rule = "html_caption_credit";
      out->removed.push_back(std::move(r));
    }
    size_t end = cut;
    while (end > 0 &&
           ((*text)[end - 1] == ' ' || (*text)[end - 1] == '|' || (*text)[end - 1] == '/' ||
            (*text)[end - 1] == '-' || (*text)[end - 1] == '(')) {
      --end;
    }
    text->resize(end);
  }

  void EmitJsonLd(HtmlArticle* out) {
    std::string_view body = meta_.json_ld_body;
    size_t start = 0;
    while (start < body.size()) {
      size_t end = body.find('\n', start);
      if (end == std::string_view::npos) end = body.size();
      std::string line = text::CollapseWhitespace(body.substr(start, end - start));
      if (!line.empty()) out->blocks.push_back({BlockKind::kBody, std::move(line)});
      start = end + 1;
    }
  }

  const Dom& dom_;
  const PageMetadata& meta_;
  const MainContentOptions& options_;
  std::vector<ElementInfo> info_;
  std::vector<TextBlock> blocks_;
  std::vector<uint8_t> neutral_;
  std::vector<size_t> article_chars_;  // Article-shaped characters in each subtree.
  std::string title_key_;
  size_t total_article_chars_ = 0;
};

}  // namespace

HtmlArticle ExtractMainContent(const Dom& dom, const PageMetadata& metadata,
                               const MainContentOptions& options) {
  return Extractor(dom, metadata, options).Run();
}

}  // namespace rashomon::extract
