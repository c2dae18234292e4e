// extract/html_evidence.h: what an element's tag, class, id and role say it is.
//
// Internal to the extract module (html_extract.cc). Classifies one element
// as article-like, furniture of some kind (navigation, comments, related
// stories, share bar, ...), hidden, or skipped outright (scripts, forms
// controls, media). Class and id words are matched by their stems
// ("commentlist", "article-comments", "relatedPosts") and, for short words
// such as "ad" or "nav", by exact hyphen- or underscore-separated token.
//
// Thread-safety: pure functions.
#ifndef RSH_EXTRACT_HTML_EVIDENCE_H_
#define RSH_EXTRACT_HTML_EVIDENCE_H_

#include <string_view>

#include "base/document.h"
#include "html/dom.h"

namespace rashomon::extract::internal {

// Kinds of page furniture, each with the reason and rule it is removed by.
enum class Furniture : uint8_t {
  kNone,
  kNavigation,  // nav, menus, breadcrumbs, pagination, skip links.
  kSidebar,     // aside, rails, widgets.
  kFooter,      // Page and article footers, copyright.
  kComments,    // Reader comments and reply forms.
  kRelated,     // Related, recommended, popular and trending stories.
  kShare,       // Share and follow bars.
  kPromo,       // Newsletter, subscription, donation and paywall boxes.
  kAd,          // Advertising slots and sponsored boxes.
  kCookie,      // Cookie and consent notices.
  kAuthorBio,   // About-the-author boxes.
  kTags,        // Tag and topic lists.
  kCredit,      // Image credits.
  kDialog,      // Modals, pop-ups, overlays.
  kByline,      // Author lines and post meta ("byline", "post-meta", "author").
  kTimestamp,   // Publication date lines ("timestamp", "pubdate", "date").
};

struct Evidence {
  bool skip = false;             // Never text: scripts, styles, media, form controls, hidden.
  bool positive = false;         // Says "article body" (class, id, itemprop, role, tag).
  bool strong_positive = false;  // itemprop=articleBody and the like.
  bool caption = false;          // figure, figcaption, or a class word with "caption".
  Furniture furniture = Furniture::kNone;
  // Strong furniture (comments, share, ads...) stays furniture even when it
  // wraps much of the page; weak furniture (sidebar, footer, menu words in
  // a wrapper's class) does not.
  bool strong = false;
};

// Reads the evidence of element `id`.
Evidence ClassifyElement(const html::Dom& dom, html::NodeId id);

// Why a block under `furniture` is removed, and the rule name for the audit trail.
RemoveReason FurnitureReason(Furniture furniture);
std::string_view FurnitureRule(Furniture furniture);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_HTML_EVIDENCE_H_
