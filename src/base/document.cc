#include "base/document.h"

namespace rashomon {

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle:
      return "title";
    case BlockKind::kStandfirst:
      return "standfirst";
    case BlockKind::kDateline:
      return "dateline";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kBody:
      return "body";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCaption:
      return "caption";
    case BlockKind::kSummary:
      return "summary";
  }
  return "body";
}

std::string_view RemoveReasonName(RemoveReason reason) {
  switch (reason) {
    case RemoveReason::kAdMarker:
      return "ad_marker";
    case RemoveReason::kPromo:
      return "promo";
    case RemoveReason::kCredit:
      return "credit";
    case RemoveReason::kCaption:
      return "caption";
    case RemoveReason::kWidget:
      return "widget";
    case RemoveReason::kRelatedLink:
      return "related_link";
    case RemoveReason::kRepeat:
      return "repeat";
    case RemoveReason::kTemplate:
      return "template";
    case RemoveReason::kAuthorBio:
      return "author_bio";
    case RemoveReason::kByline:
      return "byline";
    case RemoveReason::kTimestamp:
      return "timestamp";
    case RemoveReason::kOutsideArticle:
      return "outside_article";
    case RemoveReason::kComments:
      return "comments";
  }
  return "template";
}

std::string Document::CleanText() const {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

std::string Document::ArticleText() const {
  std::string out;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTitle || b.kind == BlockKind::kCaption) continue;
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

}  // namespace rashomon
